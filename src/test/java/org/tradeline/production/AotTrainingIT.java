package org.tradeline.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The training run of the AOT cache, for the {@code -Paot} build on Java 25 (README "Start-up with
 * an AOT cache"). Skipped unless that profile sets {@code tradeline.aot.training}.
 * <ol>
 * <li>A first start of the packaged {@code aot-jar} creates and fills a database, as a deployment's
 * first start does.</li>
 * <li>The training run: a start on that existing database with {@code -XX:AOTCacheOutput} (JEP 514),
 * then what a production instance serves in its first minutes — every kind of public page, JSON,
 * feed and export, revalidations, gzip, refusals, an editor signing in, writes through the API —
 * so that the classes those paths load, linked (JEP 483), and the profiles of their hot methods
 * (JEP 515) are recorded. At exit the JVM assembles {@code target/quarkus-app/app.aot}.</li>
 * <li>A start with {@code -XX:AOTMode=on}, which refuses to run if the cache cannot be used, so a
 * cache that does not fit this jar and JDK fails the build instead of silently doing nothing.</li>
 * </ol>
 * The JVM options are production's (README "Heap and memory"), passed by the profile.
 *
 * <p>Quarkus's own training by {@code @QuarkusIntegrationTest} is not used: its launcher stops reading
 * the instance's output when the tests end, and the JVM that then assembles the cache dies writing
 * to that closed pipe, while its fallback, assembling from the recorded configuration, gives up
 * after 20 s, which a busy 2-core machine exceeds (seen here).
 */
@EnabledIfSystemProperty(named = "tradeline.aot.training", matches = "true")
class AotTrainingIT {

    static final String SLUG = "nippon-steel-us-steel";
    static final String EVENT = "biden-blocks-acquisition";
    /** Rounds of reads: enough for the JIT to find the hot paths, whose profiles the cache keeps. */
    static final int ROUNDS = 40;

    static final List<String> PUBLIC_READS = List.of(
            "/",
            "/timelines/" + SLUG,
            "/timelines/" + SLUG + "?category=litigation",
            "/timelines/" + SLUG + "?actor=joe-biden&from=2024-01-01&to=2024-12-31",
            "/timelines/" + SLUG + "?q=golden+share",
            "/timelines/" + SLUG + "/events/" + EVENT,
            "/embed/timelines/" + SLUG,
            "/embed/timelines/" + SLUG + "?key=true",
            "/embed/timelines/" + SLUG + "/events/" + EVENT,
            "/embed.js",
            "/static/tradeline.css",
            "/static/print.css",
            "/api/timelines",
            "/api/timelines/" + SLUG,
            "/api/timelines/" + SLUG + "/events",
            "/api/timelines/" + SLUG + "/events?category=litigation&page=1&size=10",
            "/api/timelines/" + SLUG + "/events/" + EVENT,
            "/api/timelines/" + SLUG + "/timelinejs",
            "/timelines/" + SLUG + "/feed.atom",
            "/timelines/" + SLUG + "/calendar.ics",
            "/timelines/" + SLUG + "/events.csv",
            "/timelines/" + SLUG + ".yaml",
            "/openapi",
            "/openapi?format=json",
            "/q/health",
            "/q/health/ready");

    @Test
    void trainsTheCacheAndTheJvmUsesIt() {
        assertThat(Runtime.version().feature())
                .as("the AOT cache needs Java 25 or later; build with JAVA_HOME set to one (bin/build-aot.sh finds it)")
                .isGreaterThanOrEqualTo(25);
        Path cache = AppProcess.jar().toAbsolutePath().resolveSibling("app.aot");
        List<String> jvm = Arrays.asList(System.getProperty("tradeline.aot.jvm-args", "-Xmx256m").trim().split("\\s+"));
        try (AppProcess.Database db = AppProcess.Database.create("aot-training")) {
            try (AppProcess first = AppProcess.start(db, jvm)) {
                assertThat(first.get("/timelines/" + SLUG).statusCode()).isEqualTo(200);
            }

            List<String> recording = new ArrayList<>(jvm);
            recording.add("-XX:AOTCacheOutput=" + cache);
            AppProcess training = AppProcess.start(db, recording);
            readAsReadersAndNewsSitesDo(training);
            writeAsEditorsDo(training);
            // At exit the JVM writes its recording, then assembles the cache in a child JVM: minutes on a busy machine.
            training.stop(Duration.ofMinutes(10));
            assertThat(cache).as("the JVM wrote no AOT cache; see " + training.logTail()).exists();

            List<String> production = new ArrayList<>(jvm);
            production.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache));
            long started = System.nanoTime();
            try (AppProcess withCache = AppProcess.start(db, production)) {
                assertThat(withCache.get("/timelines/" + SLUG).statusCode()).isEqualTo(200);
                System.out.printf("AOT cache %s (%d MB) used; started and answered in %.1f s%n", cache,
                        Files.size(cache) >> 20, (System.nanoTime() - started) / 1e9);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void readAsReadersAndNewsSitesDo(AppProcess app) {
        List<String> reads = new ArrayList<>(PUBLIC_READS);
        reads.add("/oembed?format=json&url=" + app.base() + "/timelines/" + SLUG);
        for (int round = 0; round < ROUNDS; round++) {
            for (String path : reads) {
                HttpResponse<String> r = app.get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                if (round % 4 == 0) {
                    r.headers().firstValue("ETag").ifPresent(etag ->
                            assertThat(app.get(path, "If-None-Match", etag).statusCode()).as(path).isEqualTo(304));
                    app.get(path, "Accept-Encoding", "gzip");
                }
            }
        }
        // Refusals: a bad filter, a bad date, an unknown timeline; and the metrics a scraper reads.
        assertThat(app.get("/timelines/" + SLUG + "?category=war").statusCode()).isEqualTo(400);
        assertThat(app.get("/api/timelines/" + SLUG + "/events?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(app.get("/timelines/no-such-timeline").statusCode()).isEqualTo(404);
        assertThat(app.get("/q/metrics").statusCode()).isEqualTo(200);
    }

    static void writeAsEditorsDo(AppProcess app) {
        for (String page : List.of("/editor", "/editor/timelines/" + SLUG, "/editor/timelines/" + SLUG + "/events/new",
                "/editor/timelines/" + SLUG + "/events/" + EVENT + "/edit",
                "/editor/timelines/" + SLUG + "/events/" + EVENT + "/history", "/editor/account")) {
            assertThat(app.getAsAdmin(page).statusCode()).as(page).isEqualTo(200);
        }
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> created = app.write("POST", "/api/timelines/" + SLUG + "/events",
                    AppProcess.event("Training event " + i, "Written by the AOT training run."));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = AppProcess.json(created).path("id").asText();
            String path = "/api/timelines/" + SLUG + "/events/" + id;
            HttpResponse<String> read = app.get(path);
            app.get("/timelines/" + SLUG);
            Map<String, Object> changed = new HashMap<>(AppProcess.event("Training event " + i + ", changed", "Changed."));
            HttpResponse<String> put = app.write("PUT", path, changed, "If-Match", read.headers().firstValue("ETag").orElseThrow());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            app.get("/api/timelines/" + SLUG);
            HttpResponse<String> deleted = app.write("DELETE", path, null, "If-Match", put.headers().firstValue("ETag").orElseThrow());
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        }
    }
}
