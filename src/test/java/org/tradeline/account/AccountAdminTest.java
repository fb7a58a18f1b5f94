package org.tradeline.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountAdminTest {

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an editor through the admin's form; returns its one-time password. */
    static String createEditor(Browserless admin, String name) {
        admin.get("/editor/users");
        Document page = Jsoup.parse(admin.post("/editor/users", Map.of("username", name, "role", "editor"))
                .then().statusCode(200).extract().asString());
        assertThat(page.select(".new-secret").text()).contains(name);
        return page.select(".new-secret code").text();
    }

    @Test
    void shouldLetAnAdminCreateDisableAndResetEditors() {
        Browserless admin = Browserless.signIn(SignInTest.ADMIN, SignInTest.ADMIN_PASSWORD);
        String name = unique("editor");
        String password = createEditor(admin, name);
        Browserless editor = Browserless.signIn(name, password);
        editor.get("/editor").then().statusCode(200);

        Document users = Jsoup.parse(admin.get("/editor/users").asString());
        String disable = users.select("form[action$=/disable]").stream()
                .filter(f -> f.select("button").attr("aria-label").equals("Disable " + name)).findFirst().orElseThrow().attr("action");
        admin.post(disable, Map.of()).then().statusCode(303);
        editor.get("/editor").then().statusCode(302);

        String enable = disable.replace("/disable", "/enable");
        admin.post(enable, Map.of()).then().statusCode(303);
        Document reset = Jsoup.parse(admin.post(disable.replace("/disable", "/reset"), Map.of()).then().statusCode(200)
                .extract().asString());
        String newPassword = reset.select(".new-secret code").text();
        assertThat(newPassword).isNotEqualTo(password);
        Browserless.signIn(name, newPassword).get("/editor").then().statusCode(200);
    }

    @Test
    void shouldKeepAccountManagementForAdmins() {
        Browserless admin = Browserless.signIn(SignInTest.ADMIN, SignInTest.ADMIN_PASSWORD);
        String name = unique("plain");
        Browserless editor = Browserless.signIn(name, createEditor(admin, name));
        editor.get("/editor/users").then().statusCode(403);
        editor.get("/editor").then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("href=\"/editor/users\"")));
        editor.get("/editor/account");
        editor.post("/editor/users", Map.of("username", unique("sneaky"), "role", "admin")).then().statusCode(403);
    }

    @Test
    void shouldLetAnEditorChangeTheirOwnPassword() {
        Browserless admin = Browserless.signIn(SignInTest.ADMIN, SignInTest.ADMIN_PASSWORD);
        String name = unique("changer");
        String password = createEditor(admin, name);
        Browserless editor = Browserless.signIn(name, password);
        Browserless otherSession = Browserless.signIn(name, password);
        editor.get("/editor/account");
        editor.post("/editor/account/password", Map.of("currentPassword", "wrong", "newPassword", "short",
                "confirmPassword", "short")).then().statusCode(422)
                .body(containsString("This is not your current password."), containsString("at least 10 characters"));
        editor.post("/editor/account/password", Map.of("currentPassword", password, "newPassword", "a-new-long-password",
                "confirmPassword", "a-new-long-password")).then().statusCode(303);
        editor.get("/editor/account?done=password-changed").then().statusCode(200).body(containsString("Your password was changed"));
        otherSession.get("/editor").then().statusCode(302);
        Browserless.signIn(name, "a-new-long-password");
    }

    @Test
    void shouldCreateShowOnceAndRevokeApiTokens() {
        Browserless admin = Browserless.signIn(SignInTest.ADMIN, SignInTest.ADMIN_PASSWORD);
        admin.get("/editor/account");
        Document created = Jsoup.parse(admin.post("/editor/account/tokens", Map.of("name", "Newsroom CMS"))
                .then().statusCode(200).header("Cache-Control", "no-store").extract().asString());
        String token = created.select(".new-secret code").text();
        assertThat(token).startsWith("tl_");
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{}").post("/api/timelines/nippon-steel-us-steel/events").then().statusCode(422);
        Document account = Jsoup.parse(admin.get("/editor/account").asString());
        assertThat(account.text()).doesNotContain(token);
        // a use is recorded (in a transaction of its own: the check itself reads without one)
        assertThat(account.select("tr:has(td:containsOwn(Newsroom CMS))").last().select("td").get(3).text())
                .isNotEqualTo("never").contains(String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue()));
        String revoke = account.select("form[action$=/revoke]").last().attr("action");
        admin.post(revoke, Map.of()).then().statusCode(303);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{}").post("/api/timelines/nippon-steel-us-steel/events").then().statusCode(401);
    }
}
