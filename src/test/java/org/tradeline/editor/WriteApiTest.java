package org.tradeline.editor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tradeline.account.AccountService;
import org.tradeline.account.Role;
import org.tradeline.timelinefile.TimelineImporter;

@QuarkusTest
class WriteApiTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-test-password";

    @Inject
    AccountService accounts;

    @Inject
    TimelineImporter importer;

    String slug;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("application/json");
    }

    static Map<String, Object> timeline(String slug) {
        return Map.of("slug", slug, "title", "API timeline " + slug, "summary", "Made through the API.", "status", "published",
                "actors", List.of(Map.of("id", "acme", "name", "Acme"), Map.of("id", "gov", "name", "Government")));
    }

    static Map<String, Object> event(String headline) {
        return Map.of("headline", headline, "date", "2024-09", "precision", "month", "category", "regulatory-review",
                "actors", List.of("acme"), "body", "Body text.", "status", "published",
                "sources", List.of(Map.of("title", "Source A", "publisher", "Wire", "date", "2024-09-30",
                        "url", "https://example.org/a")));
    }

    @BeforeEach
    void createTimeline() {
        slug = "api-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().body(timeline(slug)).post("/api/timelines").then()
                .statusCode(201).header("Location", endsWith("/api/timelines/" + slug))
                .body("slug", equalTo(slug)).body("version", equalTo(0));
    }

    String createEvent(String headline) {
        return asAdmin().body(event(headline)).post("/api/timelines/" + slug + "/events").then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void shouldCreateAnEventWith201AndLocation() {
        asAdmin().body(event("Created by API")).post("/api/timelines/" + slug + "/events").then()
                .statusCode(201)
                .header("Location", endsWith("/api/timelines/" + slug + "/events/2024-09-created-by-api"))
                .header("ETag", equalTo("\"v0\""))
                .body("id", equalTo("2024-09-created-by-api"))
                .body("precision", equalTo("month"));
        given().get("/api/timelines/" + slug + "/events/2024-09-created-by-api").then().statusCode(200)
                .body("displayDate", equalTo("September 2024"));
    }

    @Test
    void shouldReportEveryFieldErrorAsProblemJsonAndSaveNothing() {
        Map<String, Object> bad = Map.of("headline", "", "date", "2024-13-01", "category", "warfare",
                "actors", List.of("nobody"), "body", "[x](javascript:alert(1))",
                "sources", List.of(Map.of("title", "", "publisher", "P", "url", "ftp://example.org")));
        asAdmin().body(bad).post("/api/timelines/" + slug + "/events").then()
                .statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors.field", hasItems("headline", "date", "category", "actors", "body", "sources[0].title", "sources[0].url"));
        given().get("/api/timelines/" + slug).then().body("eventCount", equalTo(0));
    }

    @Test
    void shouldAnswer400ForMalformedJsonOrUnknownFields() {
        asAdmin().body("{\"headline\": ").post("/api/timelines/" + slug + "/events").then()
                .statusCode(400).contentType("application/problem+json");
        asAdmin().body("{\"headline\":\"x\",\"colour\":\"red\"}").post("/api/timelines/" + slug + "/events").then()
                .statusCode(400).body("detail", containsString("colour"));
        asAdmin().body("[]").post("/api/timelines/" + slug + "/events").then().statusCode(400);
        given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("text/plain").body("hello")
                .post("/api/timelines/" + slug + "/events").then().statusCode(415);
    }

    @Test
    void shouldEnforceCountAndSizeLimits() {
        java.util.List<Map<String, Object>> sources = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            sources.add(Map.of("title", "Source " + i, "publisher", "Wire"));
        }
        Map<String, Object> tooMany = new java.util.HashMap<>(event("Too many sources"));
        tooMany.put("sources", sources);
        asAdmin().body(tooMany).post("/api/timelines/" + slug + "/events").then()
                .statusCode(422).body("errors.find { it.field == 'sources' }.message", containsString("at most 20"));
        // A body over the 8 MB limit is refused from its Content-Length, before it is read.
        assertThat(statusOfOversizedPost("/api/timelines/" + slug + "/events", 9 * 1024 * 1024)).isEqualTo(413);
        given().get("/api/timelines/" + slug).then().body("eventCount", equalTo(0));
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    /** Sends only the headers of a request announcing {@code length} bytes, and reads the status line. */
    int statusOfOversizedPost(String path, int length) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            String auth = java.util.Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes());
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n{").getBytes());
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Nested
    class OptimisticLocking {

        @Test
        void shouldUpdateWithTheCurrentVersion() {
            String id = createEvent("Versioned");
            Map<String, Object> change = new java.util.HashMap<>(event("Versioned, revised"));
            change.put("version", 0);
            change.put("updateNote", "Corrects the headline");
            asAdmin().body(change).put("/api/timelines/" + slug + "/events/" + id).then()
                    .statusCode(200).header("ETag", equalTo("\"v1\"")).body("version", equalTo(1));
            given().get("/api/timelines/" + slug).then().body("updates[0].note", equalTo("Corrects the headline"));
        }

        @Test
        void shouldAnswer409ForAStaleVersionInTheBody() {
            String id = createEvent("Contested");
            Map<String, Object> first = new java.util.HashMap<>(event("First writer"));
            first.put("version", 0);
            asAdmin().body(first).put("/api/timelines/" + slug + "/events/" + id).then().statusCode(200);
            Map<String, Object> second = new java.util.HashMap<>(event("Second writer"));
            second.put("version", 0);
            asAdmin().body(second).put("/api/timelines/" + slug + "/events/" + id).then()
                    .statusCode(409).contentType("application/problem+json").body("detail", containsString("version 1"));
            given().get("/api/timelines/" + slug + "/events/" + id).then().body("headline", equalTo("First writer"));
        }

        @Test
        void shouldAnswer412ForAStaleIfMatch() {
            String id = createEvent("Conditional");
            asAdmin().header("If-Match", "\"v0\"").body(event("Matched")).put("/api/timelines/" + slug + "/events/" + id)
                    .then().statusCode(200).header("ETag", equalTo("\"v1\""));
            asAdmin().header("If-Match", "\"v0\"").body(event("Too late")).put("/api/timelines/" + slug + "/events/" + id)
                    .then().statusCode(412);
            asAdmin().header("If-Match", "nonsense").body(event("Odd")).put("/api/timelines/" + slug + "/events/" + id)
                    .then().statusCode(400).body("parameter", equalTo("If-Match"));
        }

        @Test
        void shouldRequireAPreconditionToUpdateOrDelete() {
            String id = createEvent("Unversioned");
            asAdmin().body(event("No version")).put("/api/timelines/" + slug + "/events/" + id).then()
                    .statusCode(428).contentType("application/problem+json").body("detail", containsString("If-Match"));
            given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).delete("/api/timelines/" + slug + "/events/" + id)
                    .then().statusCode(428).body("detail", containsString("?version="));
        }

        @Test
        void shouldDeleteWithTheVersion() {
            String id = createEvent("Doomed");
            given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).header("If-Match", "\"v0\"")
                    .delete("/api/timelines/" + slug + "/events/" + id).then().statusCode(204);
            given().get("/api/timelines/" + slug + "/events/" + id).then().statusCode(404);
            // Gone: a condition on it cannot hold (412); without one it is simply not there (404).
            given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).header("If-Match", "\"v0\"")
                    .delete("/api/timelines/" + slug + "/events/" + id).then().statusCode(412);
            given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).queryParam("version", 0)
                    .delete("/api/timelines/" + slug + "/events/" + id).then().statusCode(404);
        }
    }

    @Nested
    class Timelines {

        @Test
        void shouldUpdateAndDeleteATimeline() {
            Map<String, Object> change = new java.util.HashMap<>(timeline(slug));
            change.put("title", "Retitled");
            change.put("version", 0);
            asAdmin().body(change).put("/api/timelines/" + slug).then().statusCode(200).body("title", equalTo("Retitled"));
            asAdmin().body(change).put("/api/timelines/" + slug).then().statusCode(409);
            given().get("/api/timelines/" + slug).then().body("title", equalTo("Retitled"));
            given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).header("If-Match", "\"v1\"")
                    .delete("/api/timelines/" + slug).then().statusCode(204);
            given().get("/api/timelines/" + slug).then().statusCode(404);
        }

        @Test
        void shouldRefuseADuplicateOrInvalidTimeline() {
            asAdmin().body(timeline(slug)).post("/api/timelines").then().statusCode(422).body("errors.field", hasItem("slug"));
            asAdmin().body(Map.of("slug", "Not A Slug", "title", "")).post("/api/timelines").then()
                    .statusCode(422).body("errors.field", hasItems("slug", "title"));
        }

        @Test
        void shouldNotRemoveAnActorThatEventsName() {
            createEvent("Names acme");
            Map<String, Object> change = new java.util.HashMap<>(timeline(slug));
            change.put("actors", List.of(Map.of("id", "gov", "name", "Government")));
            change.put("version", 0);
            asAdmin().body(change).put("/api/timelines/" + slug).then().statusCode(422)
                    .body("errors[0].message", containsString("Acme"));
        }
    }

    @Nested
    class Authentication {

        @Test
        void shouldAnswer401WithoutCredentials() {
            given().contentType("application/json").body(event("Anonymous")).post("/api/timelines/" + slug + "/events")
                    .then().statusCode(401).header("WWW-Authenticate", containsString("Basic"));
            given().auth().preemptive().basic(ADMIN, "wrong").contentType("application/json").body(event("Wrong"))
                    .post("/api/timelines/" + slug + "/events").then().statusCode(401);
            given().header("Authorization", "Bearer tl_not-a-real-token").contentType("application/json")
                    .body(event("Fake token")).post("/api/timelines/" + slug + "/events").then().statusCode(401);
        }

        @Test
        void shouldAcceptPersonalTokensUntilRevoked() {
            String name = "tok-" + UUID.randomUUID().toString().substring(0, 8);
            long accountId = accounts.create(name, "token-owner-password", Role.EDITOR).id;
            String token = accounts.createToken(accountId, "CMS");
            given().header("Authorization", "Bearer " + token).contentType("application/json").body(event("Via token"))
                    .post("/api/timelines/" + slug + "/events").then().statusCode(201);
            long tokenId = accounts.tokens(accountId).get(0).id;
            assertThat(accounts.tokens(accountId).get(0).tokenHash).doesNotContain(token).hasSize(64);
            accounts.revokeToken(accountId, tokenId);
            given().header("Authorization", "Bearer " + token).contentType("application/json").body(event("After revoke"))
                    .post("/api/timelines/" + slug + "/events").then().statusCode(401);
        }

        @Test
        void shouldRefuseADisabledAccount() {
            String name = "off-" + UUID.randomUUID().toString().substring(0, 8);
            long id = accounts.create(name, "disabled-password", Role.EDITOR).id;
            given().auth().preemptive().basic(name, "disabled-password").contentType("application/json")
                    .body(event("Before disable")).post("/api/timelines/" + slug + "/events").then().statusCode(201);
            accounts.setEnabled(id, false);
            given().auth().preemptive().basic(name, "disabled-password").contentType("application/json")
                    .body(event("After disable")).post("/api/timelines/" + slug + "/events").then().statusCode(401);
        }
    }

    @Test
    void shouldReproduceATimelineFromItsExportInAnEmptyDatabase() throws Exception {
        createEvent("First exported");
        String second = createEvent("Second exported");
        Map<String, Object> draft = new java.util.HashMap<>(event("A draft stays out"));
        draft.put("status", "draft");
        asAdmin().body(draft).post("/api/timelines/" + slug + "/events").then().statusCode(201);
        JsonPath before = given().get("/api/timelines/" + slug).then().statusCode(200).extract().jsonPath();
        String yaml = given().get("/timelines/" + slug + ".yaml").then().statusCode(200).extract().asString();
        assertThat(yaml).doesNotContain("A draft stays out");

        // Remove the timeline entirely, then import the exported file as a fresh start would.
        given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).header("If-Match", "\"v0\"")
                .delete("/api/timelines/" + slug).then().statusCode(204);
        given().get("/api/timelines/" + slug).then().statusCode(404);
        Path file = Files.createTempDirectory("export").resolve(slug + ".yaml");
        Files.writeString(file, yaml);
        assertThat(importer.importFile(file).created()).isEqualTo(2);

        JsonPath after = given().get("/api/timelines/" + slug).then().statusCode(200).extract().jsonPath();
        for (String field : List.of("slug", "title", "summary", "actors", "events.id", "events.date", "events.precision",
                "events.headline", "events.body", "events.category", "events.importance", "events.actors", "events.sources",
                "events.displayDate")) {
            assertThat((Object) after.get(field)).as(field).isEqualTo(before.get(field));
        }
        assertThat(after.getList("events.id", String.class)).contains(second).doesNotContain("a-draft-stays-out");
    }
}
