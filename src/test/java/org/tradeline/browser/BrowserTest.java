package org.tradeline.browser;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.WebDriver;

/**
 * What every page test in a real Chromium needs: the app's address, one browser per test, closed
 * after it whatever happened. Subclasses are {@code @QuarkusTest}s and start {@link #driver} with
 * {@link TestTools#chromium}.
 */
abstract class BrowserTest {

    @TestHTTPResource("/")
    URL base;

    protected WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** An absolute URL of the app for {@code path} ("/timelines/…"). */
    protected String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }
}
