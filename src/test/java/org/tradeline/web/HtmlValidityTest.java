package org.tradeline.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tradeline.account.Browserless;
import org.tradeline.browser.TestTools;

/** Every page passes the W3C Nu HTML checker (vnu.jar from npm) with no errors. */
@QuarkusTest
class HtmlValidityTest {

    static final Map<String, Integer> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/", 200);
        PAGES.put("/timelines/nippon-steel-us-steel", 200);
        PAGES.put("/timelines/nippon-steel-us-steel?category=litigation&actor=nippon-steel", 200);
        PAGES.put("/timelines/nippon-steel-us-steel?q=nothing+matches+this", 200);
        PAGES.put("/timelines/nippon-steel-us-steel/events/cfius-review-period", 200);
        PAGES.put("/timelines/nippon-steel-us-steel/events/cliffs-offer-rejected", 200);
        PAGES.put("/timelines/precision-fixture", 200);
        PAGES.put("/timelines/precision-fixture/events/hostile-text", 200);
        PAGES.put("/embed/timelines/nippon-steel-us-steel", 200);
        PAGES.put("/embed/timelines/nippon-steel-us-steel?key=true", 200);
        PAGES.put("/embed/timelines/nippon-steel-us-steel/events/cfius-review-period", 200);
        PAGES.put("/timelines/unknown", 404);
        PAGES.put("/timelines/nippon-steel-us-steel?from=bad", 400);
    }

    @Test
    void shouldPassTheNuHtmlChecker() throws Exception {
        TestTools.require(TestTools.VNU, "vnu-jar");
        Map<String, String> pages = new LinkedHashMap<>();
        for (var page : PAGES.entrySet()) {
            pages.put(page.getKey(), given().urlEncodingEnabled(false).get(page.getKey()).then()
                    .statusCode(page.getValue()).contentType("text/html").extract().asString());
        }
        pages.put("/login", given().get("/login").then().statusCode(200).extract().asString());
        // The editors' pages, signed in, including a form re-rendered with errors and a conflict.
        Browserless editor = Browserless.signIn("admin", "admin-test-password");
        String t = "/editor/timelines/precision-fixture";
        for (String path : List.of("/editor", t, t + "/edit", t + "/events/new", t + "/events/month-only/edit",
                t + "/events/month-only/delete", t + "/events/month-only/history", t + "/events/draft-event/preview",
                "/editor/timelines/new", "/editor/account", "/editor/users")) {
            pages.put(path, editor.get(path).then().statusCode(200).extract().asString());
        }
        editor.get(t + "/events/new");
        pages.put("POST " + t + "/events/new (errors)", editor.post(t + "/events/new",
                Map.of("headline", "", "date", "2024-02-30", "source-url-0", "javascript:x")).then().statusCode(422)
                .extract().asString());
        editor.get(t + "/events/month-only/edit");
        pages.put("POST " + t + "/events/month-only/edit (conflict)", editor.post(t + "/events/month-only/edit",
                Map.of("headline", "Stale", "date", "2024-09", "precision", "month", "category", "deal", "version", "-5",
                        "source-title-0", "S", "source-publisher-0", "P")).then().statusCode(409).extract().asString());
        // Drafting from an article: the form, the candidates, the form with problems, the timeline with its new drafts.
        String x = "/editor/timelines/nippon-steel-us-steel/extract";
        pages.put(x, editor.get(x).then().statusCode(200).extract().asString());
        String article = "Nippon Steel Corp. sued the government on Monday, the company said. Biden's decision last week "
                + "drew protests. The court will rule by June 18.";
        String found = editor.post(x, Map.of("text", article, "published", "2025-01-07", "action", "find")).then().statusCode(200)
                .extract().asString();
        pages.put("POST " + x + " (candidates)", found);
        pages.put("POST " + x + " (errors)", editor.post(x, Map.of("text", "", "published", "2025-02-30")).then().statusCode(422)
                .extract().asString());
        pages.put("POST " + x + "/drafts (errors)", editor.post(x + "/drafts", Map.of("text", article, "published", "2025-01-07",
                "count", "1", "c0-pick", "yes", "c0-headline", "", "c0-date", "2025-01-06", "c0-precision", "day",
                "c0-quote", "Nippon Steel Corp. sued the government on Monday, the company said.", "c0-expression", "on Monday"))
                .then().statusCode(422).extract().asString());
        assertValid(pages);
    }

    private static void assertValid(Map<String, String> pages) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/vnu"));
        List<String> files = new ArrayList<>();
        Map<String, String> pathOf = new LinkedHashMap<>();
        int i = 0;
        for (var page : pages.entrySet()) {
            Path file = dir.resolve("page-" + (i++) + ".html");
            Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
            files.add(file.toString());
            pathOf.put(file.toAbsolutePath().toUri().toString(), page.getKey());
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", TestTools.VNU.toString(), "--format", "json", "--exit-zero-always"));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        process.getOutputStream().close();
        byte[] out = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        JsonNode report = new ObjectMapper().readTree(out);
        List<String> errors = new ArrayList<>();
        for (JsonNode m : report.path("messages")) {
            if (!"info".equals(m.path("type").asText())) {
                errors.add(pathOf.getOrDefault(m.path("url").asText(), m.path("url").asText()) + " line "
                        + m.path("lastLine").asText() + ": " + m.path("message").asText());
            }
        }
        assertThat(errors).as("Nu HTML checker errors").isEmpty();
    }
}
