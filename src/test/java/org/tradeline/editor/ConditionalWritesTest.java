package org.tradeline.editor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.tradeline.editor.WriteApiTest.ADMIN;
import static org.tradeline.editor.WriteApiTest.ADMIN_PASSWORD;
import static org.tradeline.editor.WriteApiTest.asAdmin;
import static org.tradeline.editor.WriteApiTest.event;
import static org.tradeline.editor.WriteApiTest.timeline;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tradeline.event.EventInput;

/**
 * Issue 12, part 1: writes follow HTTP's conditional requests (RFC 9110, 13.1.1; RFC 6585). Every
 * ETag handed out for a record's current state (the GET's, plain or gzip, and a write's "v3") is
 * accepted as If-Match; a stale one is 412; {@code *} holds while the record exists; a write with
 * no precondition at all is 428.
 */
@QuarkusTest
class ConditionalWritesTest {

    @Inject
    EditorService service;

    @ConfigProperty(name = "tradeline.cache.file-threshold")
    int fileThreshold;

    String slug;
    String id;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void createTimelineWithAnEvent() {
        slug = "cond-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(timeline(slug)).post("/api/timelines").then().statusCode(201);
        id = asAdmin().body(event("Conditional event")).post("/api/timelines/" + slug + "/events").then()
                .statusCode(201).extract().path("id");
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    static String gzipEtag(String path) {
        String tag = given().header("Accept-Encoding", "gzip").get(path).then().statusCode(200)
                .header("Content-Encoding", "gzip").extract().header("ETag");
        assertThat(tag).endsWith("-gz\"");
        return tag;
    }

    static Map<String, Object> timelineChange(String slug, String title) {
        Map<String, Object> change = new HashMap<>(timeline(slug));
        change.put("title", title);
        return change;
    }

    @Nested
    class Events {

        String path() {
            return "/api/timelines/" + slug + "/events/" + id;
        }

        @Test
        void shouldAcceptTheEtagOfAGet() {
            asAdmin().header("If-Match", etag(path())).body(event("Changed after a GET")).put(path()).then()
                    .statusCode(200).header("ETag", equalTo("\"v1\"")).body("version", equalTo(1));
            given().get(path()).then().body("headline", equalTo("Changed after a GET")).body("version", equalTo(1));
        }

        @Test
        void shouldAcceptTheEtagOfTheGzipVariant() {
            asAdmin().header("If-Match", gzipEtag(path())).body(event("Changed after a gzip GET")).put(path()).then()
                    .statusCode(200);
        }

        @Test
        void shouldAcceptTheEtagOfTheLastWrite() {
            String written = asAdmin().header("If-Match", etag(path())).body(event("First")).put(path()).then()
                    .statusCode(200).extract().header("ETag");
            asAdmin().header("If-Match", written).body(event("Second")).put(path()).then().statusCode(200);
        }

        @Test
        void shouldRefuseAGetEtagThatAnotherWriteMadeStale() {
            String read = etag(path());
            String gzipRead = gzipEtag(path());
            asAdmin().header("If-Match", read).body(event("Someone else's change")).put(path()).then().statusCode(200);
            asAdmin().header("If-Match", read).body(event("Lost update")).put(path()).then()
                    .statusCode(412).contentType("application/problem+json").body("detail", containsString("version 1"));
            asAdmin().header("If-Match", gzipRead).body(event("Lost update")).put(path()).then().statusCode(412);
            admin().header("If-Match", read).delete(path()).then().statusCode(412);
            given().get(path()).then().body("headline", equalTo("Someone else's change"));
        }

        @Test
        void shouldMatchAnyElementOfAListAndNoWeakTag() {
            String read = etag(path());
            asAdmin().header("If-Match", "W/" + read).body(event("Weak")).put(path()).then().statusCode(412);
            asAdmin().header("If-Match", "\"v7\", \"not-ours\", " + read).body(event("Listed")).put(path()).then()
                    .statusCode(200);
        }

        @Test
        void shouldTreatStarAsTheEventExisting() {
            asAdmin().header("If-Match", "*").body(event("Whatever is stored")).put(path()).then().statusCode(200);
            asAdmin().header("If-Match", "*").body(event("Nothing there")).put(path() + "-missing").then()
                    .statusCode(412).contentType("application/problem+json");
            admin().header("If-Match", "*").delete(path() + "-missing").then().statusCode(412);
            admin().header("If-Match", "*").delete(path()).then().statusCode(204);
            given().get(path()).then().statusCode(404);
        }

        @Test
        void shouldRefuseAConditionOnAMissingEventWith412() {
            asAdmin().header("If-Match", "\"v0\"").body(event("Missing")).put(path() + "-missing").then().statusCode(412);
            asAdmin().header("If-Match", "*").body(event("Missing")).put("/api/timelines/no-such-timeline/events/x").then()
                    .statusCode(412);
        }

        @Test
        void shouldAnswer428WithoutAnyPrecondition() {
            asAdmin().body(event("Blind overwrite")).put(path()).then()
                    .statusCode(428).contentType("application/problem+json")
                    .body("title", equalTo("Precondition required"))
                    .body("detail", containsString("If-Match"))
                    .body("detail", containsString("\"version\""));
            admin().delete(path()).then().statusCode(428).body("detail", containsString("?version="));
            given().get(path()).then().statusCode(200).body("headline", equalTo("Conditional event"));
        }

        @Test
        void shouldKeepTheVersionInTheBodyWorking() {
            Map<String, Object> change = new HashMap<>(event("With the body's version"));
            change.put("version", 0);
            asAdmin().body(change).put(path()).then().statusCode(200);
            asAdmin().body(change).put(path()).then().statusCode(409);
            admin().queryParam("version", 0).delete(path()).then().statusCode(409);
            admin().queryParam("version", 1).delete(path()).then().statusCode(204);
        }

        @Test
        void shouldDeleteWithTheEtagOfAGet() {
            admin().header("If-Match", gzipEtag(path())).delete(path()).then().statusCode(204);
            given().get(path()).then().statusCode(404);
        }

        @Test
        void shouldAnswer400ForAnIfMatchThatIsNotAListOfTags() {
            asAdmin().header("If-Match", "v0").body(event("Unquoted")).put(path()).then()
                    .statusCode(400).contentType("application/problem+json").body("parameter", equalTo("If-Match"));
        }

        @Test
        void shouldNotMatchAGetEtagOfADraft() {
            Map<String, Object> draft = new HashMap<>(event("Now a draft"));
            draft.put("status", "draft");
            String read = etag(path());
            asAdmin().header("If-Match", read).body(draft).put(path()).then().statusCode(200);
            given().get(path()).then().statusCode(404);
            // A draft has no public JSON, so no GET ETag can be current; its version still is.
            asAdmin().header("If-Match", read).body(event("Back")).put(path()).then().statusCode(412);
            asAdmin().header("If-Match", "\"v1\"").body(event("Back")).put(path()).then().statusCode(200);
        }
    }

    @Nested
    class Timelines {

        String path() {
            return "/api/timelines/" + slug;
        }

        @Test
        void shouldCarryTheVersionInThePublicJson() {
            given().get(path()).then().statusCode(200).body("version", equalTo(0)).body("events[0].version", equalTo(0));
        }

        @Test
        void shouldAcceptTheEtagsOfAGet() {
            asAdmin().header("If-Match", etag(path())).body(timelineChange(slug, "Retitled after a GET")).put(path()).then()
                    .statusCode(200).header("ETag", equalTo("\"v1\""));
            asAdmin().header("If-Match", gzipEtag(path())).body(timelineChange(slug, "Retitled after a gzip GET")).put(path())
                    .then().statusCode(200);
            given().get(path()).then().body("title", equalTo("Retitled after a gzip GET")).body("version", equalTo(2));
        }

        @Test
        void shouldRefuseAGetEtagOnceAnEventChanged() {
            String read = etag(path());
            asAdmin().header("If-Match", "\"v0\"").body(event("An event changes the timeline's JSON"))
                    .put(path() + "/events/" + id).then().statusCode(200);
            asAdmin().header("If-Match", read).body(timelineChange(slug, "Lost update")).put(path()).then()
                    .statusCode(412).contentType("application/problem+json");
            admin().header("If-Match", read).delete(path()).then().statusCode(412);
            given().get(path()).then().statusCode(200).body("title", equalTo("API timeline " + slug));
        }

        @Test
        void shouldTreatStarAsTheTimelineExisting() {
            asAdmin().header("If-Match", "*").body(timelineChange(slug, "Starred")).put(path()).then().statusCode(200);
            asAdmin().header("If-Match", "*").body(timelineChange("no-such-timeline", "x")).put("/api/timelines/no-such-timeline")
                    .then().statusCode(412);
            admin().header("If-Match", "*").delete("/api/timelines/no-such-timeline").then().statusCode(412);
        }

        @Test
        void shouldAnswer428WithoutAnyPrecondition() {
            asAdmin().body(timelineChange(slug, "Blind")).put(path()).then().statusCode(428)
                    .contentType("application/problem+json").body("detail", containsString("If-Match"));
            admin().delete(path()).then().statusCode(428);
            given().get(path()).then().statusCode(200).body("title", equalTo("API timeline " + slug));
        }

        @Test
        void shouldDeleteWithTheEtagOfAGet() {
            String read = etag(path());
            admin().header("If-Match", read).delete(path()).then().statusCode(204);
            given().get(path()).then().statusCode(404);
            admin().header("If-Match", read).delete(path()).then().statusCode(412);
        }

        @Test
        void shouldAcceptTheEtagOfAJsonServedFromAFile() {
            // Above tradeline.cache.file-threshold events the timeline's JSON is written to a file and sent from there.
            for (int i = 0; i <= fileThreshold; i++) {
                service.createEvent(slug, new EventInput(null, "2024-0" + (1 + i % 9), "month", null, "Filler " + i, "Text.",
                        "deal", List.of("acme"), List.of(new EventInput.SourceInput("S", "Wire", null, null)), "major",
                        "published", null, null), ADMIN);
            }
            String read = etag(path());
            String gzipRead = gzipEtag(path());
            asAdmin().header("If-Match", read).body(timelineChange(slug, "Big and retitled")).put(path()).then()
                    .statusCode(200);
            asAdmin().header("If-Match", gzipRead).body(timelineChange(slug, "Too late")).put(path()).then().statusCode(412);
            admin().header("If-Match", gzipEtag(path())).delete(path()).then().statusCode(204);
        }
    }

    @Test
    void shouldStillCreateWithoutAPrecondition() {
        asAdmin().body(event("Created without If-Match")).post("/api/timelines/" + slug + "/events").then()
                .statusCode(201).header("Location", endsWith("/api/timelines/" + slug + "/events/2024-09-created-without-if-match"));
    }
}
