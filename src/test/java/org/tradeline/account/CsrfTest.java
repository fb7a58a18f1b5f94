package org.tradeline.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeline.event.Event;

/** Every state-changing form needs this session's CSRF token; nothing changes without it. Writes go to the draft fixture. */
@QuarkusTest
class CsrfTest {

    static final String NEW_EVENT = "/editor/timelines/draft-fixture/events/new";

    static Map<String, Object> validEvent(String headline) {
        return Map.of("headline", headline, "date", "2025-02-01", "precision", "day", "category", "deal",
                "source-title-0", "A source", "source-publisher-0", "Wire", "status", "published", "importance", "major");
    }

    static long count(String headline) {
        return QuarkusTransaction.requiringNew().call(() -> Event.count("headline", headline));
    }

    @Test
    void shouldRejectAFormWithoutAToken() {
        Browserless editor = Browserless.signIn(SignInTest.ADMIN, SignInTest.ADMIN_PASSWORD);
        editor.get(NEW_EVENT);
        editor.postRaw(NEW_EVENT, validEvent("No token at all")).then().statusCode(403);
        assertThat(count("No token at all")).isZero();
    }

    @Test
    void shouldRejectAnotherSessionsToken() {
        Browserless editor = Browserless.signIn(SignInTest.ADMIN, SignInTest.ADMIN_PASSWORD);
        editor.get(NEW_EVENT);
        Browserless other = Browserless.anonymous();
        other.get("/login");
        assertThat(other.csrf()).isNotEqualTo(editor.csrf());
        Map<String, Object> form = new java.util.HashMap<>(validEvent("Someone else's token"));
        form.put("_csrf", other.csrf());
        editor.postRaw(NEW_EVENT, form).then().statusCode(403);
        assertThat(count("Someone else's token")).isZero();
    }

    @Test
    void shouldRejectAForgedToken() {
        Browserless editor = Browserless.signIn(SignInTest.ADMIN, SignInTest.ADMIN_PASSWORD);
        editor.get(NEW_EVENT);
        // The attacker sets both cookie and field to a value of their own, but cannot sign it.
        Map<String, Object> form = new java.util.HashMap<>(validEvent("Forged token"));
        form.put("_csrf", "forged.value");
        given().redirects().follow(false).cookies(editor.cookies()).cookie(Csrf.COOKIE, "forged.value")
                .contentType("application/x-www-form-urlencoded").formParams(form).post(NEW_EVENT)
                .then().statusCode(403);
        assertThat(count("Forged token")).isZero();
    }

    @Test
    void shouldAcceptTheRightToken() {
        Browserless editor = Browserless.signIn(SignInTest.ADMIN, SignInTest.ADMIN_PASSWORD);
        editor.get(NEW_EVENT);
        editor.post(NEW_EVENT, validEvent("With the right token")).then().statusCode(303);
        assertThat(count("With the right token")).isEqualTo(1);
    }

    @Test
    void shouldProtectSignInAndSignOutToo() {
        Browserless b = Browserless.anonymous();
        b.get("/login");
        b.postRaw("/login", Map.of("username", SignInTest.ADMIN, "password", SignInTest.ADMIN_PASSWORD)).then().statusCode(403);
        Browserless editor = Browserless.signIn(SignInTest.ADMIN, SignInTest.ADMIN_PASSWORD);
        editor.postRaw("/logout", Map.of()).then().statusCode(403);
        editor.get("/editor").then().statusCode(200);
    }

    @Test
    void shouldRefuseCookieAuthenticatedJsonWritesWithoutTheHeader() {
        Browserless editor = Browserless.signIn(SignInTest.ADMIN, SignInTest.ADMIN_PASSWORD);
        editor.get("/editor");
        String body = "{\"headline\":\"JSON via cookie\",\"date\":\"2025-02-02\",\"precision\":\"day\",\"category\":\"deal\","
                + "\"sources\":[{\"title\":\"S\",\"publisher\":\"P\"}]}";
        editor.spec().contentType("application/json").body(body).post("/api/timelines/draft-fixture/events")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(count("JSON via cookie")).isZero();
        editor.spec().contentType("application/json").header(Csrf.HEADER, editor.cookie(Csrf.COOKIE)).body(body)
                .post("/api/timelines/draft-fixture/events").then().statusCode(201);
        assertThat(count("JSON via cookie")).isEqualTo(1);
    }

    @Test
    void shouldNotOpenCorsForWrites() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/timelines/draft-fixture/events")
                .then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
