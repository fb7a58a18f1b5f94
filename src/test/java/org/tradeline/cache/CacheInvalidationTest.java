package org.tradeline.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeline.account.Browserless;

/**
 * Cached public representations are never stale: after each kind of write, every representation
 * of that timeline changes (and its ETag), no other timeline's ETag changes, and a draft never
 * appears in any of them.
 */
@QuarkusTest
class CacheInvalidationTest {

    String slug;
    String other;

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin-test-password").contentType("application/json");
    }

    List<String> representations(String s) {
        return List.of("/timelines/" + s, "/timelines/" + s + "?category=deal", "/embed/timelines/" + s,
                "/api/timelines/" + s, "/api/timelines/" + s + "/events", "/api/timelines/" + s + "/timelinejs",
                "/timelines/" + s + "/feed.atom", "/timelines/" + s + "/calendar.ics", "/timelines/" + s + "/events.csv",
                "/timelines/" + s + ".yaml");
    }

    Map<String, String> etags(String s) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String path : representations(s)) {
            tags.put(path, given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().header("ETag"));
        }
        tags.put("/api/timelines", given().get("/api/timelines").then().extract().header("ETag"));
        return tags;
    }

    String create(String s, String headline, String status) {
        return admin().body(Map.of("headline", headline, "date", "2025-02-01", "precision", "day", "category", "deal",
                        "status", status, "sources", List.of(Map.of("title", "S", "publisher", "P"))))
                .post("/api/timelines/" + s + "/events").then().statusCode(201).extract().path("id");
    }

    @BeforeEach
    void timelines() {
        slug = "cache-" + UUID.randomUUID().toString().substring(0, 8);
        other = "cache-other-" + UUID.randomUUID().toString().substring(0, 8);
        for (String s : List.of(slug, other)) {
            admin().body(Map.of("slug", s, "title", "Cache " + s, "status", "published")).post("/api/timelines").then().statusCode(201);
            create(s, "Seed event of " + s, "published");
        }
    }

    /** Runs a write and checks what changed. */
    void afterWrite(Runnable write, String mustShow, String mustNotShow) {
        afterWrite(write, mustShow, mustNotShow, List.of());
    }

    /** {@code unaffected}: representations that do not contain what the write changed (same bytes, same ETag). */
    void afterWrite(Runnable write, String mustShow, String mustNotShow, List<String> unaffected) {
        Map<String, String> before = etags(slug);
        Map<String, String> otherBefore = etags(other);
        write.run();
        Map<String, String> after = etags(slug);
        for (String path : representations(slug)) {
            if (unaffected.contains(path)) {
                assertThat(after.get(path)).as("ETag of %s, whose bytes did not change", path).isEqualTo(before.get(path));
            } else {
                assertThat(after.get(path)).as("ETag of %s after the write", path).isNotEqualTo(before.get(path));
            }
            String body = given().urlEncodingEnabled(false).get(path).then().extract().asString();
            if (mustShow != null && !unaffected.contains(path) && !path.contains("category=") && !path.contains("calendar") && !path.contains(".csv")
                    && !path.contains("feed.atom")) {
                assertThat(body).as("%s shows the change", path).contains(mustShow);
            }
            if (mustNotShow != null) {
                assertThat(body).as("%s must not show %s", path, mustNotShow).doesNotContain(mustNotShow);
            }
        }
        Map<String, String> otherAfter = etags(other);
        otherAfter.remove("/api/timelines");
        otherBefore.remove("/api/timelines");
        assertThat(otherAfter).as("another timeline's representations").isEqualTo(otherBefore);
    }

    @Test
    void shouldRefreshEveryRepresentationAfterACreate() {
        afterWrite(() -> create(slug, "Freshly created event", "published"), "Freshly created event", null);
    }

    @Test
    void shouldRefreshAfterAnEdit() {
        String id = create(slug, "Before the edit", "published");
        Map<String, Object> edit = new HashMap<>(Map.of("headline", "After the edit", "date", "2025-02-01", "precision", "day",
                "category", "deal", "status", "published", "version", 0, "sources", List.of(Map.of("title", "S", "publisher", "P"))));
        afterWrite(() -> admin().body(edit).put("/api/timelines/" + slug + "/events/" + id).then().statusCode(200),
                "After the edit", "Before the edit");
    }

    @Test
    void shouldRefreshAfterPublishingAndUnpublishing() {
        String id = create(slug, "Secret draft headline", "draft");
        for (String path : representations(slug)) {
            assertThat(given().urlEncodingEnabled(false).get(path).asString()).as(path).doesNotContain("Secret draft headline");
        }
        Map<String, Object> publish = new HashMap<>(Map.of("headline", "Secret draft headline", "date", "2025-02-01",
                "precision", "day", "category", "deal", "status", "published", "version", 0,
                "sources", List.of(Map.of("title", "S", "publisher", "P"))));
        afterWrite(() -> admin().body(publish).put("/api/timelines/" + slug + "/events/" + id).then().statusCode(200),
                "Secret draft headline", null);
        Map<String, Object> unpublish = new HashMap<>(publish);
        unpublish.put("status", "draft");
        unpublish.put("version", 1);
        afterWrite(() -> admin().body(unpublish).put("/api/timelines/" + slug + "/events/" + id).then().statusCode(200),
                null, "Secret draft headline");
    }

    @Test
    void shouldRefreshAfterADelete() {
        String id = create(slug, "Soon deleted", "published");
        afterWrite(() -> admin().header("If-Match", "\"v0\"").delete("/api/timelines/" + slug + "/events/" + id)
                .then().statusCode(204), null, "Soon deleted");
    }

    @Test
    void shouldRefreshAfterATimelineEdit() {
        afterWrite(() -> admin().body(Map.of("title", "Retitled timeline", "status", "published", "version", 0))
                .put("/api/timelines/" + slug).then().statusCode(200), "Retitled timeline", null,
                // The events list carries no timeline title: its bytes, so its ETag, stay the same.
                List.of("/api/timelines/" + slug + "/events"));
    }

    @Test
    void shouldRefreshAfterACsvImport() {
        Browserless editor = Browserless.signIn("admin", "admin-test-password");
        String csv = "Year,Month,Day,Headline,Text,Media,Media Credit,Group\n"
                + "2025,3,4,Imported from a sheet,<p>Body.</p>,https://example.org/m,Wire,Deal\n";
        afterWrite(() -> {
            editor.get("/editor/timelines/" + slug + "/import");
            editor.spec().multiPart("_csrf", editor.csrf()).multiPart("csv", csv).multiPart("status", "published")
                    .multiPart("action", "import").post("/editor/timelines/" + slug + "/import").then().statusCode(303);
        }, "Imported from a sheet", null);
    }
}
