package org.tradeline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.tradeline.extract.SharedFacts;

/**
 * An editor in a real headless Chromium drafts events from the seed article: signs in, pastes it,
 * finds the events, unticks one, edits a headline, adds the rest as drafts, and finds them in
 * the timeline's editor list citing the article. Every new page passes axe-core.
 */
@QuarkusTest
class ExtractBrowserTest extends BrowserTest {

    private void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private void assertAccessible(String page) throws Exception {
        assertThat(TestTools.axeViolations(driver)).as("axe-core violations on %s", page).isEmpty();
    }

    @Test
    void shouldDraftEventsFromTheSeedArticle() throws Exception {
        String article = SharedFacts.seedArticle();
        driver = TestTools.chromium(1280, 1000);
        driver.get(url("/login"));
        type("f-username", "admin");
        type("f-password", "admin-test-password");
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        TestTools.waitForUrl(driver, "/editor");

        driver.get(url("/editor/timelines/nippon-steel-us-steel"));
        driver.findElement(By.linkText("Draft events from an article")).click();
        TestTools.waitForUrl(driver, "/extract");
        assertAccessible("the extract form");

        // Paste the article (set in one go: typing 3,600 characters key by key adds nothing to the test).
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id("f-text")), article);
        type("f-published", "2025-01-07");
        type("f-title", "Blinken Lauds Japan Ties While Skirting Nippon Steel Dispute");
        type("f-publisher", "Bloomberg");
        driver.findElement(By.xpath("//button[.='Find events']")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(d -> !d.findElements(By.id("candidates-heading")).isEmpty());
        List<WebElement> candidates = driver.findElements(By.cssSelector("fieldset.candidate"));
        assertThat(candidates).hasSizeGreaterThanOrEqualTo(6);
        assertAccessible("the candidates");

        // The decision to block is already on the timeline: linked and unticked.
        WebElement decision = candidate(candidates, "decision last week");
        assertThat(decision.findElement(By.cssSelector(".already-note a")).getAttribute("href")).endsWith("#event-biden-blocks-acquisition");
        assertThat(decision.findElement(By.cssSelector("input[type=checkbox][name$=-pick]")).isSelected()).isFalse();

        // Untick the Korea visit (not about the deal); edit Ishiba's headline.
        WebElement korea = candidate(candidates, "visited South Korea");
        WebElement koreaPick = korea.findElement(By.cssSelector("input[name$=-pick]"));
        assertThat(koreaPick.isSelected()).isTrue();
        korea.findElement(By.xpath(".//label[.='Add as draft']")).click();
        assertThat(koreaPick.isSelected()).isFalse();
        WebElement ishiba = candidate(candidates, "who said on Monday");
        assertThat(ishiba.findElement(By.tagName("mark")).getText()).isEqualTo("on Monday");
        WebElement headline = ishiba.findElement(By.cssSelector("input[name$=-headline]"));
        headline.clear();
        headline.sendKeys("Ishiba asks Washington to explain the security case against the deal");
        long ticked = driver.findElements(By.cssSelector("input[name$=-pick]")).stream().filter(WebElement::isSelected).count();

        driver.findElement(By.xpath("//button[.='Add selected as drafts']")).click();
        TestTools.waitForUrl(driver, "done=drafts-added");
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("added as drafts");
        List<String> drafted = driver.findElements(By.cssSelector(".new-drafts li > a:first-child")).stream().map(WebElement::getText).toList();
        assertThat(drafted).hasSize((int) ticked).contains("Ishiba asks Washington to explain the security case against the deal");
        assertThat(String.join(" ", drafted)).doesNotContain("South Korea");
        assertAccessible("the timeline with its new drafts");

        // The draft is in the editors' list as a draft, and cites the article.
        driver.findElement(By.linkText("Ishiba asks Washington to explain the security case against the deal")).click();
        WebElement row = driver.findElements(By.cssSelector("tr.draft-row")).stream()
                .filter(r -> r.getText().contains("Ishiba asks Washington")).findFirst().orElseThrow();
        assertThat(row.getText()).contains("Jan. 6, 2025", "draft");
        row.findElement(By.linkText("Edit")).click();
        TestTools.waitForUrl(driver, "/edit");
        assertThat(driver.findElement(By.id("f-source-title-0")).getAttribute("value"))
                .isEqualTo("Blinken Lauds Japan Ties While Skirting Nippon Steel Dispute");
        assertThat(driver.findElement(By.id("f-source-publisher-0")).getAttribute("value")).isEqualTo("Bloomberg");
        assertThat(driver.findElement(By.id("f-source-date-0")).getAttribute("value")).isEqualTo("2025-01-07");
        assertThat(driver.findElement(By.id("f-body")).getAttribute("value")).contains("who said on Monday that he wanted an explanation");
        assertThat(TestTools.consoleErrors(driver)).filteredOn(e -> !e.contains("favicon.ico")).isEmpty();
    }

    private static WebElement candidate(List<WebElement> candidates, String quotePart) {
        return candidates.stream().filter(c -> c.findElement(By.cssSelector(".quote")).getText().contains(quotePart)).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate quoting \u201c" + quotePart + "\u201d"));
    }
}
