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
 * Three instances of the packaged app on one PostgreSQL database, as behind a load balancer, with
 * revisions pushed (the default there): what is written through one is served by the others within
 * the README's window (page, JSON, Atom feed, and a new ETag, so a conditional GET with the old one
 * is not answered 304) and by the writer itself at once; an editor's session from one works on the
 * others; and the README's nginx example in front of them works as written. Skipped on the H2
 * build: an H2 file database belongs to one process. Faults (the listening connection killed,
 * PostgreSQL restarted) are in {@link InstanceFaultsIT}.
 */
class SeveralInstancesIT {

    static AppProcess.Database db;
    static AppProcess a;
    static AppProcess b;
    static AppProcess c;

    @BeforeAll
    static void startThreeInstances() {
        if (!AppProcess.onPostgresql()) {
            return; // each test is reported as skipped (requirePostgresql)
        }
        db = AppProcess.Database.create("instances");
        // as the README configures instances behind a proxy
        String[] behindProxy = {"QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true",
            "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true", "QUARKUS_HTTP_PROXY_ENABLE_FORWARDED_HOST", "true",
            "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1"};
        a = AppProcess.start(db, behindProxy);
        b = AppProcess.start(db, behindProxy);
        c = AppProcess.start(db, behindProxy);
    }

