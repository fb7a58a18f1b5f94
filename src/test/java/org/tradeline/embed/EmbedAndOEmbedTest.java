package org.tradeline.embed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EmbedAndOEmbedTest {

    @TestHTTPResource("/")
    URL base;

    String site() {
        return base.toString().replaceAll("/$", "");
    }

    @Test
    void shouldEmbedTheTimelineWithoutChromeAndFramableByAnySite() {
        String html = given().get("/embed/timelines/nippon-steel-us-steel").then().statusCode(200)
                .contentType("text/html")
                .header("Content-Security-Policy", containsString("frame-ancestors *"))
                .header("X-Frame-Options", nullValue())
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .extract().asString();
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("header.site-header, footer.site-footer, form.filters")).isEmpty();
        assertThat(doc.select("base").attr("target")).isEqualTo("_top");
        assertThat(doc.select("script[src]").eachAttr("src")).containsExactly("/static/embed-child.js");
        assertThat(doc.select("ol.timeline > li")).isNotEmpty();
        // Every other page refuses framing.
        given().get("/timelines/nippon-steel-us-steel").then().header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void shouldApplyFiltersAndKeyEventsOnlyInTheEmbed() {
        Document all = Jsoup.parse(given().get("/embed/timelines/nippon-steel-us-steel").then().extract().asString());
        Document key = Jsoup.parse(given().get("/embed/timelines/nippon-steel-us-steel?key=true").then().statusCode(200).extract().asString());
        assertThat(key.select("ol.timeline > li")).isNotEmpty().hasSizeLessThan(all.select("ol.timeline > li").size())
                .allSatisfy(li -> assertThat(li.className()).contains("imp-major"));
        Document lit = Jsoup.parse(given().get("/embed/timelines/nippon-steel-us-steel?category=litigation").then().extract().asString());
        assertThat(lit.select(".category").eachText()).isNotEmpty().allMatch("Litigation"::equals);
        given().get("/embed/timelines/nippon-steel-us-steel?key=maybe").then().statusCode(400);
        given().get("/embed/timelines/unknown").then().statusCode(404);
    }

    @Test
    void shouldEmbedASingleEvent() {
        Document doc = Jsoup.parse(given().get("/embed/timelines/nippon-steel-us-steel/events/biden-blocks-acquisition")
                .then().statusCode(200).header("Content-Security-Policy", containsString("frame-ancestors *")).extract().asString());
        assertThat(doc.select("h1").text()).isNotBlank();
        assertThat(doc.select(".when").text()).isEqualTo("Jan. 3, 2025");
        given().get("/embed/timelines/nippon-steel-us-steel/events/nope").then().statusCode(404);
    }

    @Test
    void shouldAnswerOEmbedForTimelineAndEventPages() {
        given().queryParam("url", site() + "/timelines/nippon-steel-us-steel").queryParam("format", "json").get("/oembed").then()
                .statusCode(200).contentType("application/json")
                .header("Access-Control-Allow-Origin", "*")
                .body("version", equalTo("1.0")).body("type", equalTo("rich"))
                .body("title", equalTo("Nippon Steel's bid for U.S. Steel"))
                .body("provider_name", equalTo("Tradeline")).body("provider_url", equalTo(site()))
                .body("cache_age", equalTo(3600))
                .body("width", equalTo(640)).body("height", equalTo(900))
                .body("html", containsString("<iframe data-tradeline-embed"))
                .body("html", containsString(site() + "/embed/timelines/nippon-steel-us-steel?childId="))
                .body("html", containsString(site() + "/embed.js"));
        given().queryParam("url", site() + "/timelines/nippon-steel-us-steel/events/biden-blocks-acquisition")
                .queryParam("maxwidth", "400").queryParam("maxheight", "300").get("/oembed").then()
                .statusCode(200).body("width", equalTo(400)).body("height", equalTo(300))
                .body("html", containsString("/embed/timelines/nippon-steel-us-steel/events/biden-blocks-acquisition"));
    }

    @Test
    void shouldRefuseWhatOEmbedCannotServe() {
        given().queryParam("url", site() + "/timelines/nippon-steel-us-steel").queryParam("format", "xml").get("/oembed")
                .then().statusCode(501);
        given().queryParam("url", "https://elsewhere.example/timelines/nippon-steel-us-steel").get("/oembed")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("url", site() + "/timelines/unknown").get("/oembed").then().statusCode(404);
        given().queryParam("url", site() + "/editor").get("/oembed").then().statusCode(404);
        given().get("/oembed").then().statusCode(400).body("parameter", equalTo("url"));
        given().queryParam("url", site() + "/timelines/nippon-steel-us-steel").queryParam("maxwidth", "wide").get("/oembed")
                .then().statusCode(400).body("parameter", equalTo("maxwidth"));
    }

    @Test
    void shouldAdvertiseOEmbedFeedsAndStructuredDataInThePageHead() throws Exception {
        Document doc = Jsoup.parse(given().get("/timelines/nippon-steel-us-steel").then().extract().asString());
        String oembed = doc.select("head link[rel=alternate][type=application/json+oembed]").attr("href");
        assertThat(oembed).startsWith(site() + "/oembed?url=");
        given().urlEncodingEnabled(false).get(oembed.substring(site().length())).then().statusCode(200).body("type", equalTo("rich"));
        assertThat(doc.select("head link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo(site() + "/timelines/nippon-steel-us-steel/feed.atom");
        assertThat(doc.select("meta[property=og:title]").attr("content")).isEqualTo("Nippon Steel's bid for U.S. Steel");
        assertThat(doc.select("meta[property=og:url]").attr("content")).isEqualTo(site() + "/timelines/nippon-steel-us-steel");
        assertThat(doc.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");

        JsonNode ld = new ObjectMapper().readTree(doc.select("script[type=application/ld+json]").html());
        assertThat(ld.path("@context").asText()).isEqualTo("https://schema.org");
        assertThat(ld.path("mainEntity").path("@type").asText()).isEqualTo("ItemList");
        int count = given().get("/api/timelines/nippon-steel-us-steel").then().extract().path("eventCount");
        assertThat(ld.path("mainEntity").path("itemListElement")).hasSize(count);
        JsonNode first = ld.path("mainEntity").path("itemListElement").get(0).path("item");
        assertThat(first.path("@type").asText()).isEqualTo("Event");
        assertThat(first.path("startDate").asText()).isEqualTo("2023-08-13");

        Document event = Jsoup.parse(given().get("/timelines/nippon-steel-us-steel/events/cfius-review-period").then().extract().asString());
        JsonNode eld = new ObjectMapper().readTree(event.select("script[type=application/ld+json]").html());
        assertThat(eld.path("mainEntity").path("endDate").asText()).isEqualTo("2024-12-23");
        assertThat(event.select("meta[property=og:type]").attr("content")).isEqualTo("article");
    }

    @Test
    void shouldKeepEditorsTextInertInStructuredData() throws Exception {
        String html = given().get("/timelines/precision-fixture").then().extract().asString();
        String ld = Jsoup.parse(html).select("script[type=application/ld+json]").html();
        assertThat(ld).doesNotContain("<script>").doesNotContain("</script");
        assertThat(new ObjectMapper().readTree(ld).toString()).contains("<script>alert(1)</script>");
    }

    @Test
    void shouldServeTheLoaderScript() {
        given().get("/embed.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("pymxPYMx"));
        given().get("/static/embed-child.js").then().statusCode(200).body(containsString("postMessage"));
    }
}
