package org.tradeline.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** An editor in a real headless Chromium does the whole job, as a person would. */
@QuarkusTest
class EditorBrowserTest extends BrowserTest {

    static final String HEADLINE = "Court hears the companies' challenge";

    private WebElement field(String label) {
        WebElement l = driver.findElements(By.tagName("label")).stream()
                .filter(e -> e.getText().equals(label)).findFirst().orElseThrow(() -> new AssertionError("no label " + label));
        return driver.findElement(By.id(l.getAttribute("for")));
    }

    private void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private void assertAccessible(String page) throws Exception {
        assertThat(TestTools.axeViolations(driver)).as("axe-core violations on %s", page).isEmpty();
    }

    @Test
    void shouldAddCorrectPublishAndUpdateAnEvent() throws Exception {
        driver = TestTools.chromium(1280, 1000);

        // Sign in.
        driver.get(url("/editor"));
        assertThat(driver.getCurrentUrl()).contains("/login");
        assertAccessible("the login page");
        type(field("Username"), "admin");
        type(field("Password"), "admin-test-password");
        driver.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        TestTools.waitForUrl(driver, "/editor");
        assertThat(driver.getCurrentUrl()).endsWith("/editor");
        assertAccessible("the editor's timeline list");

        // Open the seeded timeline and add an event with two sources and a bad date.
        driver.findElement(By.linkText("Nippon Steel's bid for U.S. Steel")).click();
        driver.findElement(By.linkText("Add an event")).click();
        TestTools.waitForUrl(driver, "/events/new");
        assertAccessible("the new event form");
        type(field("Headline"), HEADLINE);
        type(field("Date"), "2025-02-31");
        new Select(field("Date precision")).selectByValue("day");
        new Select(field("Category")).selectByVisibleText("Litigation");
        driver.findElement(By.xpath("//fieldset[@id='f-actors']//label[.='Nippon Steel']")).click();
        driver.findElement(By.xpath("//fieldset[@id='f-actors']//label[.='U.S. Steel']")).click();
        type(field("Body"), "Lawyers for the two companies argued the order should be set aside.");
        type(driver.findElement(By.id("f-source-title-0")), "First report on the hearing");
        type(driver.findElement(By.id("f-source-publisher-0")), "Test Wire");
        type(driver.findElement(By.id("f-source-url-0")), "https://example.org/hearing");
        type(driver.findElement(By.id("f-source-title-1")), "Second report on the hearing");
        type(driver.findElement(By.id("f-source-publisher-1")), "Other Wire");
        new Select(field("Status")).selectByValue("draft");
        driver.findElement(By.cssSelector(".form-actions button[type=submit]")).click();

        // The bad date is shown next to its field; everything typed is kept.
        assertThat(driver.findElement(By.id("f-date-error")).getText()).contains("is not a real date");
        assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("Date");
        assertThat(field("Headline").getAttribute("value")).isEqualTo(HEADLINE);
        assertThat(driver.findElement(By.id("f-source-title-1")).getAttribute("value")).isEqualTo("Second report on the hearing");
        assertAccessible("the form with errors");

        // Fix it and save as a draft: readers do not see it yet.
        type(field("Date"), "2025-02-28");
        driver.findElement(By.cssSelector(".form-actions button[type=submit]")).click();
        TestTools.waitForUrl(driver, "done=event-created");
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).isEqualTo("The event was created.");
        String id = "2025-02-28-court-hears-the-companies-challenge";
        given().get("/api/timelines/nippon-steel-us-steel/events/" + id).then().statusCode(404);

        // Publish it.
        driver.get(url("/editor/timelines/nippon-steel-us-steel/events/" + id + "/edit"));
        new Select(field("Status")).selectByValue("published");
        driver.findElement(By.cssSelector(".form-actions button[type=submit]")).click();
        TestTools.waitForUrl(driver, "done=event-saved");
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("saved");

        driver.get(url("/timelines/nippon-steel-us-steel"));
        assertThat(driver.findElement(By.id(id)).getText()).contains(HEADLINE, "Feb. 28, 2025", "Litigation");
        given().get("/api/timelines/nippon-steel-us-steel/events/" + id).then().statusCode(200)
                .body("sources.title", hasItem("Second report on the hearing"));

        // Edit with an update note: it appears in the public update log.
        driver.get(url("/editor/timelines/nippon-steel-us-steel/events/" + id + "/edit"));
        type(field("Body"), "Lawyers for the two companies argued the order should be set aside. The judge did not rule.");
        type(field("Update note"), "Updates with the judge's response");
        driver.findElement(By.cssSelector(".form-actions button[type=submit]")).click();
        TestTools.waitForUrl(driver, "done=event-saved");
        driver.get(url("/timelines/nippon-steel-us-steel"));
        // On a wide screen the log is shown open (a disclosure only on phones); Selenium's getText()
        // counts everything in a closed <details> as hidden, so ask the browser what it renders.
        WebElement log = driver.findElement(By.cssSelector(".update-log ol li"));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat((Boolean) js.executeScript("return arguments[0].checkVisibility();", log)).isTrue();
        assertThat((String) js.executeScript("return arguments[0].innerText;", log))
                .contains("Updates with the judge's response", HEADLINE);
        given().get("/api/timelines/nippon-steel-us-steel").then()
                .body("updates[0].note", equalTo("Updates with the judge's response"));
        assertAccessible("the timeline with an update log");
        // On a phone the log folds to one line, so the first screen still reaches the first event.
        ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        driver.get(url("/timelines/nippon-steel-us-steel"));
        assertThat((Boolean) js.executeScript("return arguments[0].checkVisibility();",
                driver.findElement(By.cssSelector(".update-log ol li")))).as("the log's entries, folded on a phone").isFalse();
        assertThat(driver.findElement(By.cssSelector(".update-log summary")).getText()).startsWith("Updates (");
        Number firstHeadlineBottom = (Number) js.executeScript(
                "return document.querySelector('ol.timeline > li article h2').getBoundingClientRect().bottom + window.scrollY;");
        assertThat(firstHeadlineBottom.doubleValue()).as("the first event's headline within the phone's first screen")
                .isLessThanOrEqualTo(844);
        assertAccessible("the timeline with an update log, on a phone");

        // History shows who changed what.
        driver.get(url("/editor/timelines/nippon-steel-us-steel/events/" + id + "/history"));
        List<WebElement> entries = driver.findElements(By.cssSelector(".history > li"));
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).getText()).contains("updated by admin", "body");
        assertAccessible("the history page");

        // Sign out.
        driver.findElement(By.cssSelector(".editor-nav button")).click();
        TestTools.waitForUrl(driver, "/login");
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).isEqualTo("You are signed out.");
        driver.get(url("/editor"));
        TestTools.waitForUrl(driver, "/login");
    }
}
