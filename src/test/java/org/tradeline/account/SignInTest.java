package org.tradeline.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignInTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-test-password";

    @Inject
    AccountService accounts;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldCreateTheFirstAdminFromConfiguration() {
        Browserless admin = Browserless.signIn(ADMIN, ADMIN_PASSWORD);
        admin.get("/editor/users").then().statusCode(200).body(containsString(">admin<"));
    }

    @Test
    void shouldSendAnonymousEditorsToTheLoginForm() {
        given().redirects().follow(false).get("/editor").then()
                .statusCode(302).header("Location", containsString("/login?next=%2Feditor"));
        given().redirects().follow(false).get("/editor/timelines/nippon-steel-us-steel/events/new").then()
                .statusCode(302).header("Location", containsString("/login"));
        given().redirects().follow(false).get("/editor/users").then().statusCode(302);
    }

    @Test
    void shouldOfferALabelledLoginForm() {
        Document doc = Jsoup.parse(given().get("/login").then().statusCode(200).extract().asString());
        assertThat(doc.select("label[for=f-username]").text()).isEqualTo("Username");
        assertThat(doc.select("label[for=f-password]").text()).isEqualTo("Password");
        assertThat(doc.select("#f-password").attr("type")).isEqualTo("password");
        assertThat(doc.select("input[name=_csrf]").attr("value")).isNotBlank();
    }

    @Test
    void shouldSignInAndOutWithAnHttpOnlySessionCookie() {
        Browserless b = Browserless.anonymous();
        b.get("/login");
        Response r = b.post("/login", Map.of("username", ADMIN, "password", ADMIN_PASSWORD, "next", "/editor/account"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/editor/account");
        String setCookie = r.headers().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(TradelineAuthentication.SESSION_COOKIE)).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");
        b.get("/editor").then().statusCode(200).body(containsString("Sign out"));

        b.post("/logout", Map.of()).then().statusCode(303).header("Location", containsString("/login?done=signed-out"));
        b.get("/editor").then().statusCode(302);
    }

    @Test
    void shouldNotTellWhetherTheUsernameOrThePasswordWasWrong() {
        String wrongPassword = Browserless.anonymous().get("/login").then().extract().asString();
        Browserless b = Browserless.anonymous();
        b.get("/login");
        String badPassword = b.post("/login", Map.of("username", ADMIN, "password", "not-it")).then()
                .statusCode(401).extract().asString();
        String unknownUser = b.post("/login", Map.of("username", unique("nobody"), "password", "not-it")).then()
                .statusCode(401).extract().asString();
        String a = Jsoup.parse(badPassword).select(".error-summary").text();
        assertThat(a).isEqualTo("The username or password is not right. Check both and try again.");
        assertThat(Jsoup.parse(unknownUser).select(".error-summary").text()).isEqualTo(a);
        assertThat(wrongPassword).isNotEmpty();
    }

    @Test
    void shouldSlowDownRepeatedFailuresForOneAccount() {
        String name = unique("throttled");
        accounts.create(name, "right-password-123", Role.EDITOR);
        Browserless b = Browserless.anonymous();
        b.get("/login");
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            b.post("/login", Map.of("username", name, "password", "wrong-" + i)).then().statusCode(401);
        }
        // Even the right password must now wait.
        b.post("/login", Map.of("username", name, "password", "right-password-123")).then()
                .statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("Too many failed sign-ins"));
        // Another account is not affected.
        Browserless.signIn(ADMIN, ADMIN_PASSWORD);
    }

    @Test
    void shouldIgnoreAForgedOrTamperedSessionCookie() {
        Browserless admin = Browserless.signIn(ADMIN, ADMIN_PASSWORD);
        String real = admin.cookie(TradelineAuthentication.SESSION_COOKIE);
        String tampered = real.substring(0, real.length() - 3) + (real.endsWith("AAA") ? "BBB" : "AAA");
        given().redirects().follow(false).cookie(TradelineAuthentication.SESSION_COOKIE, tampered).get("/editor")
                .then().statusCode(302);
        given().redirects().follow(false).cookie(TradelineAuthentication.SESSION_COOKIE, "admin").get("/editor")
                .then().statusCode(302);
        given().redirects().follow(false).cookie(TradelineAuthentication.SESSION_COOKIE, real).get("/editor")
                .then().statusCode(200);
    }

    @Test
    void shouldKeepSessionsValidForAnyInstanceWithTheSameSecret() {
        // A restart (or a second instance) builds its Secrets from the same configured secret.
        Browserless admin = Browserless.signIn(ADMIN, ADMIN_PASSWORD);
        Secrets other = new Secrets(new TestConfig("test-secret-not-for-production"));
        assertThat(other.open(admin.cookie(TradelineAuthentication.SESSION_COOKIE))).startsWith("s1|");
        Secrets foreign = new Secrets(new TestConfig("another-secret"));
        assertThat(foreign.open(admin.cookie(TradelineAuthentication.SESSION_COOKIE))).isNull();
    }

    @Test
    void shouldNeverRedirectOffSiteAfterSignIn() {
        assertThat(LoginPages.safeNext("https://evil.example/")).isEqualTo("/editor");
        assertThat(LoginPages.safeNext("//evil.example/")).isEqualTo("/editor");
        assertThat(LoginPages.safeNext("/editor/timelines/x")).isEqualTo("/editor/timelines/x");
        Browserless b = Browserless.anonymous();
        b.get("/login");
        b.post("/login", Map.of("username", ADMIN, "password", ADMIN_PASSWORD, "next", "https://evil.example/"))
                .then().statusCode(303).header("Location", startsWith("http://localhost")).header("Location", containsString("/editor"));
    }

    /** A minimal configuration for building a second Secrets as another instance would. */
    record TestConfig(String secret) implements org.tradeline.config.TradelineConfig {
        public String dataDir() {
            return "target/unused";
        }

        public Import importing() {
            return null;
        }

        public Site site() {
            return null;
        }

        public Admin admin() {
            return null;
        }

        public Cache cache() {
            return null;
        }

        public Http http() {
            return null;
        }

        public Extract extract() {
            return null;
        }

        public Session session() {
            return new Session() {
                public java.util.Optional<String> secret() {
                    return java.util.Optional.of(secret);
                }

                public java.time.Duration maxAge() {
                    return java.time.Duration.ofHours(12);
                }

                public boolean secureCookies() {
                    return false;
                }
            };
        }
    }
}
