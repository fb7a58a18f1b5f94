package org.tradeline.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeline.account.Account;
import org.tradeline.account.AccountService;
import org.tradeline.account.Browserless;
import org.tradeline.account.Role;

/**
 * Issue 12, part 3: {@code /openapi} describes the JSON API accurately. The document is valid
 * (swagger-parser), served publicly with the same headers as other public reads, lists exactly the
 * routes the JAX-RS resources serve under /api (and oEmbed), nothing of the editors' pages or /q/,
 * and real answers of the running app, successes and errors alike, validate against it (Atlassian's
 * OpenAPI validator: status, content type, headers, body schema, and the request too where it is
 * meant to be right).
 */
@QuarkusTest
class OpenApiTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-test-password";
    static final String EDITOR = "openapi-editor";
    static final String EDITOR_PASSWORD = "openapi-editor-password";
    static final String SEEDED = "nippon-steel-us-steel";

    @Inject
    AccountService accounts;

    static String document;
    static OpenApiInteractionValidator strict;
    static OpenApiInteractionValidator answersOnly;
    String token;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void validators() {
        if (document == null) {
            document = given().get("/openapi").then().statusCode(200).extract().asString();
            strict = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
            // For requests that are wrong on purpose (no credentials, a bad body): only the answer is judged.
            answersOnly = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                    .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        }
        long adminId = QuarkusTransaction.requiringNew().call(() -> Account.<Account>find("username", ADMIN).firstResult().id);
        token = accounts.createToken(adminId, "OpenAPI test");
        if (QuarkusTransaction.requiringNew().call(() -> Account.count("username", EDITOR)) == 0) {
            accounts.create(EDITOR, EDITOR_PASSWORD, Role.EDITOR);
        }
    }

    static OpenAPI parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
        assertThat(result.getMessages()).as("what swagger-parser finds wrong with the document").isEmpty();
        return result.getOpenAPI();
    }

    // --- the document --------------------------------------------------------------------------------

    @Test
    void shouldServeAValidDocumentPubliclyAsYamlAndJson() {
        Response yaml = given().get("/openapi").then().statusCode(200).contentType("application/yaml").extract().response();
        assertThat(yaml.header("Cache-Control")).isEqualTo("public, max-age=60, stale-while-revalidate=600");
        assertThat(yaml.header("Vary")).contains("Accept");
        assertThat(yaml.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(yaml.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(yaml.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(yaml.header("Referrer-Policy")).isNotBlank();
        OpenAPI fromYaml = parse(yaml.asString());
        assertThat(fromYaml.getOpenapi()).isEqualTo("3.0.3");

        String json = given().queryParam("format", "json").get("/openapi").then().statusCode(200)
                .contentType("application/json").extract().asString();
        assertThat(parse(json).getPaths().keySet()).isEqualTo(fromYaml.getPaths().keySet());
        given().header("Origin", "https://news.example").header("Access-Control-Request-Method", "GET").options("/openapi")
                .then().statusCode(204).header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void shouldDescribeEveryApiRouteAndNothingElse() {
        Set<String> served = JaxRsRoutes.all().stream()
                .filter(r -> r.path().startsWith("/api/") || r.path().equals("/api") || r.path().equals("/oembed"))
                .map(JaxRsRoutes.Route::toString).collect(Collectors.toCollection(TreeSet::new));
        Set<String> described = new TreeSet<>();
        parse(document).getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> described.add(method.name() + " " + path)));
        assertThat(described).as("the routes in /openapi are the routes the app serves under /api, and oEmbed")
                .isEqualTo(served);
        assertThat(described).as("the editors' pages and /q/ are not in it")
                .allMatch(r -> r.contains(" /api/") || r.endsWith(" /oembed"));
    }

    // --- real answers ------------------------------------------------------------------------------------

    @Test
    void shouldMatchTheAnswersOfTheReadRoutes() {
        String events = "/api/timelines/" + SEEDED + "/events";
        exchange("GET", "/api/timelines").expect(200);
        String etag = exchange("GET", "/api/timelines/" + SEEDED).expect(200).header("ETag");
        exchange("GET", "/api/timelines/" + SEEDED).header("If-None-Match", etag).expect(304);
        exchange("GET", "/api/timelines/" + SEEDED).header("Accept-Encoding", "gzip").expect(200);
        String id = exchange("GET", events).query("category", "litigation", "deal").query("actor", "nippon-steel")
                .query("from", "2024-01-01").query("to", "2025-12-31").query("q", "steel").query("size", "2")
                .query("page", "1").expect(200).jsonPath().getString("events[0].id");
        exchange("GET", events).query("page", "999").expect(400);
        exchange("GET", events).query("category", "warfare").wrongOnPurpose().expect(400);
        exchange("GET", events + "/" + id).expect(200);
        exchange("GET", events + "/no-such-event").expect(404);
        exchange("GET", "/api/timelines/no-such-timeline").expect(404);
        exchange("GET", "/api/timelines/" + SEEDED + "/timelinejs").expect(200);
        exchange("GET", "/api/timelines/no-such-timeline/timelinejs").expect(404);
        // A timeline with a span, a source without a date or address and an update note covers the optional fields.
        String slug = newTimeline();
        Map<String, Object> span = event("A span with a note");
        span.put("endDate", "2024-11");
        span.put("sources", List.of(Map.of("title", "Undated", "publisher", "Wire")));
        span.put("updateNote", "Adds the span");
        exchange("POST", "/api/timelines/" + slug + "/events").bearer(token).json(span).expect(201);
        exchange("GET", "/api/timelines/" + slug).expect(200);
        exchange("GET", "/api/timelines/" + slug + "/events").expect(200);
        exchange("GET", "/api/timelines/" + slug + "/timelinejs").expect(200);
    }

    @Test
    void shouldMatchTheAnswersOfOEmbedAndTheBackup() {
        String page = RestAssured.baseURI + ":" + RestAssured.port + "/timelines/" + SEEDED;
        exchange("GET", "/oembed").query("url", page).query("format", "json").expect(200);
        exchange("GET", "/oembed").query("url", page).query("maxwidth", "400").query("maxheight", "300").expect(200);
        exchange("GET", "/oembed").query("url", page).query("format", "xml").expect(501);
        exchange("GET", "/oembed").query("url", "https://elsewhere.example/timelines/x").expect(404);
        exchange("GET", "/oembed").wrongOnPurpose().expect(400);
        exchange("GET", "/api/backup").basic(ADMIN, ADMIN_PASSWORD).expect(200);
        exchange("GET", "/api/backup").basic(EDITOR, EDITOR_PASSWORD).expect(403);
        exchange("GET", "/api/backup").wrongOnPurpose().expect(401);
    }

    @Test
    void shouldMatchTheAnswersOfTheExtractRoute() {
        String path = "/api/timelines/" + SEEDED + "/extract";
        exchange("POST", path).bearer(token).json(Map.of("text", "Nippon Steel Corp. sued the government on Monday. Biden's decision "
                + "last week drew protests. A ruling is due in the first quarter.", "published", "2025-01-07")).expect(200);
        exchange("POST", path).bearer(token).json(Map.of("text", "Nothing dated here.", "published", "2025-01-07")).expect(200);
        exchange("POST", path).bearer(token).json(Map.of("text", "It rose on Monday.", "published", "2025-02-30")).wrongOnPurpose().expect(422);
        exchange("POST", path).bearer(token).json(Map.of("published", "2025-01-07")).expect(422);
        exchange("POST", path).bearer(token).json(Map.of("text", "x".repeat(100_001), "published", "2025-01-07")).wrongOnPurpose().expect(413);
        exchange("POST", path).bearer(token).body("text/plain", "hello").wrongOnPurpose().expect(415);
        exchange("POST", path).json(Map.of("text", "It rose on Monday.", "published", "2025-01-07")).wrongOnPurpose().expect(401);
        exchange("POST", "/api/timelines/no-such-timeline/extract").bearer(token)
                .json(Map.of("text", "It rose on Monday.", "published", "2025-01-07")).expect(404);
    }

    @Test
    void shouldMatchTheAnswersOfTheWriteRoutes() {
        String slug = newTimeline();
        exchange("POST", "/api/timelines").bearer(token).json(timeline(slug)).expect(422);
        exchange("POST", "/api/timelines").json(timeline("no-credentials")).wrongOnPurpose().expect(401);
        String events = "/api/timelines/" + slug + "/events";
        String id = exchange("POST", events).basic(ADMIN, ADMIN_PASSWORD).json(event("Described")).expect(201)
                .jsonPath().getString("id");
        Map<String, Object> tooLong = event("x".repeat(201));
        exchange("POST", events).bearer(token).json(tooLong).expect(422);
        exchange("POST", events).bearer(token).body("application/json", "{\"headline\": ").wrongOnPurpose().expect(400);
        exchange("POST", events).bearer(token).body("text/plain", "hello").wrongOnPurpose().expect(415);
        exchange("POST", "/api/timelines/no-such-timeline/events").bearer(token).json(event("Nowhere")).expect(404);

        String path = events + "/" + id;
        String read = exchange("GET", path).expect(200).header("ETag");
        exchange("PUT", path).bearer(token).header("If-Match", read).json(event("Changed")).expect(200);
        exchange("PUT", path).bearer(token).header("If-Match", read).json(event("Stale")).expect(412);
        exchange("PUT", path).bearer(token).header("If-Match", "v1").json(event("Unquoted")).expect(400);
        exchange("PUT", path).bearer(token).json(event("Blind")).expect(428);
        Map<String, Object> stale = event("Stale version");
        stale.put("version", 0);
        exchange("PUT", path).bearer(token).json(stale).expect(409);
        stale.put("version", 1);
        exchange("PUT", events + "/no-such-event").bearer(token).json(stale).expect(404);
        exchange("DELETE", path).bearer(token).wrongOnPurpose().expect(428);
        exchange("DELETE", path).bearer(token).header("If-Match", "*").query("updateNote", "Removed").expect(204);

        Map<String, Object> change = timeline(slug);
        change.put("title", "Retitled");
        exchange("PUT", "/api/timelines/" + slug).bearer(token).header("If-Match", "\"v0\"").json(change).expect(200);
        exchange("PUT", "/api/timelines/" + slug).bearer(token).header("If-Match", "\"v0\"").json(change).expect(412);
        exchange("DELETE", "/api/timelines/" + slug).bearer(token).query("version", "0").expect(409);

        Browserless editor = Browserless.signIn(EDITOR, EDITOR_PASSWORD);
        exchange("DELETE", "/api/timelines/" + slug).cookies(editor.cookies()).query("version", "1").wrongOnPurpose().expect(403);
        exchange("DELETE", "/api/timelines/" + slug).bearer(token).query("version", "1").expect(204);
    }

    // --- helpers -------------------------------------------------------------------------------------

    String newTimeline() {
        String slug = "oa-" + UUID.randomUUID().toString().substring(0, 8);
        exchange("POST", "/api/timelines").bearer(token).json(timeline(slug)).expect(201);
        return slug;
    }

    static Map<String, Object> timeline(String slug) {
        return new LinkedHashMap<>(Map.of("slug", slug, "title", "Described timeline", "summary", "For the OpenAPI test.",
                "status", "published", "actors", List.of(Map.of("id", "acme", "name", "Acme"))));
    }

    static Map<String, Object> event(String headline) {
        return new LinkedHashMap<>(Map.of("headline", headline, "date", "2024-09", "precision", "month", "category", "deal",
                "actors", List.of("acme"), "body", "Some *Markdown*.", "status", "published", "importance", "minor",
                "sources", List.of(Map.of("title", "A source", "publisher", "Wire", "date", "2024-09-30",
                        "url", "https://example.org/a"))));
    }

    Exchange exchange(String method, String path) {
        return new Exchange(method, path);
    }

    /** One request to the running app, and its answer checked against /openapi. */
    static final class Exchange {
        private final String method;
        private final String path;
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Map<String, String> cookies = Map.of();
        private String contentType;
        private String body;
        private boolean wrongOnPurpose;

        Exchange(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Exchange query(String name, String... values) {
            query.put(name, List.of(values));
            return this;
        }

        Exchange header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Exchange basic(String user, String password) {
            return header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        Exchange bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Exchange cookies(Map<String, String> cookies) {
            this.cookies = cookies;
            return this;
        }

        Exchange json(Object value) {
            try {
                return body("application/json", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        Exchange body(String type, String text) {
            contentType = type;
            body = text;
            return this;
        }

        /** The request breaks the document on purpose (to get an error answer): only the answer is validated. */
        Exchange wrongOnPurpose() {
            wrongOnPurpose = true;
            return this;
        }

        Response expect(int status) {
            RequestSpecification spec = given().redirects().follow(false).cookies(cookies);
            query.forEach((name, values) -> spec.queryParam(name, values.toArray()));
            headers.forEach(spec::header);
            if (body != null) {
                spec.contentType(contentType).body(body);
            }
            Response r = spec.request(method, path);
            String what = method + " " + path + " " + query + " " + headers.keySet();
            assertThat(r.statusCode()).as(what + "\n" + r.asString()).isEqualTo(status);

            SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path);
            query.forEach(request::withQueryParam);
            headers.forEach((name, value) -> request.withHeader(name, value));
            if (body != null) {
                request.withContentType(contentType).withBody(body);
            }
            SimpleResponse.Builder response = new SimpleResponse.Builder(r.statusCode());
            for (Header h : r.headers()) {
                response.withHeader(h.getName(), h.getValue());
            }
            if (r.contentType() != null && !r.contentType().isEmpty()) {
                response.withContentType(r.contentType());
            }
            byte[] answer = r.asByteArray();
            if (answer.length > 0) {
                response.withBody(answer);
            }
            ValidationReport report = (wrongOnPurpose ? answersOnly : strict).validate(request.build(), response.build());
            List<String> errors = new ArrayList<>();
            report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(m -> errors.add(m.getKey() + ": " + m.getMessage()));
            assertThat(errors).as("/openapi against " + what + " -> " + status + "\n" + r.asString()).isEmpty();
            return r;
        }
    }
}
