package org.tradeline.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeline.feed.FeedFixtures.FIXTURE;
import static org.tradeline.feed.FeedFixtures.SEEDED;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CsvExportTest {

    static final List<String> TEMPLATE_COLUMNS = List.of("Year", "Month", "Day", "Time", "End Year", "End Month",
            "End Day", "End Time", "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
            "Media Thumbnail", "Alt Text", "Type", "Group", "Background");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** The rows, header included, as a CSV parser reads them. */
    private static List<String[]> fetch(String slug) throws Exception {
        Response r = given().get("/timelines/" + slug + "/events.csv").then().statusCode(200).extract().response();
        assertThat(r.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + slug + "-events.csv\"");
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = new CsvMapper().readerForArrayOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(r.asString())) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** Event rows keyed by column name, in file order (the title row left out). */
    private static List<Map<String, String>> events(List<String[]> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String[] row : rows.subList(2, rows.size())) {
            assertThat(row).hasSize(TEMPLATE_COLUMNS.size());
            Map<String, String> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < row.length; i++) {
                m.put(TEMPLATE_COLUMNS.get(i), row[i]);
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, String> cells(String year, String month, String day, String endYear, String endMonth,
            String endDay) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("Year", year);
        m.put("Month", month);
        m.put("Day", day);
        m.put("End Year", endYear);
        m.put("End Month", endMonth);
        m.put("End Day", endDay);
        return m;
    }

    private static Map<String, String> dates(Map<String, String> row) {
        return cells(row.get("Year"), row.get("Month"), row.get("Day"), row.get("End Year"), row.get("End Month"),
                row.get("End Day"));
    }

    @Test
    void shouldUseTheTemplateColumnsAndStartWithATitleRow() throws Exception {
        List<String[]> rows = fetch(FIXTURE);
        assertThat(rows.get(0)).containsExactlyElementsOf(TEMPLATE_COLUMNS);
        String[] title = rows.get(1);
        assertThat(title[TEMPLATE_COLUMNS.indexOf("Type")]).isEqualTo("title");
        assertThat(title[TEMPLATE_COLUMNS.indexOf("Headline")]).isEqualTo("Precision fixture");
        assertThat(title[TEMPLATE_COLUMNS.indexOf("Year")]).isEmpty();
        assertThat(rows).hasSize(2 + FeedFixtures.publishedIds(FIXTURE).size());
    }

    @Test
    void shouldWriteDatesAtTheirPrecisionInDateOrder() throws Exception {
        List<Map<String, String>> rows = events(fetch(FIXTURE));
        List<String> ids = FeedFixtures.publishedIds(FIXTURE);
        assertThat(rows).hasSize(ids.size());
        assertThat(rows).extracting(r -> r.get("Headline")).doesNotContain("A draft nobody may see");

        Map<String, String> year = rows.get(ids.indexOf("year-only"));
        assertThat(year.get("Headline")).isEqualTo("Something happened in 2022");
        assertThat(dates(year)).isEqualTo(cells("2022", "", "", "", "", ""));
        assertThat(year.get("Display Date")).isEqualTo("2022");
        assertThat(year.get("Group")).isEqualTo("Legislation");

        Map<String, String> month = rows.get(ids.indexOf("month-only"));
        assertThat(dates(month)).isEqualTo(cells("2024", "9", "", "", "", ""));
        assertThat(month.get("Display Date")).isEqualTo("September 2024");
        assertThat(month.get("Text")).startsWith("<p>Only the month is known.</p>\n<p>A second paragraph")
                .endsWith("<p>Sources: <a href=\"https://example.org/month\" rel=\"noopener\">A month-precision source</a> (Fixture Wire)</p>");

        Map<String, String> span = rows.get(ids.indexOf("day-span"));
        assertThat(dates(span)).isEqualTo(cells("2024", "8", "31", "2024", "9", "18"));
        assertThat(span.get("Display Date")).isEqualTo("Aug. 31 \u2013 Sept. 18, 2024");

        Map<String, String> monthSpan = rows.get(ids.indexOf("month-span"));
        assertThat(dates(monthSpan)).isEqualTo(cells("2024", "11", "", "2025", "2", ""));
        assertThat(monthSpan.get("Group")).isEqualTo("Diplomacy");
        assertThat(monthSpan.get("Time")).isEmpty();
        assertThat(monthSpan.get("Media")).isEmpty();
        assertThat(monthSpan.get("Type")).isEmpty();
    }

    @Test
    void shouldQuoteAndEscapeHostileText() throws Exception {
        List<Map<String, String>> rows = events(fetch(FIXTURE));
        Map<String, String> hostile = rows.get(FeedFixtures.publishedIds(FIXTURE).indexOf("hostile-text"));
        assertThat(hostile.get("Headline")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
        assertThat(hostile.get("Text")).doesNotContain("<script", "<b>", "<i>", "<tags>")
                .contains("&lt;script&gt;alert(2)&lt;/script&gt;")
                .contains("<a href=\"https://example.org/hostile?a=1&amp;b=2\" rel=\"noopener\">Title with &lt;tags&gt;</a>");
        assertThat(hostile.get("Group")).isEqualTo("Litigation");
    }

    @Test
    void shouldExportTheSeededTimeline() throws Exception {
        List<Map<String, String>> rows = events(fetch(SEEDED));
        List<String> ids = FeedFixtures.publishedIds(SEEDED);
        assertThat(rows).hasSize(ids.size());
        Map<String, String> blocked = rows.get(ids.indexOf("biden-blocks-acquisition"));
        assertThat(dates(blocked)).isEqualTo(cells("2025", "1", "3", "", "", ""));
        assertThat(blocked.get("Display Date")).isEqualTo("Jan. 3, 2025");
        assertThat(blocked.get("Group")).isEqualTo("Executive action");
        assertThat(blocked.get("Text")).contains("<p>Sources: <cite>Order of January 3, 2025")
                .contains("<a href=\"https://www.michiganpublic.org/2025-01-03/");
        Map<String, String> review = rows.get(ids.indexOf("cfius-review-period"));
        assertThat(dates(review)).isEqualTo(cells("2024", "3", "14", "2024", "12", "23"));
        assertThat(review.get("Headline")).isEqualTo("CFIUS's national-security review");
    }

    @Test
    void shouldNotLetASpreadsheetReadACellAsAFormula() {
        assertThat(CsvExport.cell("=HYPERLINK(\"x\")")).isEqualTo("&#61;HYPERLINK(\"x\")");
        assertThat(CsvExport.cell("+1")).isEqualTo("&#43;1");
        assertThat(CsvExport.cell("-1")).isEqualTo("&#45;1");
        assertThat(CsvExport.cell("@SUM")).isEqualTo("&#64;SUM");
        assertThat(CsvExport.cell("Plain")).isEqualTo("Plain");
    }

    @Test
    void shouldAnswer404ForAnUnknownOrDraftTimeline() {
        given().get("/timelines/no-such-timeline/events.csv").then().statusCode(404);
        given().get("/timelines/" + FeedFixtures.DRAFT_TIMELINE + "/events.csv").then().statusCode(404);
    }
}
