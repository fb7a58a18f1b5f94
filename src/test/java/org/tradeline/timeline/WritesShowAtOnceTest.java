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
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^tradeline_fragments_rendered_total(?:\\{[^}]*\\})? ([0-9.Ee+-]+)$").matcher(metrics);
        assertThat(m.find()).as("tradeline_fragments_rendered_total in /q/metrics").isTrue();
        return Double.parseDouble(m.group(1));
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
}
