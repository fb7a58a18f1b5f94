package org.tradeline.production;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx in front of instances, configured with the README's example (the {@code nginx}
 * block under "Several instances"), so that the example people copy is the one tested: only the
 * upstream servers and the listening address are replaced. Missing nginx skips the test on a
 * developer's machine; CI ({@code TRADELINE_REQUIRE_TOOLS=true}, nginx installed by .ci/run) fails.
 */
final class Nginx implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/nginx");
    private static final Pattern EXAMPLE = Pattern.compile("(?s)### Several instances\\n.*?```nginx\\n(.*?)```");
    private static final Pattern SERVER = Pattern.compile("(?m)^([ \\t]*)server[ \\t]+[^\\s;]+:\\d+([^;]*);\\n");

    private final Process process;
    private final int port;
    private final Path dir;

    private Nginx(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** The README's nginx example, as written there. */
    static String readmeExample() {
        try {
            Matcher m = EXAMPLE.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
            if (!m.find()) {
                fail("README.md has no ```nginx block under \"### Several instances\"");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts nginx with the README's example in front of {@code upstreams} (host:port each). */
    static Nginx inFrontOf(List<String> upstreams) {
        if (!Files.isExecutable(BINARY)) {
            String message = "nginx is missing (" + BINARY + "): apt-get install nginx";
            if ("true".equalsIgnoreCase(System.getenv("TRADELINE_REQUIRE_TOOLS"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        // the example's server lines give way to ours, with the same parameters
        Matcher servers = SERVER.matcher(readmeExample());
        StringBuilder site = new StringBuilder();
        boolean first = true;
        while (servers.find()) {
            String indent = servers.group(1);
            String parameters = servers.group(2);
            String ours = !first ? "" : upstreams.stream().map(u -> indent + "server " + u + parameters + ";\n")
                    .collect(Collectors.joining());
            servers.appendReplacement(site, Matcher.quoteReplacement(ours));
            first = false;
        }
        servers.appendTail(site);
        if (first) {
            fail("the README's nginx upstream lists no server host:port");
        }
        int port = AppProcess.freePort();
        if (site.indexOf("listen 80;") < 0) {
            fail("the README's nginx example does not listen on port 80");
        }
        String config = site.toString().replace("listen 80;", "listen 127.0.0.1:" + port + ";");
        try {
            Path dir = Files.createTempDirectory("tradeline-nginx");
            Path temp = Files.createDirectories(dir.resolve("temp"));
            // the workers run as nobody when nginx is started as root; they buffer bodies here
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.writeString(dir.resolve("tradeline.conf"), config);
            Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                    "daemon off;",
                    "worker_processes 1;",
                    "pid " + dir.resolve("nginx.pid") + ";",
                    "error_log " + dir.resolve("error.log") + " warn;",
                    "events { worker_connections 256; }",
                    "http {",
                    "    access_log off;",
                    "    client_body_temp_path " + temp.resolve("body") + ";",
                    "    proxy_temp_path " + temp.resolve("proxy") + ";",
                    "    fastcgi_temp_path " + temp.resolve("fastcgi") + ";",
                    "    uwsgi_temp_path " + temp.resolve("uwsgi") + ";",
                    "    scgi_temp_path " + temp.resolve("scgi") + ";",
                    "    include " + dir.resolve("tradeline.conf") + ";",
                    "}", ""));
            Process p = new ProcessBuilder(BINARY.toString(), "-e", dir.resolve("error.log").toString(), "-p", dir.toString(),
                    "-c", dir.resolve("nginx.conf").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("output.log").toFile()).start();
            Nginx nginx = new Nginx(p, port, dir);
            nginx.awaitListening();
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() {
        for (int i = 0; i < 200; i++) {
            if (!process.isAlive()) {
                fail("nginx stopped: " + log());
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                AppProcess.sleep(50);
            }
        }
        fail("nginx did not listen on " + port + ": " + log());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    String log() {
        try {
            return Files.readString(dir.resolve("error.log")) + Files.readString(dir.resolve("output.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
