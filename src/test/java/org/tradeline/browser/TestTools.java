package org.tradeline.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The outside checkers the page tests run: Debian's Chromium and ChromeDriver, and the npm
 * packages in src/test/tools (axe-core, vnu-jar), which the build installs with npm ci.
 * Missing tools skip the test on a developer's machine; CI sets TRADELINE_REQUIRE_TOOLS=true
 * so that a missing tool fails instead.
 */
public final class TestTools {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path NODE_MODULES = Path.of("src/test/tools/node_modules");
    public static final Path AXE = NODE_MODULES.resolve("axe-core/axe.min.js");
    public static final Path VNU = NODE_MODULES.resolve("vnu-jar/build/dist/vnu.jar");

    private TestTools() {
    }

    public static void require(Path tool, String what) {
        if (Files.isRegularFile(tool)) {
            return;
        }
        String message = what + " is missing (" + tool + "); see README, \"Tests\"";
        if ("true".equalsIgnoreCase(System.getenv("TRADELINE_REQUIRE_TOOLS"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    /** A headless Chromium of the given window size; the caller quits it. */
    public static WebDriver chromium(int width, int height) throws IOException {
        require(CHROMIUM, "Chromium");
        require(CHROMEDRIVER, "ChromeDriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("tradeline-chromium"));
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // Elements of a page that is still loading after a click are waited for, not missed.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Waits until the browser is at a URL containing {@code part} (a click's navigation can still be running). */
    public static void waitForUrl(WebDriver driver, String part) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().contains(part));
    }

    /** Console messages of level SEVERE (errors) logged by the page so far. */
    public static List<String> consoleErrors(WebDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage()).toList();
    }

    /** Runs axe-core on the current page; returns one line per violation (empty when clean). */
    @SuppressWarnings("unchecked")
    public static List<String> axeViolations(WebDriver driver) throws IOException {
        require(AXE, "axe-core");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(Files.readString(AXE));
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' -> '
                      + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }
}