    @BeforeEach
    void requirePostgresql() {
        Assumptions.assumeTrue(AppProcess.onPostgresql(),
                "several instances need PostgreSQL (build with -Ppostgresql); an H2 file database is single-process");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {a, b, c, db}) {
            try {
                if (closeable != null) {
                    closeable.close();
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

    /**
     * Once {@code app} shows the change (pushed from the writer's instance: how fast is
     * {@link #shouldShowEveryAcknowledgedWriteOnEveryInstanceWithinTheWindow}'s to check), a request
     * with the old ETags gets 200, the new content and a new ETag for every representation.
     */
    static void seesChange(AppProcess app, Map<String, String> oldTags, String mustContain, String mustNotContain) {
        String first = oldTags.keySet().iterator().next();
        long deadline = System.nanoTime() + Visibility.LIMIT.toNanos();
        while (!app.get(first).body().contains(mustContain) && System.nanoTime() < deadline) {
            AppProcess.sleep(5);
        }
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
    void shouldServeAnApiWriteOnAFromB() {
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
        editThroughForm(editor, app.base(), slug, id, headline);
    }

    /** Changes an event's headline through the editor's form at {@code base}. */
    static void editThroughForm(EditorSession editor, String base, String slug, String id, String headline) {
        String path = "/editor/timelines/" + slug + "/events/" + id + "/edit";
        HttpResponse<String> page = editor.get(base, path);
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
        HttpResponse<String> r = editor.post(base, path, f);
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
            long deadline = System.nanoTime() + Visibility.LIMIT.toNanos(); // the other's last write is pushed
            while (AppProcess.json(app.get("/api/timelines/" + slug)).path("events").size() < 2 * perInstance
                    && System.nanoTime() < deadline) {
                AppProcess.sleep(5);
            }
            HttpResponse<String> r = app.get("/api/timelines/" + slug);
            assertThat(AppProcess.json(r).path("events").size()).as("events served by port %d", app.port())
                    .isEqualTo(2 * perInstance);
            String feed = app.get("/timelines/" + slug + "/feed.atom").body();
            assertThat(feed.split("<entry", -1).length - 1).as("feed entries on port %d", app.port()).isEqualTo(2 * perInstance);
        }
    }

    static final int ROUNDS = 6;

    /**
     * Writes through each of the three instances in turn (creates, changes, deletes) while readers
     * read page, JSON and feed through each: every acknowledged write is on its writer's instance at
     * once, on the other two within the README's window for 99 in 100 of them, and none later than
     * {@link Visibility#LIMIT}. One write at a time, so that what is measured is how fast a write
     * travels, not how many rebuilds two shared cores can run at once.
     */
    @Test
    void shouldShowEveryAcknowledgedWriteOnEveryInstanceWithinTheWindow() throws Exception {
        String slug = a.createTimeline("instances-window");
        List<AppProcess> all = List.of(a, b, c);
        Visibility visibility = new Visibility();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(all.size());
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (AppProcess app : all) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        representations(slug).forEach(app::get);
                        AppProcess.sleep(100);
                    }
                    return null;
                }));
            }
            for (int i = 0; i < ROUNDS; i++) {
                for (AppProcess writer : all) {
                    writeAndWatch(writer, all, slug, i, visibility);
                }
            }
            writing.set(false);
            for (Future<?> r : readers) {
                r.get(1, TimeUnit.MINUTES);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        System.out.println("SeveralInstancesIT, write to visible elsewhere: " + visibility);
        assertThat(visibility.ownMisses()).as("reads on the writer's instance right after its acknowledgement").isEmpty();
        assertThat(visibility.count()).isEqualTo((all.size() - 1) * all.size() * (ROUNDS * 2 + ROUNDS / 2));
        assertThat(visibility.percentile(0.99)).as("%s", visibility).isLessThanOrEqualTo(Visibility.WINDOW.toMillis());
    }

    /** Creates an event and changes it, and in every other round deletes it; each write watched everywhere. */
    static void writeAndWatch(AppProcess writer, List<AppProcess> all, String slug, int round, Visibility visibility) {
        String headline = "Window " + writer.port() + " " + round;
        HttpResponse<String> created = writer.write("POST", "/api/timelines/" + slug + "/events",
                AppProcess.event(headline, "Body."));
        long acked = System.nanoTime();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String path = "/api/timelines/" + slug + "/events/" + AppProcess.json(created).path("id").asText();
        visibility.await(writer, all, acked, path, r -> r.statusCode() == 200 && r.body().contains(headline));

        String revised = headline + " revised";
        Map<String, Object> change = AppProcess.event(revised, "Body.");
        change.put("version", AppProcess.json(created).path("version").asInt());
        HttpResponse<String> changed = writer.write("PUT", path, change);
        acked = System.nanoTime();
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        visibility.await(writer, all, acked, path, r -> r.statusCode() == 200 && r.body().contains(revised));

        if (round % 2 == 1) {
            HttpResponse<String> deleted = writer.write("DELETE", path, null,
                    "If-Match", "\"v" + AppProcess.json(changed).path("version").asInt() + "\"");
            acked = System.nanoTime();
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
            visibility.await(writer, all, acked, path, r -> r.statusCode() == 404);
        }
    }

    /**
     * The README's nginx example in front of two instances and an upstream that is down: every read
     * is answered (the dead one is skipped) with the caching headers a CDN needs and the same ETag
     * whichever instance answers, revalidates with 304, passes gzip through; an editor signs in and
     * edits through the proxy, whichever instance each request reaches.
     */
    @Test
    void shouldServeThroughTheReadmesNginxExample() {
        String slug = a.createTimeline("instances-nginx");
        String id = createEvent(a, slug, "Offer tabled");
        long cacheLookupsA = cacheLookups(a);
        long cacheLookupsB = cacheLookups(b);
        try (Nginx nginx = Nginx.inFrontOf(List.of("127.0.0.1:" + a.port(), "127.0.0.1:" + b.port(),
                "127.0.0.1:" + AppProcess.freePort()))) {
            AppProcess.sleep(Visibility.WINDOW.toMillis());
            for (String path : representations(slug)) {
                java.util.Set<String> etags = new java.util.HashSet<>();
                for (int i = 0; i < 6; i++) { // round robin: each upstream twice
                    HttpResponse<String> r = get(nginx.base() + path);
                    assertThat(r.statusCode()).as("%s through nginx\n%s", path, nginx.log()).isEqualTo(200);
                    assertThat(r.body()).contains("Offer tabled");
                    assertThat(r.headers().firstValue("Cache-Control")).as(path)
                            .hasValue("public, max-age=60, stale-while-revalidate=600");
                    assertThat(r.headers().firstValue("Vary")).as(path).hasValue("Accept-Encoding");
                    etags.add(r.headers().firstValue("ETag").orElseThrow());
                }
                assertThat(etags).as("ETags of %s from both instances", path).hasSize(1);
                String etag = etags.iterator().next();
                for (int i = 0; i < 3; i++) {
                    assertThat(get(nginx.base() + path, "If-None-Match", etag).statusCode()).as(path).isEqualTo(304);
                }
                assertThat(get(nginx.base() + path, "Accept-Encoding", "gzip").headers().firstValue("Content-Encoding"))
                        .as(path).hasValue("gzip");
            }
            assertThat(cacheLookups(a)).as("answers from instance A").isGreaterThan(cacheLookupsA);
            assertThat(cacheLookups(b)).as("answers from instance B").isGreaterThan(cacheLookupsB);

            EditorSession editor = EditorSession.signIn(nginx.base());
            editThroughForm(editor, nginx.base(), slug, id, "Offer withdrawn");
            long deadline = System.nanoTime() + Visibility.LIMIT.toNanos();
            while (!get(nginx.base() + "/api/timelines/" + slug).body().contains("Offer withdrawn")) {
                assertThat(System.nanoTime()).as("the edit through nginx, read through nginx").isLessThan(deadline);
                AppProcess.sleep(5);
            }
        }
    }

    /**
     * Every kind of cached public answer has the same bytes, so the same ETag, whichever instance
     * built it: a CDN or browser revalidating against another instance gets a 304. The oEmbed answer,
     * made per request without an ETag, is the same on each too.
     */
    @Test
    void shouldBuildTheSameBytesOnEveryInstance() {
        String slug = a.createTimeline("instances-bytes");
        String id = createEvent(a, slug, "Talks resume");
        String t = "/timelines/" + slug;
        List<String> paths = List.of(t, t + "/events/" + id, t + "/feed.atom", t + "/calendar.ics", t + "/events.csv",
                t + ".yaml", "/api/timelines/" + slug, "/api/timelines/" + slug + "/events",
                "/api/timelines/" + slug + "/events/" + id, "/api/timelines/" + slug + "/timelinejs", "/embed" + t,
                "/embed" + t + "/events/" + id);
        for (String path : paths) {
            for (String encoding : List.of("identity", "gzip")) {
                java.util.Set<String> etags = new java.util.HashSet<>();
                for (AppProcess app : List.of(a, b, c)) {
                    // as through the proxy: one host name in every link, whichever instance answers
                    HttpResponse<String> r = app.get(path, "Accept-Encoding", encoding, "X-Forwarded-Host", "timelines.example.org");
                    assertThat(r.statusCode()).as("%s on port %d", path, app.port()).isEqualTo(200);
                    etags.add(r.headers().firstValue("ETag").orElseThrow());
                }
                assertThat(etags).as("ETags of %s (%s) on the three instances", path, encoding).hasSize(1);
            }
        }
        String oembed = "/oembed?format=json&url=http%3A%2F%2Ftimelines.example.org" + t.replace("/", "%2F");
        assertThat(List.of(a, b, c).stream().map(app -> app.get(oembed, "X-Forwarded-Host", "timelines.example.org").body())
                .distinct()).as("oEmbed answers of the three instances").hasSize(1);
    }

    static long cacheLookups(AppProcess app) {
        return Math.round(app.metric("tradeline_cache_hits_total") + app.metric("tradeline_cache_misses_total"));
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    static HttpResponse<String> get(String url, String... headers) {
        java.net.http.HttpRequest.Builder r = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
