package org.tradeline.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.tradeline.feed.FeedFixtures.FIXTURE;
import static org.tradeline.feed.FeedFixtures.SEEDED;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TimelineJsExportTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static JsonPath export(String slug) {
        return given().get("/api/timelines/" + slug + "/timelinejs").then()
                .statusCode(200)
                .contentType("application/json")
                .extract().jsonPath();
    }

    private static Map<String, Object> event(JsonPath json, String id) {
        Map<String, Object> e = json.getMap("events.find { it.unique_id == '" + id + "' }");
        assertThat(e).as("event %s", id).isNotNull();
        return e;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> e, String key) {
        return (Map<String, Object>) e.get(key);
    }

    @Test
    void shouldServeOneSlidePerPublishedEventInDateOrderWithATitle() {
        JsonPath json = export(FIXTURE);
        assertThat(json.getString("title.text.headline")).isEqualTo("Precision fixture");
        assertThat(json.getString("title.text.text")).contains("A timeline used by the tests")
                .contains("/timelines/precision-fixture\"");
        List<String> ids = json.getList("events.unique_id", String.class);
        assertThat(ids).isEqualTo(FeedFixtures.publishedIds(FIXTURE))
                .contains("year-only", "month-only", "day-span", "month-span", "hostile-text")
                .doesNotContain("draft-event");
        assertThat(json.getList("events")).hasSize(ids.size());
    }

    @Test
    void shouldWriteDatesAtTheirPrecision() {
        JsonPath json = export(FIXTURE);
        Map<String, Object> year = event(json, "year-only");
        assertThat(map(year, "start_date")).containsExactlyEntriesOf(Map.of("year", 2022));
        assertThat(year).doesNotContainKey("end_date");
        assertThat(year.get("display_date")).isEqualTo("2022");

        Map<String, Object> month = event(json, "month-only");
        assertThat(map(month, "start_date")).containsOnlyKeys("year", "month")
                .containsEntry("year", 2024).containsEntry("month", 9);
        assertThat(month.get("display_date")).isEqualTo("September 2024");
        assertThat(month.get("group")).isEqualTo("Tariff or trade measure");

        Map<String, Object> span = event(json, "day-span");
        assertThat(map(span, "start_date")).isEqualTo(Map.of("year", 2024, "month", 8, "day", 31));
        assertThat(map(span, "end_date")).isEqualTo(Map.of("year", 2024, "month", 9, "day", 18));
        assertThat(span.get("display_date")).isEqualTo("Aug. 31 \u2013 Sept. 18, 2024");
        assertThat(span.get("group")).isEqualTo("Regulatory review");

        Map<String, Object> monthSpan = event(json, "month-span");
        assertThat(map(monthSpan, "start_date")).isEqualTo(Map.of("year", 2024, "month", 11));
        assertThat(map(monthSpan, "end_date")).isEqualTo(Map.of("year", 2025, "month", 2));
    }

    @Test
    void shouldEscapeEditorsTextBecauseTimelineJsInsertsItAsHtml() {
        Map<String, Object> e = event(export(FIXTURE), "hostile-text");
        Map<String, Object> text = map(e, "text");
        assertThat(text.get("headline")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
        assertThat((String) text.get("text"))
                .doesNotContain("<script", "<b>", "<i>", "<tags>")
                .contains("&lt;script&gt;alert(2)&lt;/script&gt;")
                .contains("<p>Sources: <a href=\"https://example.org/hostile?a=1&amp;b=2\" rel=\"noopener\">Title with &lt;tags&gt;</a>"
                        + " (&lt;i&gt;Publisher&lt;/i&gt;)</p>");
        assertThat(e.get("group")).isEqualTo("Litigation");
    }

    @Test
    void shouldExportTheSeededTimeline() {
        JsonPath json = export(SEEDED);
        assertThat(json.getString("title.text.headline")).isEqualTo("Nippon Steel's bid for U.S. Steel");
        assertThat(json.getList("events.unique_id", String.class)).isEqualTo(FeedFixtures.publishedIds(SEEDED));

        Map<String, Object> blocked = event(json, "biden-blocks-acquisition");
        assertThat(map(blocked, "start_date")).isEqualTo(Map.of("year", 2025, "month", 1, "day", 3));
        assertThat(blocked).doesNotContainKey("end_date");
        assertThat(blocked.get("display_date")).isEqualTo("Jan. 3, 2025");
        assertThat(blocked.get("group")).isEqualTo("Executive action");
        assertThat((String) map(blocked, "text").get("text")).contains("<p>Sources: <cite>Order of January 3, 2025")
                .contains("<a href=\"https://www.michiganpublic.org/2025-01-03/");

        Map<String, Object> review = event(json, "cfius-review-period");
        assertThat(map(review, "start_date")).isEqualTo(Map.of("year", 2024, "month", 3, "day", 14));
        assertThat(map(review, "end_date")).isEqualTo(Map.of("year", 2024, "month", 12, "day", 23));
    }

    @Test
    void shouldAnswer404ForAnUnknownOrDraftTimeline() {
        given().get("/api/timelines/no-such-timeline/timelinejs").then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/api/timelines/" + FeedFixtures.DRAFT_TIMELINE + "/timelinejs").then().statusCode(404);
    }

    @Test
    void shouldLeaveTheNeighbouringRoutesAnswering() {
        given().get("/api/timelines").then().statusCode(200).contentType("application/json");
        given().get("/api/timelines/" + SEEDED).then().statusCode(200).body("slug", equalTo(SEEDED));
        given().get("/api/timelines/" + SEEDED + "/events").then().statusCode(200).body("page", equalTo(1));
        given().get("/api/timelines/" + SEEDED + "/events/biden-blocks-acquisition").then().statusCode(200)
                .body("id", equalTo("biden-blocks-acquisition"));
        given().get("/timelines/" + SEEDED).then().statusCode(200).contentType(containsString("text/html"));
        given().get("/timelines/" + SEEDED + "/events/biden-blocks-acquisition").then().statusCode(200);
        given().get("/timelines/" + SEEDED + ".yaml").then().statusCode(200);
        given().get("/").then().statusCode(200);
    }
}
