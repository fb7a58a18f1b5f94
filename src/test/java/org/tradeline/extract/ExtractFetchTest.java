package org.tradeline.extract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tradeline.account.Browserless;

/**
 * Fetching an article by URL, through the page and the API, with fetching turned on for a local
 * server: the article's text, title, publisher and date come from the page; a refused host, a
 * page too slow and a page too large each get a message next to the URL field.
 */
@QuarkusTest
@TestProfile(ExtractFetchTest.LocalHost.class)
class ExtractFetchTest {

    static final int PORT = freePort();
    static final String HOST = "http://127.0.0.1:" + PORT;
    static HttpServer server;

    /** Fetching allowed from the local test server only. */
    public static class LocalHost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradeline.extract.fetch-hosts", "127.0.0.1:" + PORT);
        }
    }

    static final String STORY = """
            <!DOCTYPE html><html><head><title>Harbor Alloys sues | Test Ledger</title>
            <meta property="og:site_name" content="Test Ledger">
            <meta property="og:title" content="Harbor Alloys sues the trade agency">
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-01-07T09:30:00-05:00"}</script>
            </head><body><nav>Home | World | Markets</nav>
            <article><h1>Harbor Alloys sues the trade agency</h1>
            <p>Harbor Alloys Corp. sued the trade agency on Monday over its ruling on rebar imports.</p>
            <p>A judge will hear the case on Feb. 3, the company said.</p></article>
            <aside class="related">Related: other stories from Jan. 2</aside></body></html>""";

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/story", ex -> send(ex, STORY.getBytes(StandardCharsets.UTF_8)));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(8000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, STORY.getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/huge", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = "<p>filler text</p>".repeat(1000).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 200; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                // the fetcher hung up, as it should
            }
        });
        server.createContext("/away", ex -> {
            ex.getResponseHeaders().add("Location", "http://127.0.0.2:" + PORT + "/story");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static void send(com.sun.net.httpserver.HttpExchange ex, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Document fetch(Browserless editor, String url, int status) {
        editor.get("/editor/timelines/nippon-steel-us-steel/extract");
        return Jsoup.parse(editor.post("/editor/timelines/nippon-steel-us-steel/extract", Map.of("text", "", "published", "",
                "url", url, "action", "fetch")).then().statusCode(status).extract().asString());
    }

    @Test
    void shouldFetchTheArticleAndFillTheFormFromItsPage() {
        Browserless editor = Browserless.signIn("admin", "admin-test-password");
        Document form = Jsoup.parse(editor.get("/editor/timelines/nippon-steel-us-steel/extract").then().statusCode(200).extract().asString());
        assertThat(form.select("button").eachText()).contains("Fetch the article from its URL");
        assertThat(form.select("#f-url-hint").text()).contains("127.0.0.1:" + PORT);

        Document page = fetch(editor, HOST + "/story", 200);
        assertThat(page.select("#f-title").val()).isEqualTo("Harbor Alloys sues the trade agency");
        assertThat(page.select("#f-publisher").val()).isEqualTo("Test Ledger");
        assertThat(page.select("#f-published").val()).isEqualTo("2025-01-07");
        assertThat(page.select("#f-text").text()).contains("sued the trade agency on Monday").doesNotContain("Markets", "Related");
        assertThat(page.select("fieldset.candidate > legend").eachText()).containsExactly("Candidate 1: Jan. 6, 2025", "Candidate 2: Feb. 3, 2025");
    }

    @Test
    void shouldFetchThroughTheApiFromTheUrlAlone() {
        given().auth().preemptive().basic("admin", "admin-test-password").contentType("application/json")
                .body(Map.of("url", HOST + "/story")).post("/api/timelines/nippon-steel-us-steel/extract")
                .then().statusCode(200).body("published", equalTo("2025-01-07"))
                .body("candidates.date", org.hamcrest.Matchers.contains("2025-01-06", "2025-02-03"));
        given().auth().preemptive().basic("admin", "admin-test-password").contentType("application/json")
                .body(Map.of("url", "http://example.org/story")).post("/api/timelines/nippon-steel-us-steel/extract")
                .then().statusCode(422).body("errors.field", hasItem("url"));
    }

    @Test
    void shouldSayWhyARefusedHostASlowPageOrAHugePageWasNotFetched() {
        Browserless editor = Browserless.signIn("admin", "admin-test-password");
        assertThat(fetch(editor, "http://example.org/story", 422).select("#f-url-error").text()).contains("may not fetch from", "example.org");
        assertThat(fetch(editor, HOST + "/away", 422).select("#f-url-error").text()).contains("redirected to", "127.0.0.2");
        long t0 = System.nanoTime();
        assertThat(fetch(editor, HOST + "/slow", 422).select("#f-url-error").text()).contains("5 seconds");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("gave up after about 5 s").isLessThan(7_500);
        assertThat(fetch(editor, HOST + "/huge", 422).select("#f-url-error").text()).contains("2 MB");
    }
}
