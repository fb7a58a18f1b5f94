package org.tradeline.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown of the packaged app (runs after {@code package}, by Failsafe): a request in
 * flight when SIGTERM arrives still completes and is answered; only then does the process exit.
 * The slow request is an API write whose body the client sends in two halves, SIGTERM in between,
 * so no test-only route is needed.
 */
class GracefulShutdownIT {

    static final String PASSWORD = "shutdown-it-password";
    Process app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void shouldFinishTheRequestInFlightWhenTerminated() throws Exception {
        // It starts the jar on the shipped default (an H2 file); the PostgreSQL build has no such default.
        org.junit.jupiter.api.Assumptions.assumeFalse("postgresql".equals(System.getProperty("tradeline.it.database")),
                "runs on the H2 build (the shipped default database)");
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("run after mvn package").exists();
        Path data = Files.createTempDirectory(Path.of("target"), "shutdown-it-"); // relative, as the URL wants
        Path log = data.resolve("app.log");
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        pb.environment().put("TRADELINE_DATA_DIR", data.toString());
        // The default JDBC URL (under the data folder, relative to the working directory): what ships.
        pb.environment().put("TRADELINE_IMPORTING_DIRS", "timelines");
        pb.environment().put("TRADELINE_ADMIN_PASSWORD", PASSWORD);
        pb.environment().put("TRADELINE_SESSION_SECRET", "shutdown-it-secret");
        app = pb.start();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            assertThat(app.isAlive()).as("app running; see " + log).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("ready within 90 s; see " + log).isLessThan(deadline);
            Thread.sleep(200);
        }

        byte[] body = """
                {"slug":"in-flight","title":"Written while shutting down","summary":"","status":"published","actors":[]}"""
                .getBytes(StandardCharsets.UTF_8);
        String auth = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/timelines HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(500);

            app.destroy(); // SIGTERM
            Thread.sleep(1500);
            assertThat(app.isAlive()).as("still waiting for the request in flight").isTrue();
            // Meanwhile a new request is still answered (Quarkus 3.33 does not refuse it; it closes the
            // connection after the answer, which java.net.http does not let us see).
            HttpResponse<Void> meanwhile = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/timelines")).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(meanwhile.statusCode()).as("a new request during shutdown").isEqualTo(200);

            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as("answer to the request in flight").startsWith("HTTP/1.1 201");
        }
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("exits once the request is answered").isTrue();
        assertThat(Files.readString(log)).contains("stopped in");
    }
}
