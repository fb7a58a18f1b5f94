package org.tradeline.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TimelinePagesTest {

    static final String SEEDED = "/timelines/nippon-steel-us-steel";
    static final String FIXTURE = "/timelines/precision-fixture";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static Document page(String path) {
        String html = given().when().get(path).then()
                .statusCode(200)
                .contentType("text/html")
                .extract().asString();
        return Jsoup.parse(html);
    }

    static List<String> headlines(Document doc) {
        return doc.select("ol.timeline > li > article h2").eachText();
    }

    @Test
    void shouldListPublishedTimelinesOnTheIndex() {
        Document doc = page("/");
        assertThat(doc.select("h1").text()).isEqualTo("Timelines");
        assertThat(doc.select(".timeline-cards h2 a").eachAttr("href"))
                .contains(SEEDED, FIXTURE)
                .doesNotContain("/timelines/draft-fixture", "/timelines/broken-fixture");
    }

    @Test
    void shouldTellTheWholeSeededStoryInDateOrder() {
        Document doc = page(SEEDED);
        assertThat(doc.select("html").attr("lang")).isEqualTo("en");
        assertThat(doc.select("h1").text()).isEqualTo("Nippon Steel's bid for U.S. Steel");
        List<String> dates = doc.select("ol.timeline > li article .when time:first-of-type").eachAttr("datetime");
        assertThat(dates).hasSizeGreaterThanOrEqualTo(20).isSorted();
        assertThat(dates).contains("2023-12-18", "2024-03-14", "2024-12-23", "2025-01-03", "2025-01-06", "2025-06-18");
        assertThat(doc.select("ol.timeline > li > article")).hasSize(dates.size());
    }

    @Test
    void shouldShowEachEventWithDateHeadlineCategoryActorsAndLinkedSources() {
        Document doc = page(SEEDED);
        Element block = doc.getElementById("biden-blocks-acquisition");
        assertThat(block).as("the Biden block event").isNotNull();
        assertThat(block.select(".when").text()).isEqualTo("Jan. 3, 2025");
        assertThat(block.select(".when time").attr("datetime")).isEqualTo("2025-01-03");
        assertThat(block.select("h2 a").attr("href")).isEqualTo(SEEDED + "/events/biden-blocks-acquisition");
        assertThat(block.select(".category").text()).isEqualTo("Executive action");
        assertThat(block.select(".actors a").eachText()).contains("Joe Biden");
        assertThat(block.select(".sources a").eachAttr("href"))
                .contains("https://www.michiganpublic.org/2025-01-03/biden-blocks-u-s-steels-sale-to-nippon-citing-national-security-concerns");
        for (Element article : doc.select("ol.timeline > li > article")) {
            assertThat(article.select(".sources li")).as("sources of %s", article.id()).isNotEmpty();
        }
    }

    @Test
    void shouldShowDatesAtTheirPrecision() {
        Document doc = page(FIXTURE);
        assertThat(doc.getElementById("year-only").select(".when").text()).isEqualTo("2022");
        assertThat(doc.getElementById("year-only").select(".when time").attr("datetime")).isEqualTo("2022");
        assertThat(doc.getElementById("month-only").select(".when").text()).isEqualTo("September 2024");
        assertThat(doc.getElementById("month-only").select(".when time").attr("datetime")).isEqualTo("2024-09");
        assertThat(doc.getElementById("day-span").select(".when").text()).isEqualTo("Aug. 31 \u2013 Sept. 18, 2024");
        assertThat(doc.getElementById("day-span").select(".when time").eachAttr("datetime"))
                .containsExactly("2024-08-31", "2024-09-18");
        assertThat(doc.getElementById("same-month-span").select(".when").text()).isEqualTo("Oct. 2\u201318, 2024");
        assertThat(doc.getElementById("month-span").select(".when").text()).isEqualTo("November 2024 \u2013 February 2025");
    }

    @Test
    void shouldKeepDraftsAwayFromReaders() {
        Document doc = page(FIXTURE);
        assertThat(doc.text()).doesNotContain("A draft nobody may see");
        given().get(FIXTURE + "/events/draft-event").then().statusCode(404);
        given().get("/timelines/draft-fixture").then().statusCode(404);
    }

    @Test
    void shouldShowEditorsTextAsText() {
        String html = given().get(FIXTURE).then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>HTML</b>").doesNotContain("<i>Publisher</i>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Element hostile = Jsoup.parse(html).getElementById("hostile-text");
        assertThat(hostile.select("h2").text()).isEqualTo("<script>alert(1)</script> & \"quotes\"");
        assertThat(hostile.select(".sources a").attr("href")).isEqualTo("https://example.org/hostile?a=1&b=2");
    }

    @Nested
    class Filters {

        @Test
        void shouldFilterByCategory() {
            Document doc = page(SEEDED + "?category=litigation");
            assertThat(doc.select("ol.timeline > li")).isNotEmpty()
                    .allSatisfy(li -> assertThat(li.select(".category").text()).isEqualTo("Litigation"));
            assertThat(doc.select("#f-category option[selected]").attr("value")).isEqualTo("litigation");
            assertThat(doc.select(".result-count").text()).contains("match these filters");
        }

        @Test
        void shouldFilterByActor() {
            Document doc = page(SEEDED + "?actor=donald-trump");
            assertThat(doc.select("ol.timeline > li")).isNotEmpty()
                    .allSatisfy(li -> assertThat(li.select(".actors").text()).contains("Donald Trump"));
            assertThat(doc.select("#f-actor option[selected]").attr("value")).isEqualTo("donald-trump");
        }

        @Test
        void shouldFilterByDateRangeIncludingSpansThatOverlapIt() {
            Document doc = page(SEEDED + "?from=2025-01-01&to=2025-01-31");
            assertThat(doc.select("ol.timeline > li article .when time:first-of-type").eachAttr("datetime"))
                    .isNotEmpty().allSatisfy(d -> assertThat(d).startsWith("2025-01"));
            // A month-precision event covers its whole month; a span counts while it runs.
            assertThat(headlines(page(FIXTURE + "?from=2024-09-20&to=2024-09-25")))
                    .containsExactly("A September event");
            assertThat(headlines(page(FIXTURE + "?from=2024-09-10&to=2024-09-10")))
                    .containsExactlyInAnyOrder("A span across two months", "A September event");
            assertThat(headlines(page(FIXTURE + "?from=2025-01-15&to=2025-01-15")))
                    .containsExactly("A span of months across a new year");
        }

        @Test
        void shouldFilterByTextIgnoringCase() {
            assertThat(headlines(page(SEEDED + "?q=GOLDEN share"))).isNotEmpty();
            assertThat(headlines(page(FIXTURE + "?q=september event"))).containsExactly("A September event");
            // Actor names and source titles are searched too.
            assertThat(headlines(page(FIXTURE + "?q=beta agency"))).contains("Something happened in 2022");
        }

        @Test
        void shouldCombineFilters() {
            Document doc = page(SEEDED + "?category=executive-action&actor=donald-trump&from=2025-01-01");
            assertThat(doc.select("ol.timeline > li")).isNotEmpty().allSatisfy(li -> {
                assertThat(li.select(".category").text()).isEqualTo("Executive action");
                assertThat(li.select(".actors").text()).contains("Donald Trump");
            });
            assertThat(headlines(doc)).noneMatch(h -> h.contains("Biden prohibits"));
        }

        @Test
        void shouldSaySoWhenNothingMatches() {
            Document doc = page(SEEDED + "?category=legislation");
            assertThat(doc.select("ol.timeline")).isEmpty();
            assertThat(doc.select(".empty").text()).contains("No events match these filters");
            assertThat(doc.select(".empty a").attr("href")).isEqualTo(SEEDED);
        }

        @Test
        void shouldOfferFilterLinksOnEachEvent() {
            Document doc = page(SEEDED);
            Element link = doc.select("ol.timeline .category").first();
            assertThat(link.attr("href")).startsWith(SEEDED + "?category=");
            assertThat(doc.select("ol.timeline .actors a").first().attr("href")).startsWith(SEEDED + "?actor=");
        }

        @Test
        void shouldOfferALabelledGetForm() {
            Document doc = page(SEEDED);
            Element form = doc.selectFirst("form.filters");
            assertThat(form.attr("method")).isEqualTo("get");
            assertThat(form.attr("action")).isEqualTo(SEEDED);
            for (Element input : form.select("input, select")) {
                assertThat(doc.select("label[for=" + input.id() + "]")).as("label of %s", input.attr("name")).hasSize(1);
            }
            // An empty form submission (every field blank) shows everything.
            assertThat(headlines(page(SEEDED + "?category=&actor=&from=&to=&q="))).hasSize(headlines(doc).size());
        }
    }

    @Nested
    class BadRequests {

        @Test
        void shouldAnswer400NamingTheParameter() {
            assertBadParameter("?from=2024-13-01", "from");
            assertBadParameter("?to=yesterday", "to");
            assertBadParameter("?category=nonsense", "category");
            assertBadParameter("?actor=nobody-at-all", "actor");
            assertBadParameter("?from=2025-01-01&to=2024-01-01", "to");
            assertBadParameter("?page=0", "page");
            assertBadParameter("?page=99", "page");
            assertBadParameter("?q=" + "x".repeat(201), "q");
        }

        private void assertBadParameter(String query, String parameter) {
            String html = given().get(SEEDED + query).then()
                    .statusCode(400)
                    .contentType("text/html")
                    .extract().asString();
            Document doc = Jsoup.parse(html);
            assertThat(doc.select("h1").text()).isEqualTo("Bad request");
            assertThat(doc.select("main code").text()).as(query).isEqualTo(parameter);
            assertThat(html).doesNotContain("Exception").doesNotContain("at org.");
        }

        @Test
        void shouldAnswer404ForUnknownTimelinesAndEvents() {
            given().get("/timelines/no-such-timeline").then().statusCode(404).contentType("text/html")
                    .body(containsString("Page not found"), containsString("no-such-timeline"));
            given().get(SEEDED + "/events/no-such-event").then().statusCode(404).contentType("text/html")
                    .body(containsString("no-such-event"));
            given().get("/no/such/page").then().statusCode(404).contentType("text/html")
                    .body(containsString("Page not found"), not(containsString("Exception")));
        }
    }

    @Nested
    class Permalinks {

        @Test
        void shouldShowOneEventWithItsSources() {
            Document doc = page(SEEDED + "/events/biden-blocks-acquisition");
            assertThat(doc.select("h1").text()).isNotBlank();
            assertThat(doc.select(".when").text()).isEqualTo("Jan. 3, 2025");
            assertThat(doc.select(".sources h2").text()).startsWith("Source");
            assertThat(doc.select(".sources li")).isNotEmpty();
            assertThat(doc.select(".crumbs a").eachAttr("href")).containsExactly("/", SEEDED);
            assertThat(doc.select(".neighbours a[rel=prev]").attr("href")).startsWith(SEEDED + "/events/");
            assertThat(doc.select(".neighbours a[rel=next]").attr("href")).startsWith(SEEDED + "/events/");
        }

        @Test
        void shouldLinkEveryEventOfTheTimelineToAWorkingPermalink() {
            Document doc = page(SEEDED);
            for (String href : doc.select("ol.timeline h2 a").eachAttr("href")) {
                given().get(href).then().statusCode(200).contentType("text/html");
            }
        }
    }
}
