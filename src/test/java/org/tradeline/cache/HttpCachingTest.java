package org.tradeline.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** HTTP done right on public reads: strong ETags, 304, Last-Modified, CDN caching, gzip, CORS, headers. */
@QuarkusTest
class HttpCachingTest {

    static final List<String> PUBLIC_GETS = List.of("/", "/timelines/nippon-steel-us-steel",
            "/timelines/nippon-steel-us-steel?category=litigation", "/timelines/nippon-steel-us-steel/events/biden-blocks-acquisition",
            "/api/timelines", "/api/timelines/nippon-steel-us-steel", "/api/timelines/nippon-steel-us-steel/events?size=5",
            "/api/timelines/nippon-steel-us-steel/events/biden-blocks-acquisition");

    /** A client that does not ask for compression (REST Assured asks for gzip by default). */
    static io.restassured.specification.RequestSpecification plain() {
        return given().urlEncodingEnabled(false).config(io.restassured.RestAssured.config()
                .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()));
    }

    static Response get(String path) {
        return plain().get(path);
    }

    @Test
    void shouldAnswerEveryPublicReadWithValidatorsAndCdnCaching() {
        for (String path : PUBLIC_GETS) {
            Response r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            String etag = r.header("ETag");
            assertThat(etag).as(path).matches("\"[A-Za-z0-9_-]{27}\"");
            assertThat(r.header("Cache-Control")).as(path).isEqualTo("public, max-age=60, stale-while-revalidate=600");
            // The same bytes give the same ETag; a conditional request gets 304 with no body.
            assertThat(get(path).header("ETag")).as(path).isEqualTo(etag);
            plain().header("If-None-Match", etag).get(path)
                    .then().statusCode(304).header("ETag", etag).body(emptyString());
            plain().header("If-None-Match", "\"other\"").get(path)
                    .then().statusCode(200);
        }
        assertThat(get("/api/timelines/nippon-steel-us-steel").header("Last-Modified")).isNotNull();
        assertThat(get("/timelines/nippon-steel-us-steel").header("ETag"))
                .isNotEqualTo(get("/timelines/nippon-steel-us-steel?category=litigation").header("ETag"));
    }

    @Test
    void shouldCompressWhenAskedWithItsOwnETag() {
        Response plain = get("/api/timelines/nippon-steel-us-steel");
        Response zipped = given().header("Accept-Encoding", "gzip").get("/api/timelines/nippon-steel-us-steel");
        assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.header("ETag")).isNotEqualTo(plain.header("ETag")).endsWith("-gz\"");
        assertThat(zipped.jsonPath().getString("slug")).isEqualTo("nippon-steel-us-steel");
        given().header("Accept-Encoding", "gzip").header("If-None-Match", zipped.header("ETag"))
                .get("/api/timelines/nippon-steel-us-steel").then().statusCode(304);
        assertThat(plain.header("Content-Encoding")).isNull();
    }

    @Test
    void shouldChangeTheETagExactlyWhenTheContentChanges() {
        String slug = "etag-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().preemptive().basic("admin", "admin-test-password").contentType("application/json")
                .body(Map.of("slug", slug, "title", "ETag test", "status", "published")).post("/api/timelines")
                .then().statusCode(201);
        String page = get("/timelines/" + slug).header("ETag");
        String json = get("/api/timelines/" + slug).header("ETag");
        String seeded = get("/api/timelines/nippon-steel-us-steel").header("ETag");
        String list = get("/api/timelines").header("ETag");

        given().auth().preemptive().basic("admin", "admin-test-password").contentType("application/json")
                .body(Map.of("headline", "A new event", "date", "2025-01-01", "precision", "day", "category", "deal",
                        "sources", List.of(Map.of("title", "S", "publisher", "P"))))
                .post("/api/timelines/" + slug + "/events").then().statusCode(201);

        assertThat(get("/timelines/" + slug).header("ETag")).isNotEqualTo(page);
        assertThat(get("/api/timelines/" + slug).header("ETag")).isNotEqualTo(json);
        assertThat(get("/timelines/" + slug).asString()).contains("A new event");
        assertThat(get("/api/timelines").header("ETag")).isNotEqualTo(list);
        assertThat(get("/api/timelines/nippon-steel-us-steel").header("ETag")).as("another timeline").isEqualTo(seeded);
        plain().header("If-None-Match", page).get("/timelines/" + slug).then().statusCode(200);
    }

    @Test
    void shouldOpenCorsForPublicReadsOnly() {
        given().header("Origin", "https://news.example").get("/api/timelines/nippon-steel-us-steel").then()
                .statusCode(200).header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        given().header("Origin", "https://news.example").header("Access-Control-Request-Method", "GET")
                .options("/api/timelines/nippon-steel-us-steel/events").then()
                .statusCode(204).header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", containsString("GET"));
        for (String method : List.of("POST", "PUT", "DELETE")) {
            given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", method)
                    .options("/api/timelines/nippon-steel-us-steel/events").then()
                    .header("Access-Control-Allow-Origin", nullValue());
        }
        given().header("Origin", "https://evil.example").auth().preemptive().basic("admin", "wrong")
                .contentType("application/json").body("{}").post("/api/timelines").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://news.example").redirects().follow(false).get("/editor").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://news.example").get("/timelines/nippon-steel-us-steel").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void shouldSendSecurityHeadersAndRefuseFraming() {
        given().get("/timelines/nippon-steel-us-steel").then()
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", notNullValue())
                .header("Permissions-Policy", notNullValue());
        given().get("/api/timelines").then().header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void shouldNeverCacheTheEditorArea() {
        given().get("/login").then().header("Cache-Control", equalTo("no-store"));
        given().redirects().follow(false).get("/editor").then().header("Cache-Control", equalTo("no-store"));
        // A signed-in editor always revalidates public pages, so a change they just saved shows at once.
        org.tradeline.account.Browserless editor = org.tradeline.account.Browserless.signIn("admin", "admin-test-password");
        editor.get("/timelines/nippon-steel-us-steel").then().statusCode(200).header("Cache-Control", equalTo("private, no-cache"));
        get("/timelines/nippon-steel-us-steel").then().header("Cache-Control", containsString("public"));
    }
}
