package org.tradeline.editor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeline.account.Browserless;

@QuarkusTest
class CsvImportTest {

    static final String HEADER = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
            + "Media Credit,Media Caption,Media Thumbnail,Alt Text,Type,Group,Background\n";

    Browserless editor;
    String slug;

    @BeforeEach
    void emptyTimeline() {
        editor = Browserless.signIn("admin", "admin-test-password");
        slug = "csv-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().preemptive().basic("admin", "admin-test-password").contentType("application/json")
                .body(Map.of("slug", slug, "title", "CSV import " + slug, "status", "published")).post("/api/timelines")
                .then().statusCode(201);
    }

    Response post(Map<String, String> fields) {
        editor.get("/editor/timelines/" + slug + "/import").then().statusCode(200);
        var spec = editor.spec().multiPart("_csrf", editor.csrf());
        for (var f : fields.entrySet()) {
            // As a browser does: form fields in the page's encoding, UTF-8.
            spec = spec.multiPart(new io.restassured.builder.MultiPartSpecBuilder(f.getValue())
                    .controlName(f.getKey()).charset("UTF-8").build());
        }
        return spec.post("/editor/timelines/" + slug + "/import");
    }

    @Test
    void shouldReproduceTheEventsOfAnExportedCsv() {
        String csv = given().get("/timelines/nippon-steel-us-steel/events.csv").then().statusCode(200).extract().asString();
        JsonPath seeded = given().get("/api/timelines/nippon-steel-us-steel").then().extract().jsonPath();
        int count = seeded.getInt("eventCount");

        Document preview = Jsoup.parse(post(Map.of("csv", csv, "status", "published", "action", "preview"))
                .then().statusCode(200).extract().asString());
        assertThat(preview.select("tr.row-ok")).hasSize(count);
        assertThat(preview.select("tr.row-skipped").text()).contains("title slide");
        given().get("/api/timelines/" + slug).then().body("eventCount", org.hamcrest.Matchers.equalTo(0));

        post(Map.of("csv", csv, "status", "published", "action", "import")).then().statusCode(303);
        JsonPath imported = given().get("/api/timelines/" + slug).then().statusCode(200).extract().jsonPath();
        assertThat(imported.getInt("eventCount")).isEqualTo(count);
        for (String field : List.of("date", "precision", "endDate", "displayDate", "headline", "category", "bodyHtml",
                "sources.title", "sources.publisher", "sources.url", "sources.date")) {
            assertThat(imported.getList("events." + field)).as(field).isEqualTo(seeded.getList("events." + field));
        }
    }

    @Test
    void shouldPreviewAndReportEveryRejectedRowFromATimelineJsSheet() {
        String csv = HEADER
                + ",,,,,,,,,My timeline,<p>Intro</p>,,,,,,title,,\n"
                + "2024,,,,2025,,,,,An era,,,,,,,era,,\n"
                + "2024,9,,,,,,,,Month-only event,<p>Text with <a href=\"https://example.org/x\">a link</a>.</p>,"
                + "https://example.org/photo,Example Wire,A caption,,,,Deal,\n"
                + "2024,9,18,,,,,,,Bad group,<p>x</p>,https://example.org/p,Wire,,,,,Gossip,\n"
                + ",,,,,,,,,No year,<p>x</p>,https://example.org/p,Wire,,,,,Deal,\n"
                + "2024,10,2,,,,,,,No source,<p>Nothing cited.</p>,,,,,,,Deal,\n"
                + "2024,10,3,,,,,,,Script link,<p><a href=\"javascript:alert(1)\">x</a></p>,https://example.org/p,Wire,,,,,Deal,\n"
                + "2024,13,40,,,,,,,Impossible date,<p>x</p>,https://example.org/p,Wire,,,,,Deal,\n";
        Document preview = Jsoup.parse(post(Map.of("csv", csv, "action", "preview")).then().statusCode(200).extract().asString());
        assertThat(preview.select("tr.row-ok")).hasSize(1);
        assertThat(preview.select("tr.row-skipped")).hasSize(2);
        String rejected = preview.select("tr.row-rejected").text();
        assertThat(preview.select("tr.row-rejected")).hasSize(5);
        assertThat(rejected).contains("Gossip", "Year is empty", "No source", "not a real date", "javascript:alert(1)");
        assertThat(preview.select("button[value=import]").text()).isEqualTo("Import 1 events as drafts");
        given().get("/api/timelines/" + slug).then().body("eventCount", org.hamcrest.Matchers.equalTo(0));

        post(Map.of("csv", csv, "action", "import")).then().statusCode(303);
        Document list = Jsoup.parse(editor.get("/editor/timelines/" + slug).asString());
        assertThat(list.select("tbody tr")).hasSize(1);
        assertThat(list.select("tbody tr").text()).contains("Month-only event", "September 2024", "draft");
        // The Media and Media Credit became the source; the link in the text survived as Markdown.
        String yaml = editor.get("/editor/timelines/" + slug + "/export.yaml").asString();
        assertThat(yaml).contains("publisher: Example Wire", "url: https://example.org/photo", "[a link](https://example.org/x)");
    }

    @Test
    void shouldRefuseWhatIsNotACsvAndNeedTheCsrfToken() {
        post(Map.of("csv", "", "action", "preview")).then().statusCode(422);
        post(Map.of("csv", "just one line without rows", "action", "preview")).then().statusCode(422);
        editor.get("/editor/timelines/" + slug + "/import");
        editor.spec().multiPart("csv", HEADER + "2024,1,1,,,,,,,X,<p>x</p>,https://example.org,W,,,,,Deal,\n")
                .multiPart("action", "import").post("/editor/timelines/" + slug + "/import").then().statusCode(403);
        given().get("/api/timelines/" + slug).then().body("eventCount", org.hamcrest.Matchers.equalTo(0));
    }
}
