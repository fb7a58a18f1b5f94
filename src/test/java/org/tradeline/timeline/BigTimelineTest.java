package org.tradeline.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tradeline.timelinefile.TimelineImporter;

/**
 * A timeline longer than a page (250 events over five years): a reader reaches every event by
 * year and by page, the JSON pages through all of them, and full exports (file-backed above the
 * test profile's threshold of 20 events) send the same bytes plain and gzip-decoded.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BigTimelineTest {

    static final String SLUG = "big-fixture";
    static final int EVENTS = 250;
    static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Inject
    TimelineImporter importer;

    @BeforeAll
    void importBigTimeline(@TempDir Path dir) throws Exception {
        StringBuilder y = new StringBuilder("""
                slug: big-fixture
                title: Big fixture
                summary: Two hundred and fifty events for BigTimelineTest.
                status: published
                actors: []
                events:
                """);
        for (int i = 0; i < EVENTS; i++) {
            int year = 2020 + i / 50;
            y.append("""
                      - id: e%03d
                        date: %d-%02d-%02d
                        headline: Event number %d
                        category: %s
                        body: Body of event %d.
                        sources:
                          - publisher: Fixture Wire
                            title: Source %d
                    """.formatted(i, year, 1 + (i % 50) / 5, 1 + i % 5, i, i % 2 == 0 ? "deal" : "litigation", i, i));
        }
        Path file = dir.resolve(SLUG + ".yaml");
        Files.writeString(file, y);
        importer.importFile(file);
    }

    private static Set<String> eventIds(Document page) {
        Set<String> ids = new HashSet<>();
        page.select("ol.timeline > li a[href*=/events/]").forEach(a -> ids.add(a.attr("href").replaceAll(".*/events/", "")));
        return ids;
    }

    @Test
    void everyEventIsReachableByYearThenPage() {
        Document first = Jsoup.parse(given().get("/timelines/" + SLUG).then().statusCode(200).extract().asString());
        assertThat(eventIds(first)).hasSize(100);
        List<String> yearLinks = first.select("nav.years a").eachAttr("href");
        assertThat(first.select("nav.years a").eachText())
                .containsExactly("2020 (50)", "2021 (50)", "2022 (50)", "2023 (50)", "2024 (50)");
        Set<String> seen = new HashSet<>();
        for (String href : yearLinks) {
            Document year = Jsoup.parse(given().urlEncodingEnabled(false).get(href).then().statusCode(200).extract().asString());
            assertThat(year.select("nav.years a[aria-current=page]")).hasSize(1);
            assertThat(eventIds(year)).hasSize(50);
            seen.addAll(eventIds(year));
        }
        assertThat(seen).hasSize(EVENTS);

        Set<String> paged = new HashSet<>();
        for (int p = 1; p <= 3; p++) {
            paged.addAll(eventIds(Jsoup.parse(given().queryParam("page", p).get("/timelines/" + SLUG).asString())));
        }
        assertThat(paged).isEqualTo(seen);
    }

    @Test
    void filtersKeepWorkingWithTheYearNavigation() {
        Document page = Jsoup.parse(given().get("/timelines/" + SLUG + "?category=litigation&from=2021-01-01&to=2021-12-31")
                .then().statusCode(200).extract().asString());
        assertThat(eventIds(page)).hasSize(25);
        assertThat(page.select("nav.years a").eachText()).contains("2021 (25)");
        assertThat(page.select("nav.years a").eachAttr("href")).allMatch(h -> h.contains("category=litigation"));
    }

    @Test
    void theJsonPagesThroughEveryEvent() {
        Set<String> ids = new HashSet<>();
        String next = "/api/timelines/" + SLUG + "/events?size=100";
        while (next != null) {
            Response r = given().get(next.replaceFirst("^https?://[^/]+", "")).then().statusCode(200).extract().response();
            ids.addAll(r.jsonPath().getList("events.id", String.class));
            next = r.jsonPath().getString("links.next");
        }
        assertThat(ids).hasSize(EVENTS);
    }

    @Test
    void fullExportsAreTheSameBytesPlainAndGzipped() throws IOException {
        for (String path : List.of("/api/timelines/" + SLUG, "/api/timelines/" + SLUG + "/timelinejs",
                "/timelines/" + SLUG + "/feed.atom", "/timelines/" + SLUG + "/calendar.ics", "/timelines/" + SLUG + "/events.csv")) {
            Response plain = given().config(RAW).header("Accept-Encoding", "identity").get(path);
            Response again = given().config(RAW).header("Accept-Encoding", "identity").get(path);
            Response zipped = given().config(RAW).header("Accept-Encoding", "gzip").get(path);
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.asByteArray()).as(path).isEqualTo(again.asByteArray());
            assertThat(plain.header("ETag")).as(path).isEqualTo(again.header("ETag"));
            assertThat(zipped.header("Content-Encoding")).as(path).isEqualTo("gzip");
            assertThat(zipped.header("ETag")).as(path).isNotEqualTo(plain.header("ETag"));
            assertThat(new GZIPInputStream(new ByteArrayInputStream(zipped.asByteArray())).readAllBytes()).as(path)
                    .isEqualTo(plain.asByteArray());
            assertThat(new String(plain.asByteArray(), java.nio.charset.StandardCharsets.UTF_8)).as(path).contains("Event number 249");
            given().config(RAW).header("If-None-Match", plain.header("ETag")).header("Accept-Encoding", "identity").get(path)
                    .then().statusCode(304);
            given().config(RAW).header("If-None-Match", zipped.header("ETag")).header("Accept-Encoding", "gzip").get(path)
                    .then().statusCode(304);
        }
    }
}
