package org.tradeline.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code tradeline.session.secure-cookies=true} (TLS at a proxy that does not forward the scheme): Secure always. */
@QuarkusTest
@TestProfile(SecurityHeadersSecureCookiesTest.SecureCookies.class)
class SecurityHeadersSecureCookiesTest {

    public static class SecureCookies implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradeline.session.secure-cookies", "true");
        }
    }

    @Test
    void shouldMarkEveryCookieSecure() {
        var c = SecurityHeadersTest.Cookies.signIn(SecurityHeadersTest::request);
        assertThat(SecurityHeadersTest.Cookies.attributes(c.csrf())).contains("secure", "httponly", "samesite=strict");
        assertThat(SecurityHeadersTest.Cookies.attributes(c.session())).contains("secure", "httponly", "samesite=lax");
        assertThat(given().get("/").header("Strict-Transport-Security")).as("HSTS stays off").isNull();
    }
}
