package org.tradeline.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's weight bound: the seeded timeline page, overview included, with every stylesheet it
 * links, is under 20 KB as a browser asking for gzip receives it; and the page loads no web font.
 */
@QuarkusTest
class PageWeightTest {

    static final String PAGE = "/timelines/nippon-steel-us-steel";
    static final int BUDGET = 20 * 1024;

    /** The bytes on the wire for {@code path} when the client accepts gzip (not decoded here). */
    static Response wire(String path) {
        return given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").get(path).then().statusCode(200).extract().response();
    }

    @Test
    void theSeededPageWithItsCssIsUnder20KbGzippedAndUsesNoWebFont() {
        Response page = wire(PAGE);
        assertThat(page.header("Content-Encoding")).isEqualTo("gzip");
        long total = page.asByteArray().length;
        Document doc = Jsoup.parse(given().get(PAGE).then().statusCode(200).extract().asString());
        assertThat(doc.select("svg.ov")).as("the page carries its overview").hasSize(1);
        StringBuilder sizes = new StringBuilder(PAGE + " " + total + " B");
        int sheets = 0;
        for (Element link : doc.select("link[rel=stylesheet]")) {
            Response css = wire(link.attr("href"));
            total += css.asByteArray().length;
            sheets++;
            sizes.append(", ").append(link.attr("href")).append(' ').append(css.asByteArray().length).append(" B");
            assertThat(given().get(link.attr("href")).asString()).as("no @font-face in " + link.attr("href"))
                    .doesNotContain("@font-face");
        }
        System.out.println("Seeded page weight, gzipped: " + sizes + ", in all " + total + " B");
        assertThat(sheets).isPositive();
        assertThat(doc.select("link[as=font], link[href$=.woff2], link[href$=.woff], link[href$=.ttf]")).isEmpty();
        assertThat(total).as("gzipped bytes of the page and its CSS: " + sizes).isLessThan(BUDGET);
    }
}
