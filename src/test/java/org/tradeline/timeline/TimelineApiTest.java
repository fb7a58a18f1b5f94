package org.tradeline.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TimelineApiTest {

    static final String SEEDED = "/api/timelines/nippon-steel-us-steel";
    static final String FIXTURE = "/api/timelines/precision-fixture";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldListPublishedTimelines() {
        given().get("/api/timelines").then()
                .statusCode(200)
                .contentType("application/json")
                .body("timelines.slug", hasItems("nippon-steel-us-steel", "precision-fixture"))
                .body("timelines.slug", not(hasItem("draft-fixture")))
                .body("timelines.find { it.slug == 'nippon-steel-us-steel' }.title", equalTo("Nippon Steel's bid for U.S. Steel"))
                .body("timelines.find { it.slug == 'nippon-steel-us-steel' }.eventCount", greaterThanOrEqualTo(20))
                .body("timelines.find { it.slug == 'nippon-steel-us-steel' }.updatedAt", notNullValue())
                .body("timelines.find { it.slug == 'nippon-steel-us-steel' }.summary", notNullValue())
                .body("timelines.find { it.slug == 'nippon-steel-us-steel' }.links.html", endsWith("/timelines/nippon-steel-us-steel"))
                .body("timelines.find { it.slug == 'nippon-steel-us-steel' }.links.self", endsWith(SEEDED));
    }

    @Test
    void shouldReturnATimelineWithActorsAndPublishedEventsInDateOrder() {
        JsonPath json = given().get(SEEDED).then()
                .statusCode(200).contentType("application/json")
                .body("slug", equalTo("nippon-steel-us-steel"))
                .body("actors.find { it.id == 'nippon-steel' }.name", equalTo("Nippon Steel"))
                .body("actors.id", hasItems("us-steel", "cfius", "joe-biden", "donald-trump", "usw", "cleveland-cliffs"))
                .extract().jsonPath();
        List<String> dates = json.getList("events.date");
        assertThat(dates).hasSizeGreaterThanOrEqualTo(20).isSorted();
        assertThat(json.getInt("eventCount")).isEqualTo(dates.size());
        assertThat(json.getList("events.category", String.class))
                .contains("regulatory-review", "executive-action", "litigation", "political-statement");
    }

    @Test
    void shouldGiveEveryEventTheDocumentedFields() {
        Map<String, Object> e = given().get(SEEDED + "/events/biden-blocks-acquisition").then()
                .statusCode(200).contentType("application/json")
                .body("id", equalTo("biden-blocks-acquisition"))
                .body("date", equalTo("2025-01-03"))
                .body("precision", equalTo("day"))
                .body("displayDate", equalTo("Jan. 3, 2025"))
                .body("endDate", nullValue())
                .body("category", equalTo("executive-action"))
                .body("importance", equalTo("major"))
                .body("actors.id", hasItem("joe-biden"))
                .body("sources[0].publisher", notNullValue())
                .body("sources.url", hasItem("https://www.michiganpublic.org/2025-01-03/biden-blocks-u-s-steels-sale-to-nippon-citing-national-security-concerns"))
                .body("url", endsWith("/timelines/nippon-steel-us-steel/events/biden-blocks-acquisition"))
                .extract().jsonPath().getMap("$");
        assertThat(e).containsKeys("headline", "body", "bodyHtml", "updatedAt");
    }

    @Test
    void shouldGiveSpansAndPrecision() {
        given().get(FIXTURE + "/events/day-span").then().statusCode(200)
                .body("date", equalTo("2024-08-31"))
                .body("endDate", equalTo("2024-09-18"))
                .body("displayDate", equalTo("Aug. 31 \u2013 Sept. 18, 2024"));
        given().get(FIXTURE + "/events/month-only").then().statusCode(200)
                .body("date", equalTo("2024-09-01"))
                .body("precision", equalTo("month"))
                .body("displayDate", equalTo("September 2024"));
        given().get(FIXTURE + "/events/year-only").then().statusCode(200)
                .body("precision", equalTo("year"))
                .body("displayDate", equalTo("2022"));
    }

    @Test
    void shouldEscapeHtmlInBodyHtml() {
        given().get(FIXTURE + "/events/hostile-text").then().statusCode(200)
                .body("headline", equalTo("<script>alert(1)</script> & \"quotes\""))
                .body("bodyHtml", not(org.hamcrest.Matchers.containsString("<script>")))
                .body("bodyHtml", org.hamcrest.Matchers.containsString("&lt;script&gt;"));
    }

    @Test
    void shouldNeverShowDrafts() {
        given().get(FIXTURE).then().statusCode(200).body("events.id", not(hasItem("draft-event")));
        given().get(FIXTURE + "/events/draft-event").then().statusCode(404);
        given().get("/api/timelines/draft-fixture").then().statusCode(404);
    }

    @Nested
    class EventsEndpoint {

        @Test
        void shouldPageThroughEveryEvent() {
            int total = given().get(SEEDED + "/events").then().statusCode(200).extract().path("total");
            List<String> seen = new ArrayList<>();
            int pages = given().get(SEEDED + "/events?size=5").then().statusCode(200)
                    .body("page", equalTo(1)).body("size", equalTo(5))
                    .body("links.next", endsWith("size=5&page=2"))
                    .body("links.prev", nullValue())
                    .extract().path("totalPages");
            assertThat(pages).isEqualTo((total + 4) / 5);
            for (int p = 1; p <= pages; p++) {
                seen.addAll(given().get(SEEDED + "/events?size=5&page=" + p).then().statusCode(200)
                        .extract().jsonPath().getList("events.id", String.class));
            }
            assertThat(seen).hasSize(total).doesNotHaveDuplicates();
            given().get(SEEDED + "/events?size=5&page=" + pages).then().body("links.next", nullValue());
        }

        @Test
        void shouldApplyTheSameFiltersAsThePage() {
            given().get(SEEDED + "/events?category=litigation").then().statusCode(200)
                    .body("events.category", everyItem(equalTo("litigation")))
                    .body("total", greaterThanOrEqualTo(2))
                    .body("filters.category", equalTo("litigation"));
            given().get(SEEDED + "/events?actor=donald-trump&from=2025-01-01&category=executive-action").then()
                    .statusCode(200)
                    .body("events.id", hasItems("trump-orders-new-cfius-review", "trump-approves-deal-golden-share"))
                    .body("events.id", not(hasItem("biden-blocks-acquisition")));
            given().get(SEEDED + "/events?q=golden share").then().statusCode(200)
                    .body("events.id", hasItem("trump-approves-deal-golden-share"));
            given().get(SEEDED + "/events?category=legislation").then().statusCode(200)
                    .body("total", equalTo(0)).body("events", org.hamcrest.Matchers.empty());
            given().get(SEEDED + "/events?category=litigation&category=deal").then().statusCode(200)
                    .body("events.category", everyItem(org.hamcrest.Matchers.oneOf("litigation", "deal")));
        }

        @Test
        void shouldKeepFiltersInPagingLinks() {
            given().get(SEEDED + "/events?category=regulatory-review&size=2").then().statusCode(200)
                    .body("links.next", org.hamcrest.Matchers.containsString("category=regulatory-review&size=2&page=2"));
        }
    }

    @Nested
    class Errors {

        @Test
        void shouldAnswerProblemJsonNamingTheBadParameter() {
            assertProblem("?from=31/01/2024", "from");
            assertProblem("?category=war", "category");
            assertProblem("?actor=nobody", "actor");
            assertProblem("?size=0", "size");
            assertProblem("?size=100000", "size");
            assertProblem("?page=abc", "page");
            assertProblem("?page=1000", "page");
        }

        private void assertProblem(String query, String parameter) {
            given().get(SEEDED + "/events" + query).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("title", equalTo("Bad request"))
                    .body("parameter", equalTo(parameter))
                    .body("detail", notNullValue());
        }

        @Test
        void shouldAnswer404AsProblemJson() {
            given().get("/api/timelines/unknown").then().statusCode(404)
                    .contentType("application/problem+json").body("status", equalTo(404));
            given().get(SEEDED + "/events/unknown").then().statusCode(404)
                    .contentType("application/problem+json");
            given().get("/api/unknown-route").then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }
}
