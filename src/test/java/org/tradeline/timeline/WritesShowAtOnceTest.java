package org.tradeline.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeline.timelinefile.TimelineImporter;

/**
 * Every read right after a write shows that write, on the permalink page and in the timeline's
 * JSON (assembled from per-event fragments, see {@link TimelineJsonBody}); a write re-serialises
 * only the event it changed; the assembled JSON is byte for byte what Jackson writes for the whole
 * timeline, with ETags, 304 and gzip as before.
 */
@QuarkusTest
class WritesShowAtOnceTest {

    static final int EVENTS = 40;
    static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Inject
    TimelineImporter importer;

    @Inject
    TimelineSnapshots snapshots;

    @Inject
    ObjectMapper json;

    String slug;

    @BeforeEach
    void importTimeline(@TempDir Path dir) throws Exception {
        slug = "writes-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder y = new StringBuilder("""
                slug: %s
                title: Writes fixture
                summary: Forty events for WritesShowAtOnceTest.
                status: published
                actors:
                  - id: acme
                    name: Acme
                events:
                """.formatted(slug));
        for (int i = 0; i < EVENTS; i++) {
            y.append("""
                      - id: e%03d
                        date: 2024-%02d-%02d
                        headline: Fixture event %d
                        category: deal
                        actors: [acme]
                        body: Body of event %d, with [a link](https://example.org/%d).
                        sources:
                          - publisher: Fixture Wire
                            title: Source %d
                    """.formatted(i, 1 + i % 12, 1 + i % 28, i, i, i, i));
        }
        Path file = dir.resolve(slug + ".yaml");
        Files.writeString(file, y);
        importer.importFile(file);
    }

    static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic("admin", "admin-test-password").contentType("application/json");
    }

    static Map<String, Object> event(String headline, String date) {
        return Map.of("headline", headline, "date", date, "precision", "day", "category", "deal", "actors", List.of("acme"),
                "status", "published", "sources", List.of(Map.of("title", "S", "publisher", "P")));
    }

    String page(String id) {
        return given().get("/timelines/" + slug + "/events/" + id).then().statusCode(200).extract().asString();
    }

    Response timelineJson() {
        return given().get("/api/timelines/" + slug).then().statusCode(200).extract().response();
    }

    static double fragmentsRendered() {
        return metric("tradeline_fragments_rendered_total", "");
    }

    static double metric(String name, String tags) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*" + Pattern.quote(tags) + "[^}]*\\})? ([0-9.Ee+-]+)$").matcher(metrics);
        assertThat(m.find()).as(name + " " + tags + " in /q/metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    static double snapshotsFromWrites() {
        return metric("tradeline_snapshots_built_total", "from=\"write\"");
    }

    /** The snapshot readers get now equals the one the database gives, and the JSON is its bytes. */
    void sameAsReadBack(String step) throws Exception {
        TimelineSnapshot served = snapshots.current(slug).orElseThrow();
        TimelineSnapshot readBack = snapshots.readBack(slug);
        assertThat(served).as(step).isEqualTo(readBack);
        Response plain = given().config(RAW).header("Accept-Encoding", "identity").get("/api/timelines/" + slug);
        String base = plain.jsonPath().getString("links.self").replaceFirst("/api/timelines/.*$", "");
        assertThat(plain.asByteArray()).as(step).isEqualTo(json.writeValueAsBytes(TimelineJson.detail(readBack, base)));
    }

    Response create(Map<String, Object> body) {
        Response r = asAdmin().body(body).post("/api/timelines/" + slug + "/events");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        return r;
    }

    Response update(String id, String etag, Map<String, Object> body) {
        Response r = asAdmin().header("If-Match", etag).body(body).put("/api/timelines/" + slug + "/events/" + id);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r;
    }

    static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> m = new java.util.HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void aSnapshotMadeFromTheWriteIsTheOneTheDatabaseGives() throws Exception {
        timelineJson();
        double before = snapshotsFromWrites();

        // A new event on a day other events have: ordered after them (by id), as the database orders.
        Response a = create(with(event("Same day as e005", "2024-06-06"), "updateNote", "Adds the June 6 filing"));
        sameAsReadBack("create on a shared day, with a note");
        Response b = create(with(event("A draft for later", "2024-02-02"), "status", "draft"));
        sameAsReadBack("create a draft");
        Response c = create(event("Earliest of all", "2020-01-01"));
        sameAsReadBack("create first in order");
        // Move an event to another date, then take it out of readers' view, then back.
        Response moved = update(c.jsonPath().getString("id"), c.header("ETag"), event("Earliest, moved to the end", "2025-12-31"));
        sameAsReadBack("move to another date");
        Response hidden = update(c.jsonPath().getString("id"), moved.header("ETag"),
                with(event("Earliest, now a draft", "2025-12-31"), "status", "draft"));
        sameAsReadBack("published to draft");
        update(c.jsonPath().getString("id"), hidden.header("ETag"), event("Earliest, published again", "2025-12-31"));
        sameAsReadBack("draft to published");
        Response edited = update(b.jsonPath().getString("id"), b.header("ETag"), with(event("The draft, edited", "2024-02-03"), "status", "draft",
                "updateNote", "A note about a draft stays private"));
        sameAsReadBack("a draft edited, with a note");
        assertThat(snapshotsFromWrites() - before).as("snapshots made from the write, not read back").isEqualTo(7);

        // A note about an event already in the log: its link and headline may change, so the database is read.
        update(a.jsonPath().getString("id"), a.header("ETag"), with(event("Same day, new headline", "2024-06-06"),
                "updateNote", "Corrects the headline"));
        sameAsReadBack("an event with notes in the log");
        Response read = timelineJson();
        assertThat(read.jsonPath().getString("updates[0].note")).isEqualTo("Corrects the headline");
        assertThat(read.jsonPath().getString("updates[1].event")).isEqualTo(a.jsonPath().getString("id"));
        assertThat(snapshots.current(slug).orElseThrow().updates().get(1).eventHeadline()).isEqualTo("Same day, new headline");
        // The draft's note became public with its event.
        update(b.jsonPath().getString("id"), edited.header("ETag"), event("The draft, published", "2024-02-03"));
        sameAsReadBack("a draft with a private note published");
        assertThat(timelineJson().jsonPath().getList("updates.note", String.class)).contains("A note about a draft stays private");
        assertThat(snapshotsFromWrites() - before).isEqualTo(7);

        // Deletions: the notes about a deleted event stay, unlinked; a deleted draft's private note becomes public.
        String gone = a.jsonPath().getString("id");
        asAdmin().header("If-Match", "*").queryParam("updateNote", "Removes a duplicate")
                .delete("/api/timelines/" + slug + "/events/" + gone).then().statusCode(204);
        sameAsReadBack("a published event with notes deleted");
        Response draft = create(with(event("Another draft", "2024-07-07"), "status", "draft", "updateNote", "Private for now"));
        sameAsReadBack("a draft with a note");
        assertThat(timelineJson().jsonPath().getList("updates.note", String.class)).doesNotContain("Private for now");
        asAdmin().header("If-Match", draft.header("ETag")).delete("/api/timelines/" + slug + "/events/" + draft.jsonPath().getString("id"))
                .then().statusCode(204);
        sameAsReadBack("that draft deleted");
        JsonPath log = timelineJson().jsonPath();
        assertThat(log.getList("updates.note", String.class)).contains("Private for now", "Removes a duplicate", "Corrects the headline");
        assertThat(log.getList("updates.event", String.class)).doesNotContain(gone);
        assertThat(snapshotsFromWrites() - before).isEqualTo(10);
    }

    @Test
    void everyReadRightAfterAWriteShowsIt() {
        String etag = timelineJson().header("ETag");
        for (int i = 0; i < 15; i++) {
            // Create: the permalink page and the JSON show it at once, under a new ETag.
            String headline = "Created right now " + i;
            Response created = asAdmin().body(event(headline, "2024-06-%02d".formatted(1 + i))).post("/api/timelines/" + slug + "/events");
            assertThat(created.statusCode()).isEqualTo(201);
            String id = created.jsonPath().getString("id");
            assertThat(page(id)).contains(headline);
            Response read = timelineJson();
            assertThat(read.jsonPath().getList("events.id", String.class)).contains(id);
            assertThat(read.asString()).contains(headline);
            assertThat(read.jsonPath().getInt("eventCount")).isEqualTo(EVENTS + i + 1);
            assertThat(read.header("ETag")).isNotEqualTo(etag);
            given().header("If-None-Match", etag).get("/api/timelines/" + slug).then().statusCode(200);
            etag = read.header("ETag");
            given().header("If-None-Match", etag).get("/api/timelines/" + slug).then().statusCode(304);

            // Update (If-Match with the ETag the write answered): the new headline at once, the old one gone.
            String changed = "Changed right now " + i;
            asAdmin().header("If-Match", created.header("ETag")).body(event(changed, "2024-06-%02d".formatted(1 + i)))
                    .put("/api/timelines/" + slug + "/events/" + id).then().statusCode(200);
            assertThat(page(id)).contains(changed).doesNotContain(headline + "<");
            read = timelineJson();
            assertThat(read.jsonPath().getString("events.find { it.id == '" + id + "' }.headline")).isEqualTo(changed);
            assertThat(read.asString()).doesNotContain("\"" + headline + "\"");
            assertThat(read.header("ETag")).isNotEqualTo(etag);
            etag = read.header("ETag");
        }
        // Delete: gone from the JSON and the permalink at once.
        String id = timelineJson().jsonPath().getString("events[0].id");
        int version = timelineJson().jsonPath().getInt("events[0].version");
        asAdmin().delete("/api/timelines/" + slug + "/events/" + id + "?version=" + version).then().statusCode(204);
        given().get("/timelines/" + slug + "/events/" + id).then().statusCode(404);
        assertThat(timelineJson().jsonPath().getList("events.id", String.class)).doesNotContain(id);
    }

    @Test
    void aWriteReserialisesOnlyTheEventItChanged() {
        timelineJson(); // every fragment made
        double before = fragmentsRendered();
        Response read = timelineJson();
        String id = read.jsonPath().getString("events[5].id");
        int version = read.jsonPath().getInt("events[5].version");
        asAdmin().body(Map.of("headline", "Only this one changed", "date", "2024-03-03", "precision", "day", "category", "deal",
                        "actors", List.of("acme"), "status", "published", "version", version,
                        "sources", List.of(Map.of("title", "S", "publisher", "P"))))
                .put("/api/timelines/" + slug + "/events/" + id).then().statusCode(200);
        JsonPath after = timelineJson().jsonPath();
        assertThat(after.getString("events.find { it.id == '" + id + "' }.headline")).isEqualTo("Only this one changed");
        assertThat(after.getList("events").size()).isEqualTo(EVENTS);
        assertThat(fragmentsRendered() - before).isEqualTo(1);

        // A new event: one more fragment; the other 40 are reused.
        asAdmin().body(event("One more", "2024-12-30")).post("/api/timelines/" + slug + "/events").then().statusCode(201);
        assertThat(timelineJson().jsonPath().getList("events").size()).isEqualTo(EVENTS + 1);
        assertThat(fragmentsRendered() - before).isEqualTo(2);
    }

    @Test
    void renamingAnActorRenewsTheFragmentsThatNameIt() {
        timelineJson();
        asAdmin().header("If-Match", "*").body(Map.of("slug", slug, "title", "Writes fixture",
                        "summary", "Forty events for WritesShowAtOnceTest.", "status", "published",
                        "actors", List.of(Map.of("id", "acme", "name", "Acme Renamed"))))
                .put("/api/timelines/" + slug).then().statusCode(200);
        JsonPath after = timelineJson().jsonPath();
        assertThat(after.getList("events.actors.name").toString()).doesNotContain("Acme]").contains("Acme Renamed");
        assertThat(page("e007")).contains("Acme Renamed");
    }

    @Test
    void theAssembledJsonIsWhatJacksonWritesForTheWholeTimeline() throws Exception {
        asAdmin().body(event("Quote \" and <tag> and é", "2024-05-05")).post("/api/timelines/" + slug + "/events")
                .then().statusCode(201);
        Response plain = given().config(RAW).header("Accept-Encoding", "identity").get("/api/timelines/" + slug);
        String base = plain.jsonPath().getString("links.self").replaceFirst("/api/timelines/.*$", "");
        byte[] whole = json.writeValueAsBytes(TimelineJson.detail(snapshots.require(slug), base));
        assertThat(plain.asByteArray()).isEqualTo(whole);

        Response zipped = given().config(RAW).header("Accept-Encoding", "gzip").get("/api/timelines/" + slug);
        assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.header("ETag")).isNotEqualTo(plain.header("ETag"));
        assertThat(new GZIPInputStream(new ByteArrayInputStream(zipped.asByteArray())).readAllBytes()).isEqualTo(whole);
        Response again = given().config(RAW).header("Accept-Encoding", "identity").get("/api/timelines/" + slug);
        assertThat(again.header("ETag")).isEqualTo(plain.header("ETag"));
        assertThat(again.asByteArray()).isEqualTo(whole);
        given().config(RAW).header("If-None-Match", zipped.header("ETag")).header("Accept-Encoding", "gzip")
                .get("/api/timelines/" + slug).then().statusCode(304);
    }

    @Test
    void concurrentWritersEndAtTheSnapshotTheDatabaseGives() throws Exception {
        timelineJson();
        // Four writers: their commits are numbered one by one, but each one's after-commit step runs on its own
        // thread, so steps arrive out of order and wait for the ones before them.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                ids.add(pool.submit(() -> {
                    String headline = "Concurrent " + n;
                    String id = create(with(event(headline, "2024-08-%02d".formatted(1 + n % 28)),
                            "updateNote", n % 10 == 0 ? "Note " + n : "")).jsonPath().getString("id");
                    assertThat(page(id)).contains(headline);
                    return id;
                }));
            }
            for (var id : ids) {
                String written = id.get(); // its write has been answered: every read from now on shows it
                assertThat(timelineJson().jsonPath().getList("events.id", String.class)).contains(written);
            }
        } finally {
            pool.shutdownNow();
        }
        sameAsReadBack("after 40 concurrent creates");
        assertThat(timelineJson().jsonPath().getInt("eventCount")).isEqualTo(EVENTS + 40);
    }
}
