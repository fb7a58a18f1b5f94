package org.tradeline.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Security headers on every kind of answer (pages, API, errors, static files, /q), framing refused
 * except on embeds, and the cookies' flags, with the default configuration: no HSTS and no Secure
 * cookies on plain HTTP. {@link SecurityHeadersBehindTlsTest} and {@link SecurityHeadersSecureCookiesTest}
 * cover the TLS settings.
 */
@QuarkusTest
class SecurityHeadersTest {

    /** Path and expected status: a page, the API, a feed, errors (HTML and problem+json), static files, /q. */
    static final Map<String, Integer> ANSWERS = Map.ofEntries(
            Map.entry("/", 200),
            Map.entry("/timelines/nippon-steel-us-steel", 200),
            Map.entry("/timelines/nippon-steel-us-steel/events/biden-blocks-acquisition", 200),
            Map.entry("/api/timelines/nippon-steel-us-steel", 200),
            Map.entry("/timelines/nippon-steel-us-steel/feed.atom", 200),
            Map.entry("/login", 200),
            Map.entry("/timelines/no-such-timeline", 404),
            Map.entry("/api/timelines/no-such-timeline", 404),
            Map.entry("/timelines/nippon-steel-us-steel?from=yesterday", 400),
            Map.entry("/static/tradeline.css", 200),
            Map.entry("/static/no-such-file.css", 404),
            Map.entry("/q/health", 200));

    static final List<String> EMBEDS = List.of("/embed/timelines/nippon-steel-us-steel",
            "/embed/timelines/nippon-steel-us-steel/events/biden-blocks-acquisition", "/embed.js");

    static RequestSpecification request() {
        return given().redirects().follow(false);
    }

    /** The directives of a Content-Security-Policy, by name. */
    static Map<String, List<String>> csp(Response r, String path) {
        String header = r.header("Content-Security-Policy");
        assertThat(header).as(path).isNotNull();
        return Arrays.stream(header.split(";")).map(String::trim).filter(d -> !d.isEmpty())
                .collect(java.util.stream.Collectors.toMap(d -> d.split("\\s+")[0],
                        d -> List.of(d.split("\\s+")).subList(1, d.split("\\s+").length)));
    }

    static void assertCommonHeaders(Response r, String path) {
        Map<String, List<String>> csp = csp(r, path);
        List<String> scripts = csp.getOrDefault("script-src", csp.get("default-src"));
        assertThat(scripts).as(path + " script-src").containsExactly("'self'");
        assertThat(r.header("Content-Security-Policy")).as(path).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(csp.get("object-src")).as(path).containsExactly("'none'");
        assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        assertThat(r.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
        assertThat(r.header("Permissions-Policy")).as(path).contains("camera=()", "microphone=()", "geolocation=()");
    }

    @Test
    void shouldSendSecurityHeadersOnEveryKindOfAnswerAndRefuseFraming() {
        ANSWERS.forEach((path, status) -> {
            Response r = request().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(status);
            assertCommonHeaders(r, path);
            assertThat(csp(r, path).get("frame-ancestors")).as(path).containsExactly("'none'");
            assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(r.header("Strict-Transport-Security")).as(path + ": HSTS is off unless configured").isNull();
        });
        // A write refused for want of credentials carries them too.
        Response refused = request().contentType("application/json").body("{}").post("/api/timelines");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertCommonHeaders(refused, "POST /api/timelines");
        assertThat(refused.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void shouldLetOtherSitesFrameTheEmbedsOnly() {
        for (String path : EMBEDS) {
            Response r = request().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertCommonHeaders(r, path);
            assertThat(csp(r, path).get("frame-ancestors")).as(path).containsExactly("*");
            assertThat(r.header("X-Frame-Options")).as(path).isNull();
        }
    }

    @Test
    void shouldNeverLetACacheKeepHealthOrMetrics() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/metrics")) {
            Response r = request().get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.header("Cache-Control")).as(path).isEqualTo("no-store");
            assertThat(r.header("Access-Control-Allow-Origin")).as(path).isNull();
        }
    }

    @Test
    void shouldMarkCookiesHttpOnlyAndSameSiteButNotSecureOnPlainHttp() {
        Cookies c = Cookies.signIn(SecurityHeadersTest::request);
        assertThat(Cookies.attributes(c.csrf())).contains("httponly", "samesite=strict").doesNotContain("secure");
        assertThat(Cookies.attributes(c.session())).contains("httponly", "samesite=lax").doesNotContain("secure");
    }

    /** The Set-Cookie headers of a sign-in: the CSRF cookie from the form, the session cookie from the post. */
    record Cookies(String csrf, String session) {

        /** Signs in with a fresh request from {@code spec} for each step. */
        static Cookies signIn(java.util.function.Supplier<RequestSpecification> spec) {
            Response page = spec.get().get("/login");
            assertThat(page.statusCode()).isEqualTo(200);
            String csrfCookie = setCookie(page, "tl_csrf");
            String token = org.jsoup.Jsoup.parse(page.asString()).select("input[name=_csrf]").attr("value");
            Response signedIn = spec.get().cookie("tl_csrf", page.cookie("tl_csrf"))
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParams(Map.of("_csrf", token, "username", "admin", "password", "admin-test-password", "next", "/editor"))
                    .post("/login");
            assertThat(signedIn.statusCode()).isEqualTo(303);
            return new Cookies(csrfCookie, setCookie(signedIn, "tl_session"));
        }

        /** A Set-Cookie header's attributes (not its value), lower case: "httponly", "samesite=lax", "secure". */
        static java.util.Set<String> attributes(String setCookie) {
            return Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.trim().toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.toSet());
        }

        static String setCookie(Response r, String name) {
            return r.headers().getValues("Set-Cookie").stream().filter(v -> v.startsWith(name + "=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no Set-Cookie " + name + " in " + r.headers()));
        }
    }
}
