package org.tradeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A reader in a real headless Chromium: reads, filters, follows a permalink; axe-core on every page. */
@QuarkusTest
class ReaderBrowserTest extends BrowserTest {

    private void assertAccessible(String page) throws Exception {
        List<String> violations = TestTools.axeViolations(driver);
        assertThat(violations).as("axe-core violations on %s", page).isEmpty();
    }

    @Test
    void shouldReadFilterAndFollowAPermalinkWithNoAccessibilityViolations() throws Exception {
        driver = TestTools.chromium(1280, 900);

        driver.get(url("/"));
        assertAccessible("the index");
        driver.findElement(By.linkText("Nippon Steel's bid for U.S. Steel")).click();
        TestTools.waitForUrl(driver, "/timelines/nippon-steel-us-steel");

        assertThat(driver.getCurrentUrl()).endsWith("/timelines/nippon-steel-us-steel");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Nippon Steel's bid for U.S. Steel");
        List<WebElement> events = driver.findElements(By.cssSelector("ol.timeline > li > article"));
        assertThat(events).hasSizeGreaterThanOrEqualTo(20);
        assertAccessible("the timeline");

        // The filter form is a plain GET form: choose a category and submit it. On a wide screen the
        // disclosure's content shows without opening it (CSS), which Selenium's visibility check does
        // not know: it takes everything in a closed <details> as hidden, so open it for Selenium.
        assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.getElementById('f-category').checkVisibility({contentVisibilityAuto: true});")).isTrue();
        ((JavascriptExecutor) driver).executeScript("document.querySelector('details.filter-box').open = true;");
        new Select(driver.findElement(By.id("f-category"))).selectByVisibleText("Litigation");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        TestTools.waitForUrl(driver, "category=litigation");
        List<WebElement> filtered = driver.findElements(By.cssSelector("ol.timeline > li > article"));
        assertThat(filtered).isNotEmpty().hasSizeLessThan(events.size());
        assertThat(filtered).allSatisfy(a ->
                assertThat(a.findElement(By.cssSelector(".category")).getText()).isEqualTo("Litigation"));
        assertThat(new Select(driver.findElement(By.id("f-category"))).getFirstSelectedOption().getText())
                .isEqualTo("Litigation");
        assertAccessible("the filtered timeline");

        // Follow the first event's permalink.
        WebElement first = filtered.get(0).findElement(By.cssSelector("h2 a"));
        String headline = first.getText();
        first.click();
        TestTools.waitForUrl(driver, "/timelines/nippon-steel-us-steel/events/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
        assertThat(driver.findElements(By.cssSelector(".sources li"))).isNotEmpty();
        assertAccessible("an event page");

        // Text search that matches nothing says so.
        driver.get(url("/timelines/nippon-steel-us-steel"));
        ((JavascriptExecutor) driver).executeScript("document.querySelector('details.filter-box').open = true;");
        driver.findElement(By.id("f-q")).sendKeys("zebra crossing");
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        TestTools.waitForUrl(driver, "q=zebra");
        assertThat(driver.findElement(By.cssSelector(".empty")).getText()).contains("No events match these filters");
        assertAccessible("an empty result");
    }

    @Test
    void shouldKeepErrorPagesAccessible() throws Exception {
        driver = TestTools.chromium(1280, 900);
        driver.get(url("/timelines/no-such-timeline"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertAccessible("the 404 page");
        driver.get(url("/timelines/nippon-steel-us-steel?from=not-a-date"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Bad request");
        assertAccessible("the 400 page");
        driver.get(url("/timelines/precision-fixture"));
        assertAccessible("the fixture timeline with spans and hostile text");
        driver.get(url("/embed/timelines/nippon-steel-us-steel"));
        assertAccessible("the embedded timeline");
        driver.get(url("/embed/timelines/nippon-steel-us-steel/events/cfius-review-period"));
        assertAccessible("an embedded event");
    }

    @Test
    void shouldFitAPhoneScreenWithoutSideways() throws Exception {
        driver = TestTools.chromium(360, 740);
        for (String path : List.of("/", "/timelines/nippon-steel-us-steel",
                "/timelines/nippon-steel-us-steel/events/companies-file-lawsuits")) {
            driver.get(url(path));
            Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("horizontal overflow on %s at 360 px", path).isLessThanOrEqualTo(0);
            assertAccessible(path + " at 360 px");
        }
    }
}
