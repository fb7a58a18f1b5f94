package org.tradeline.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A news site of another origin embeds Tradeline: the iframe sizes itself (with Tradeline's
 * loader and with pym.js), and Knight Lab's own TimelineJS renders the TimelineJS export.
 */
@QuarkusTest
class EmbedBrowserTest {

    @TestHTTPResource("/")
    URL base;

    private WebDriver driver;
    private HostSite host;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
        if (host != null) {
            host.close();
        }
    }

    private String tradeline() {
        return base.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost");
    }

    private static int heightOf(WebDriver driver, WebElement iframe) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(
                "return arguments[0].getBoundingClientRect().height;", iframe)).intValue();
    }

    @Test
    void shouldSizeTheIframeInAnotherSitesArticle() throws Exception {
        driver = TestTools.chromium(1000, 800);
        host = new HostSite();
        String snippet = given().queryParam("url", tradeline() + "/timelines/nippon-steel-us-steel/events/biden-blocks-acquisition")
                .queryParam("format", "json").get("/oembed").then().statusCode(200).extract().path("html");
        String article = host.page("/article.html", """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host article</title></head>
                <body><h1>A news article</h1><p>Before the embed.</p>
                <iframe data-tradeline-embed id="tl" src="%s/embed/timelines/nippon-steel-us-steel?childId=tl"
                  title="Timeline" style="width:100%%;border:0" height="150"></iframe>
                %s
                <p id="after">After the embed.</p>
                <script src="%s/embed.js" async></script></body></html>
                """.formatted(tradeline(), snippet, tradeline()));
        driver.get(article);
        WebElement timeline = driver.findElement(By.id("tl"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> heightOf(d, timeline) > 2000);
        // The iframe is as tall as its content: no inner scroll bar.
        driver.switchTo().frame(timeline);
        int content = ((Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.ceil(document.documentElement.getBoundingClientRect().height);")).intValue();
        driver.switchTo().defaultContent();
        assertThat(Math.abs(heightOf(driver, timeline) - content)).isLessThanOrEqualTo(2);

        // The single-event embed from the oEmbed snippet sized itself too.
        WebElement event = driver.findElement(By.cssSelector("iframe[id^='tradeline-nippon-steel-us-steel-biden']"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> heightOf(d, event) != 420 && heightOf(d, event) > 100);

        // Links in the embed open in the top window.
        driver.switchTo().frame(timeline);
        assertThat(driver.findElement(By.tagName("base")).getAttribute("target")).isEqualTo("_top");
        driver.findElement(By.cssSelector("ol.timeline h2 a")).click();
        driver.switchTo().defaultContent();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/timelines/nippon-steel-us-steel/events/"));
    }

    @Test
    void shouldWorkWithPymJs() throws Exception {
        TestTools.require(TestTools.NODE_MODULES.resolve("pym.js/dist/pym.v1.min.js"), "pym.js");
        driver = TestTools.chromium(1000, 800);
        host = new HostSite();
        String article = host.page("/pym.html", """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pym host</title></head>
                <body><div id="graphic"></div>
                <script src="/node_modules/pym.js/dist/pym.v1.min.js"></script>
                <script>new pym.Parent('graphic', '%s/embed/timelines/nippon-steel-us-steel?key=true', {});</script>
                </body></html>
                """.formatted(tradeline()));
        driver.get(article);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            var frames = d.findElements(By.cssSelector("#graphic iframe"));
            return !frames.isEmpty() && heightOf(d, frames.get(0)) > 1000;
        });
    }

    @Test
    void shouldRenderTheExportWithKnightLabsTimelineJs() throws Exception {
        TestTools.require(TestTools.NODE_MODULES.resolve("@knight-lab/timelinejs/dist/js/timeline.js"), "TimelineJS");
        int events = given().get("/api/timelines/nippon-steel-us-steel").then().statusCode(200).extract().path("eventCount");
        driver = TestTools.chromium(1200, 900);
        host = new HostSite();
        String page = host.page("/timelinejs.html", """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS host</title>
                <link rel="stylesheet" href="/node_modules/@knight-lab/timelinejs/dist/css/timeline.css"></head>
                <!-- font: no web fonts, since this machine has no Internet; script_path: TimelineJS files from npm --><body><div id="timeline-embed" style="width:100%%;height:600px"></div>
                <script src="/node_modules/@knight-lab/timelinejs/dist/js/timeline.js"></script>
                <script>window.timeline = new TL.Timeline('timeline-embed', '%s/api/timelines/nippon-steel-us-steel/timelinejs',
                  { script_path: location.origin + '/node_modules/@knight-lab/timelinejs/dist/js/', font: '' });</script>
                </body></html>
                """.formatted(tradeline()));
        driver.get(page);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(".tl-slide")).size() >= events + 1);
        Thread.sleep(500);
        assertThat(driver.findElements(By.cssSelector(".tl-slide"))).hasSize(events + 1);
        assertThat(driver.findElement(By.cssSelector(".tl-slide-titleslide")).getText()).contains("Nippon Steel");
        assertThat(driver.findElements(By.cssSelector(".tl-timemarker"))).hasSize(events);
        assertThat(TestTools.consoleErrors(driver)).as("console errors").isEmpty();
    }
}
