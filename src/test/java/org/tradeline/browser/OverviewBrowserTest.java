package org.tradeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * The timeline page in Chromium at a phone's 390 x 844 and a laptop's 1280 x 800, screenshots kept
 * under target/screenshots: the first screen of the phone shows the title, the overview and the
 * first event's headline; the overview draws every event once (a mark or in a bin) and each mark
 * lands on its event; labels do not overlap as drawn; a filter fades the rest.
 */
@QuarkusTest
class OverviewBrowserTest extends BrowserTest {

    static final String PAGE = "/timelines/nippon-steel-us-steel";

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target/screenshots"));
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Whether the element takes room on the page (Selenium's isDisplayed counts any content of a closed details as hidden). */
    private boolean visible(WebElement e) {
        return (Boolean) js("return arguments[0].checkVisibility({contentVisibilityAuto: true, visibilityProperty: true});", e);
    }

    /** Bottom edge of an element, in CSS px from the top of the page as first shown. */
    private double bottom(WebElement e) {
        return ((Number) js("return arguments[0].getBoundingClientRect().bottom + window.scrollY;", e)).doubleValue();
    }

    @Test
    void onAPhoneTheFirstScreenShowsTheTitleTheOverviewAndTheFirstEvent() throws Exception {
        driver = TestTools.chromium(390, 844);
        // The window's size is not the page's: emulate the phone's screen (390 x 844 CSS px, touch).
        ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        driver.get(url(PAGE));
        screenshot("timeline-390x844");
        double screen = ((Number) js("return window.innerHeight;")).doubleValue();
        assertThat(screen).isEqualTo(844);
        assertThat(bottom(driver.findElement(By.tagName("h1")))).isLessThanOrEqualTo(screen);
        assertThat(bottom(driver.findElement(By.cssSelector("svg.ov")))).isLessThanOrEqualTo(screen);
        WebElement first = driver.findElement(By.cssSelector("ol.timeline > li article h2"));
        assertThat(first.getText()).isEqualTo("U.S. Steel turns down Cleveland-Cliffs and puts itself up for review");
        assertThat(bottom(first)).as("the first event's headline ends within the first screen").isLessThanOrEqualTo(screen);
        // The filters are folded away until asked for, the key-events switch is in sight.
        assertThat(driver.findElement(By.cssSelector("details.filter-box")).getAttribute("open")).isNull();
        assertThat(visible(driver.findElement(By.id("f-category")))).isFalse();
        assertThat(bottom(driver.findElement(By.linkText("Key events only")))).isLessThanOrEqualTo(screen);
        Number overflow = (Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).isLessThanOrEqualTo(0);
        assertThat(TestTools.axeViolations(driver)).as("axe-core at 390 px").isEmpty();
        assertLabelsApart("390 px");

        driver.findElement(By.cssSelector("details.filter-box summary")).click();
        assertThat(visible(driver.findElement(By.id("f-category")))).isTrue();
        driver.get(url(PAGE + "?category=litigation"));
        assertThat(driver.findElement(By.cssSelector("details.filter-box")).getAttribute("open")).as("open when a filter is set")
                .isNotNull();
        assertThat(TestTools.axeViolations(driver)).as("axe-core, filtered, at 390 px").isEmpty();
    }

    @Test
    void onALaptopEveryMarkLandsOnItsEventAndFiltersFade() throws Exception {
        driver = TestTools.chromium(1280, 800);
        driver.get(url(PAGE));
        screenshot("timeline-1280x800");
        assertThat(visible(driver.findElement(By.id("f-category")))).as("filters open on wide screens").isTrue();
        int events = driver.findElements(By.cssSelector("ol.timeline > li")).size();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> marks = (List<Map<String, Object>>) js("""
                return [...document.querySelectorAll('svg.ov a')].map(a => ({
                  href: a.getAttribute('href'),
                  bin: a.querySelector('.bc') ? +a.querySelector('.bc').textContent : 0,
                  target: a.getAttribute('href').startsWith('#') && !!document.getElementById(a.getAttribute('href').slice(1))}));
                """);
        assertThat(marks.stream().mapToLong(m -> ((Number) m.get("bin")).longValue() == 0 ? 1 : ((Number) m.get("bin")).longValue())
                .sum()).as("one mark per event, or its bin").isEqualTo(events);
        assertThat(marks).allSatisfy(m -> assertThat(m.get("target")).as("%s", m.get("href")).isEqualTo(true));
        assertLabelsApart("1280 px");

        // Clicking marks lands on their events: the first, one in the middle and the last.
        List<WebElement> links = driver.findElements(By.cssSelector("svg.ov a"));
        for (int i : new int[] {0, links.size() / 2, links.size() - 1}) {
            driver.get(url(PAGE));
            WebElement mark = driver.findElements(By.cssSelector("svg.ov a")).get(i);
            String id = mark.getDomAttribute("href").replaceAll(".*#", "");
            mark.findElement(By.cssSelector("use, rect")).click();
            TestTools.waitForUrl(driver, "#" + id);
            Number top = (Number) js("return document.getElementById(arguments[0]).getBoundingClientRect().top;", id);
            assertThat(top.doubleValue()).as("%s scrolled into view", id).isBetween(-2.0, 800.0);
        }

        driver.get(url(PAGE + "?category=litigation"));
        screenshot("timeline-1280x800-litigation");
        int shown = driver.findElements(By.cssSelector("ol.timeline > li")).size();
        List<WebElement> faded = driver.findElements(By.cssSelector("svg.ov a.f"));
        assertThat(faded).hasSize(events - shown);
        assertThat(Double.parseDouble(faded.get(0).getCssValue("opacity"))).isLessThan(0.5);
        assertThat(driver.findElements(By.cssSelector("svg.ov a:not(.f)"))).hasSize(shown);
        assertThat(TestTools.axeViolations(driver)).as("axe-core, filtered").isEmpty();
    }

    /** The labels as the browser draws them (those shown at this width) do not overlap. */
    private void assertLabelsApart(String where) {
        @SuppressWarnings("unchecked")
        List<List<Number>> boxes = (List<List<Number>>) js("""
                return [...document.querySelectorAll('svg.ov .lb text')].filter(t => t.getClientRects().length)
                  .map(t => { const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; });
                """);
        assertThat(boxes).as("labels at %s", where).isNotEmpty();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                List<Number> a = boxes.get(i);
                List<Number> b = boxes.get(j);
                boolean apart = a.get(2).doubleValue() <= b.get(0).doubleValue() || b.get(2).doubleValue() <= a.get(0).doubleValue()
                        || a.get(3).doubleValue() <= b.get(1).doubleValue() || b.get(3).doubleValue() <= a.get(1).doubleValue();
                assertThat(apart).as("labels %s and %s at %s", a, b, where).isTrue();
            }
        }
    }
}
