package org.tradeline.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a TLS-terminating proxy, configured as the README says: HSTS on, the proxy's
 * X-Forwarded-Proto trusted. Cookies are Secure on requests that came in over HTTPS.
 */
@QuarkusTest
@TestProfile(SecurityHeadersBehindTlsTest.BehindTlsProxy.class)
class SecurityHeadersBehindTlsTest {

    public static class BehindTlsProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradeline.http.hsts", "true",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Test
    void shouldSendHstsOnEveryKindOfAnswer() {
        SecurityHeadersTest.ANSWERS.forEach((path, status) -> {
            Response r = given().redirects().follow(false).header("X-Forwarded-Proto", "https").get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(status);
            assertThat(r.header("Strict-Transport-Security")).as(path).isEqualTo("max-age=31536000");
            SecurityHeadersTest.assertCommonHeaders(r, path);
            assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        });
        for (String path : SecurityHeadersTest.EMBEDS) {
            assertThat(given().header("X-Forwarded-Proto", "https").get(path).header("Strict-Transport-Security"))
                    .as(path).isEqualTo("max-age=31536000");
        }
    }

    @Test
    void shouldMarkCookiesSecureOnRequestsThatArrivedOverHttps() {
        var https = SecurityHeadersTest.Cookies.signIn(
                () -> given().redirects().follow(false).header("X-Forwarded-Proto", "https"));
        assertThat(SecurityHeadersTest.Cookies.attributes(https.csrf())).contains("secure", "httponly", "samesite=strict");
        assertThat(SecurityHeadersTest.Cookies.attributes(https.session())).contains("secure", "httponly", "samesite=lax");
        // Plain HTTP (a health check, or a client talking to the app directly) keeps working.
        var plain = SecurityHeadersTest.Cookies.signIn(SecurityHeadersTest::request);
        assertThat(SecurityHeadersTest.Cookies.attributes(plain.session())).contains("httponly").doesNotContain("secure");
        assertThat(SecurityHeadersTest.Cookies.attributes(plain.csrf())).contains("httponly").doesNotContain("secure");
    }
}
