package org.tradeline.production;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Tradeline instance started from the packaged jar ({@code target/quarkus-app/quarkus-run.jar})
 * as a child process on a free port, the way it runs in production: configured only through
 * environment variables. Failsafe runs the tests that use it after {@code package}.
 */
public final class AppProcess implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-password";
    /** Every instance gets the same secret, as the README asks of several instances. */
    public static final String SESSION_SECRET = "it-session-secret-shared-by-every-instance";
    public static final ObjectMapper JSON = new ObjectMapper();

    private static final AtomicInteger STARTED = new AtomicInteger();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
    private final HttpClient session = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).cookieHandler(cookies).build();
    private String csrf;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** True when failsafe runs for the PostgreSQL build ({@code -Ppostgresql} sets the property). */
    public static boolean onPostgresql() {
        return "postgresql".equals(System.getProperty("tradeline.it.database", "h2"));
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("tradeline.it.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            fail("The packaged app is missing (" + jar + "): run the integration tests with ./mvnw verify");
        }
        return jar;
    }

    /** Starts an instance on {@code db}, with {@code extraEnv} (name, value, …) added, and waits until it answers. */
    public static AppProcess start(Database db, String... extraEnv) {
        return start(db, List.of("-Xmx256m"), extraEnv);
    }

    /** The same with these JVM options, and the JDK this test runs on. */
    public static AppProcess start(Database db, List<String> jvmOptions, String... extraEnv) {
        int n = STARTED.incrementAndGet();
        int port = freePort();
        Path log = Path.of("target", "it-logs").toAbsolutePath()
                .resolve(db.name + "-" + n + "-port-" + port + ".log");
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar().toAbsolutePath().toString()));
            ProcessBuilder pb = new ProcessBuilder(command).directory(db.dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("TRADELINE_") || k.startsWith("_TEST_"));
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("TRADELINE_IMPORTING_DIRS", Path.of("timelines").toAbsolutePath().toString());
            env.put("TRADELINE_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("TRADELINE_SESSION_SECRET", SESSION_SECRET);
            env.putAll(db.env);
            for (int i = 0; i + 1 < extraEnv.length; i += 2) {
                env.put(extraEnv[i], extraEnv[i + 1]);
            }
            AppProcess app = new AppProcess(pb.start(), port, log);
            app.awaitReady();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("The app stopped with exit code " + process.exitValue() + " while starting:\n" + logTail());
            }
            try {
                if (get("/api/timelines").statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(250);
        }
        process.destroyForcibly();
        fail("The app did not answer within " + START_TIMEOUT + ":\n" + logTail());
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** The application name of this instance's listening connection in {@code pg_stat_activity}. */
    public String listenerName() {
        return "tradeline revisions " + process.pid();
    }

    /** The value of a metric without labels at {@code /q/metrics}, e.g. {@code tradeline_cache_revisions_in_memory}. */
    public double metric(String name) {
        for (String line : get("/q/metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no metric " + name + " on port " + port);
    }

    /** The end of this instance's log, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** {@code kill -9}: SIGKILL, no shutdown hook runs. Returns the exit code (137 on Linux). */
    public int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                fail("the process survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return process.exitValue();
    }

    /** Ordinary stop (SIGTERM), forcibly after 30 s. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    /** Ordinary stop (SIGTERM), forcibly after {@code patience}. */
    public void stop(Duration patience) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    // --- HTTP ------------------------------------------------------------------------------

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET(), headers);
    }

    /**
     * A write through the JSON API as the admin; {@code body} null sends none. Authenticated the
     * way the editor's browser does it (session cookie plus X-CSRF-Token), which costs one bcrypt
     * check at sign-in instead of one per request as HTTP Basic would.
     */
    public HttpResponse<String> write(String method, String path, Object body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("X-CSRF-Token", signIn());
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                b.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .header("Content-Type", "application/json");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return send(session, b, headers);
    }

    /** A GET as the signed-in admin, e.g. of an editor's form. */
    public HttpResponse<String> getAsAdmin(String path) {
        signIn();
        return send(session, HttpRequest.newBuilder(URI.create(base() + path)).GET());
    }

    /** Signs the admin in once (through the login form); returns the CSRF token for JSON writes. */
    private synchronized String signIn() {
        if (csrf == null) {
            send(session, HttpRequest.newBuilder(URI.create(base() + "/login")).GET());
            String token = csrfCookie();
            String form = "username=" + ADMIN + "&password=" + ADMIN_PASSWORD + "&next=%2Feditor&_csrf="
                    + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
            HttpResponse<String> r = send(session, HttpRequest.newBuilder(URI.create(base() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            if (r.statusCode() != 303) {
                fail("sign-in failed: " + r.statusCode() + " " + r.body());
            }
            csrf = csrfCookie();
        }
        return csrf;
    }

    private String csrfCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("tl_csrf"))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no tl_csrf cookie"));
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String... headers) {
        return send(http, b, headers);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder b, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A published event for the write API, as {@code WriteApiTest} sends it. */
    public static Map<String, Object> event(String headline, String body) {
        Map<String, Object> e = new HashMap<>();
        e.put("headline", headline);
        e.put("date", "2025-03-14");
        e.put("precision", "day");
        e.put("category", "deal");
        e.put("body", body);
        e.put("status", "published");
        e.put("sources", List.of(Map.of("title", "Source", "publisher", "Wire", "url", "https://example.org/s")));
        return e;
    }

    /** Creates a published timeline through the API; returns its slug. */
    public String createTimeline(String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = write("POST", "/api/timelines",
                Map.of("slug", slug, "title", "Timeline " + slug, "summary", "Made by an integration test.", "status", "published"));
        if (r.statusCode() != 201) {
            fail("creating timeline " + slug + ": " + r.statusCode() + " " + r.body());
        }
        return slug;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A database of its own for one test class, and the folder the instances run in. On H2 it is
     * the default file database under {@code data/} of that folder (so the default JDBC URL, with
     * its {@code WRITE_DELAY=0}, is what is tested); on PostgreSQL a new database on the server
     * named by {@code QUARKUS_DATASOURCE_JDBC_URL}, dropped again at the end.
     */
    public static final class Database implements AutoCloseable {

        private static final Pattern PG_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");

        final String name;
        final Path dir;
        final Map<String, String> env = new HashMap<>();
        private final String adminUrl;
        private final String pgName;

        private Database(String name, Path dir, String adminUrl, String pgName) {
            this.name = name;
            this.dir = dir;
            this.adminUrl = adminUrl;
            this.pgName = pgName;
        }

        public static Database create(String name) {
            Path dir;
            try {
                dir = Files.createTempDirectory("tradeline-it-" + name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!onPostgresql()) {
                return new Database(name, dir, null, null);
            }
            String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
            if (url == null || !url.startsWith("jdbc:postgresql:")) {
                fail("The PostgreSQL build needs QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME, _PASSWORD); see .ci/postgresql");
            }
            Matcher m = PG_URL.matcher(url);
            if (!m.matches()) {
                fail("Cannot read the database name from " + url);
            }
            String pgName = ("tradeline_it_" + name + "_" + UUID.randomUUID().toString().substring(0, 8))
                    .toLowerCase().replaceAll("[^a-z0-9_]", "_");
            Database db = new Database(name, dir, url, pgName);
            db.sql("create database " + pgName);
            db.env.put("QUARKUS_DATASOURCE_JDBC_URL", m.group(1) + pgName + m.group(3));
            db.env.put("QUARKUS_DATASOURCE_USERNAME", System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", ""));
            db.env.put("QUARKUS_DATASOURCE_PASSWORD", System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""));
            return db;
        }

        /** The first column of the first row of {@code query} on this test's PostgreSQL database. */
        public long queryLong(String query, String parameter) {
            try (Connection c = DriverManager.getConnection(env.get("QUARKUS_DATASOURCE_JDBC_URL"),
                    env.get("QUARKUS_DATASOURCE_USERNAME"), env.get("QUARKUS_DATASOURCE_PASSWORD"));
                    java.sql.PreparedStatement s = c.prepareStatement(query)) {
                s.setString(1, parameter);
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(query + ": " + e.getMessage(), e);
            }
        }

        /**
         * Restarts the PostgreSQL server (fast shutdown: every session is terminated, then a start)
         * with the script {@code .ci/postgresql} names in {@code TRADELINE_IT_PG_RESTART}; false when
         * there is none (a server of the developer's own), so that the caller can skip.
         */
        public static boolean canRestartServer() {
            String script = System.getenv("TRADELINE_IT_PG_RESTART");
            return onPostgresql() && script != null && Files.isExecutable(Path.of(script));
        }

        public void restartServer() {
            try {
                Process p = new ProcessBuilder(System.getenv("TRADELINE_IT_PG_RESTART")).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    fail("restarting PostgreSQL failed: " + out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void sql(String statement) {
            try (Connection c = DriverManager.getConnection(adminUrl, System.getenv("QUARKUS_DATASOURCE_USERNAME"),
                    System.getenv("QUARKUS_DATASOURCE_PASSWORD")); Statement s = c.createStatement()) {
                s.execute(statement);
            } catch (SQLException e) {
                throw new IllegalStateException(statement + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (pgName != null) {
                sql("drop database if exists " + pgName + " with (force)");
            }
            try (Stream<Path> files = Files.walk(dir)) {
                List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
                for (Path p : all) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // a temp folder left behind is harmless
            }
        }
    }
}
