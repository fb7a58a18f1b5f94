package org.tradeline.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged app on one PostgreSQL database, as behind a load balancer: what is
 * written through one is served by the other on the very next request (page, JSON, Atom feed, and
 * a new ETag, so a conditional GET with the old one is not answered 304), and an editor's session
 * from one works on the other. Skipped on the H2 build: an H2 file database belongs to one process.
 */
class SeveralInstancesIT {

    static AppProcess.Database db;
    static AppProcess a;
    static AppProcess b;

    @BeforeAll
    static void startTwoInstances() {
        if (!AppProcess.onPostgresql()) {
            return; // each test is reported as skipped (requirePostgresql)
        }
        db = AppProcess.Database.create("instances");
        a = AppProcess.start(db);
        b = AppProcess.start(db);
    }

    @BeforeEach
    void requirePostgresql() {
        Assumptions.assumeTrue(AppProcess.onPostgresql(),
                "several instances need PostgreSQL (build with -Ppostgresql); an H2 file database is single-process");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, db}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }

    static List<String> representations(String slug) {
        return List.of("/timelines/" + slug, "/api/timelines/" + slug, "/timelines/" + slug + "/feed.atom");
    }

    /** Reads every representation from {@code app}; checks that a conditional GET with the ETag is 304. */
    static Map<String, String> etags(AppProcess app, String slug, String mustContain) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String path : representations(slug)) {
            HttpResponse<String> r = app.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as("%s on port %d", path, app.port()).contains(mustContain);
            String etag = r.headers().firstValue("ETag").orElseThrow();
            assertThat(app.get(path, "If-None-Match", etag).statusCode()).as("conditional GET of %s", path).isEqualTo(304);
            tags.put(path, etag);
        }
        return tags;
    }

    /** The next request to {@code app} with the old ETags gets 200, the new content and a new ETag. */
    static void seesChange(AppProcess app, Map<String, String> oldTags, String mustContain, String mustNotContain) {
        oldTags.forEach((path, old) -> {
            HttpResponse<String> r = app.get(path, "If-None-Match", old);
            assertThat(r.statusCode()).as("conditional GET of %s with the ETag from before the write", path).isEqualTo(200);
            assertThat(r.body()).as(path).contains(mustContain);
            if (mustNotContain != null) {
                assertThat(r.body()).as(path).doesNotContain(mustNotContain);
            }
            assertThat(r.headers().firstValue("ETag").orElseThrow()).as("ETag of %s", path).isNotEqualTo(old);
        });
    }

    String createEvent(AppProcess app, String slug, String headline) {
        HttpResponse<String> r = app.write("POST", "/api/timelines/" + slug + "/events", AppProcess.event(headline, "Body."));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return AppProcess.json(r).path("id").asText();
    }

    @Test
    void shouldServeAnApiWriteOnAFromBOnTheNextRequest() {
        String slug = a.createTimeline("instances-api");
        String id = createEvent(a, slug, "Merger talks open");
        Map<String, String> before = etags(b, slug, "Merger talks open");
        etags(a, slug, "Merger talks open");

        Map<String, Object> change = AppProcess.event("Merger talks collapse", "Body.");
        change.put("version", 0);
        HttpResponse<String> put = a.write("PUT", "/api/timelines/" + slug + "/events/" + id, change);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        seesChange(b, before, "Merger talks collapse", "Merger talks open");

        // a new event, and then a deletion, the same way
        before = etags(b, slug, "Merger talks collapse");
        String second = createEvent(a, slug, "Regulator opens review");
        seesChange(b, before, "Regulator opens review", null);

        before = etags(b, slug, "Regulator opens review");
        HttpResponse<String> delete = a.write("DELETE", "/api/timelines/" + slug + "/events/" + second, null,
                "If-Match", "\"v0\"");
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(204);
        seesChange(b, before, "Merger talks collapse", "Regulator opens review");
        assertThat(b.get("/timelines/" + slug + "/events/" + second).statusCode()).isEqualTo(404);

        // and the other way round: written through B, read through A
        before = etags(a, slug, "Merger talks collapse");
        change = AppProcess.event("Merger talks resume", "Body.");
        change.put("version", 1);
        put = b.write("PUT", "/api/timelines/" + slug + "/events/" + id, change);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        seesChange(a, before, "Merger talks resume", "Merger talks collapse");
    }

    @Test
    void shouldKeepAnEditorsSessionFromAValidOnBAndServeTheirFormEditsEverywhere() {
        String slug = a.createTimeline("instances-session");
        String id = createEvent(a, slug, "Board approves the offer");
        EditorSession editor = EditorSession.signIn(a);
        assertThat(editor.cookies()).isNotEmpty();

        // the session cookie made by A is accepted by B: no redirect to /login
        HttpResponse<String> overview = editor.get(b, "/editor");
        assertThat(overview.statusCode()).as("%s", overview.headers().firstValue("Location")).isEqualTo(200);
        assertThat(editor.get(b, "/editor/timelines/" + slug).body()).contains("Board approves the offer");

        // a form edit on A is seen on B's next request
        Map<String, String> before = etags(b, slug, "Board approves the offer");
        editThroughForm(editor, a, slug, id, "Board rejects the offer");
        seesChange(b, before, "Board rejects the offer", "Board approves the offer");

        // a form edit on B, with the session and CSRF token from A, is seen on A
        before = etags(a, slug, "Board rejects the offer");
        editThroughForm(editor, b, slug, id, "Board reconsiders the offer");
        seesChange(a, before, "Board reconsiders the offer", "Board rejects the offer");
        assertThat(editor.get(a, "/editor/timelines/" + slug + "/events/" + id + "/history").body())
                .contains("Board rejects the offer", "Board reconsiders the offer");
    }

    static void editThroughForm(EditorSession editor, AppProcess app, String slug, String id, String headline) {
        String path = "/editor/timelines/" + slug + "/events/" + id + "/edit";
        HttpResponse<String> page = editor.get(app, path);
        assertThat(page.statusCode()).isEqualTo(200);
        Document form = Jsoup.parse(page.body());
        Map<String, Object> f = new HashMap<>();
        f.put("headline", headline);
        f.put("date", "2025-03-14");
        f.put("precision", "day");
        f.put("category", "deal");
        f.put("body", "Body.");
        f.put("source-title-0", "Source");
        f.put("source-publisher-0", "Wire");
        f.put("source-url-0", "https://example.org/s");
        f.put("importance", "major");
        f.put("status", "published");
        f.put("version", form.select("input[name=version]").attr("value"));
        HttpResponse<String> r = editor.post(app, path, f);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
    }

    /**
     * Writes to different events of one timeline, through both instances at once, while readers keep
     * both instances' caches warm: afterwards both serve every event (no write's revision is lost).
     */
    @Test
    void shouldServeEveryConcurrentWriteFromBothInstances() throws Exception {
        String slug = a.createTimeline("instances-concurrent");
        int perInstance = 15;
        String revQuery = "select content_rev from timeline where slug = ?";
        long revBefore = db.queryLong(revQuery, slug);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (AppProcess app : List.of(a, b)) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < perInstance; i++) {
                        createEvent(app, slug, "Concurrent " + app.port() + " " + i);
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (AppProcess app : List.of(a, b)) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        app.get("/api/timelines/" + slug);
                        app.get("/timelines/" + slug + "/feed.atom");
                    }
                    return null;
                }));
            }
            for (Future<?> w : writers) {
                w.get(5, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> r : readers) {
                r.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        // The caches rely on every write moving the timeline's content revision: two writes that
        // overlap must not both store the same next value (a lost update would leave a snapshot
        // built between their commits looking current).
        assertThat(db.queryLong(revQuery, slug) - revBefore).as("content_rev increments for %d writes", 2 * perInstance)
                .isGreaterThanOrEqualTo(2 * perInstance);
        for (AppProcess app : List.of(a, b)) {
            HttpResponse<String> r = app.get("/api/timelines/" + slug);
            assertThat(AppProcess.json(r).path("events").size()).as("events served by port %d", app.port())
                    .isEqualTo(2 * perInstance);
            String feed = app.get("/timelines/" + slug + "/feed.atom").body();
            assertThat(feed.split("<entry", -1).length - 1).as("feed entries on port %d", app.port()).isEqualTo(2 * perInstance);
        }
    }
}
