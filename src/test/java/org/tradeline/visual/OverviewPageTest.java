package org.tradeline.visual;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.data.Offset;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tradeline.timelinefile.TimelineImporter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The overview as served, parsed as XML: every mark's link lands on an element of the page it
 * names, every event is one mark or counted in one bin, spans are as wide as their dates, no two
 * labels overlap, filters fade instead of dropping, and on a timeline longer than a page the
 * marks lead to the page that lists their event.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewPageTest {

    static final String SEED = "/timelines/nippon-steel-us-steel";
    static final String LONG = "overview-250";

    @Inject
    TimelineImporter importer;

    @BeforeAll
    void importLongTimeline(@TempDir Path dir) throws Exception {
        StringBuilder y = new StringBuilder("slug: " + LONG + "\ntitle: Overview fixture\nsummary: 250 events.\nstatus: published\n"
                + "actors: []\nevents:\n");
        for (int i = 0; i < 250; i++) {
            y.append("""
                      - id: o%03d
                        date: %d-%02d-%02d
                        headline: Overview event number %d
                        category: %s
                        importance: %s
                        sources:
                          - publisher: Fixture Wire
                            title: Source %d
                    """.formatted(i, 2020 + i / 50, 1 + (i % 50) / 5, 1 + (i % 5) * 6, i, i % 3 == 0 ? "deal" : "litigation",
                    i % 10 == 0 ? "major" : "minor", i));
        }
        Path file = dir.resolve(LONG + ".yaml");
        Files.writeString(file, y);
        importer.importFile(file);
    }

    /** The outer SVG element of the page's overview, as text (it holds one nested svg of month ticks). */
    static String overviewSvg(String html) {
        int start = html.indexOf("<svg class=\"ov\"");
        assertThat(start).as("the page has an overview").isNotNegative();
        int depth = 0;
        int i = start;
        while (true) {
            int open = html.indexOf("<svg", i + 1);
            int close = html.indexOf("</svg>", i + 1);
            if (open >= 0 && open < close) {
                depth++;
                i = open;
            } else if (depth > 0) {
                depth--;
                i = close;
            } else {
                return html.substring(start, close + 6);
            }
        }
    }

    static Document xml(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    static List<Element> elements(Document d, String tag) {
        NodeList list = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static double percent(String value) {
        return Double.parseDouble(value.replace("%", ""));
    }

    /** Events drawn: one per mark, plus each bin's count. */
    static int eventsDrawn(Document svg) {
        int n = 0;
        for (Element a : elements(svg, "a")) {
            NodeList counts = a.getElementsByTagName("text");
            Element count = null;
            for (int i = 0; i < counts.getLength(); i++) {
                if ("bc".equals(((Element) counts.item(i)).getAttribute("class"))) {
                    count = (Element) counts.item(i);
                }
            }
            n += count == null ? 1 : Integer.parseInt(count.getTextContent());
        }
        return n;
    }

    /** Every link leads to an element that exists: "#id" in this page, else the page (and fragment) it names. */
    static void assertLinksLand(String pagePath, Document svg, org.jsoup.nodes.Document page) {
        Map<String, org.jsoup.nodes.Document> fetched = new HashMap<>();
        for (Element a : elements(svg, "a")) {
            String href = a.getAttribute("href");
            String path = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
            String fragment = href.contains("#") ? href.substring(href.indexOf('#') + 1) : null;
            org.jsoup.nodes.Document target = path.isEmpty() ? page : fetched.computeIfAbsent(path, p -> Jsoup.parse(
                    given().urlEncodingEnabled(false).get(p).then().statusCode(200).extract().asString()));
            if (fragment != null) {
                assertThat(target.getElementById(fragment)).as("%s on %s (from %s)", fragment, path.isEmpty() ? pagePath : path, pagePath)
                        .isNotNull();
            }
            if (path.isEmpty() && a.hasAttribute("aria-labelledby")) {
                for (String id : a.getAttribute("aria-labelledby").split(" ")) {
                    assertThat(page.getElementById(id)).as("name part %s", id).isNotNull();
                }
            }
        }
    }

    @Test
    void theSeededTimelinesMarksLandOnTheirEventsAndSpansMatchTheirDates() throws Exception {
        String html = given().get(SEED).then().statusCode(200).extract().asString();
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        Document svg = xml(overviewSvg(html));
        int count = given().get("/api" + SEED).then().extract().path("eventCount");
        assertThat(eventsDrawn(svg)).isEqualTo(count);
        assertLinksLand(SEED, svg, page);
        // Each mark's name is its date and headline (by reference to the list, or in a title).
        for (Element a : elements(svg, "a")) {
            String href = a.getAttribute("href");
            if (href.startsWith("#") && a.hasAttribute("aria-labelledby")) {
                assertThat(a.getAttribute("aria-labelledby")).isEqualTo("d-" + href.substring(1) + " h-" + href.substring(1));
            } else {
                assertThat(a.getElementsByTagName("title").getLength()).isEqualTo(1);
            }
        }

        // CFIUS's review, March 14 to Dec. 23, 2024: a bar that wide, on an axis from August 2023 to September 2025.
        Element review = elements(svg, "a").stream().filter(a -> a.getAttribute("href").equals("#cfius-review-period"))
                .findFirst().orElseThrow();
        Element bar = (Element) review.getElementsByTagName("rect").item(0);
        long axisDays = ChronoUnit.DAYS.between(LocalDate.of(2023, 8, 1), LocalDate.of(2025, 10, 1));
        double expected = (100 - 2 * Overview.MARGIN) * (ChronoUnit.DAYS.between(LocalDate.of(2024, 3, 14), LocalDate.of(2024, 12, 24)))
                / axisDays;
        assertThat(percent(bar.getAttribute("width"))).isCloseTo(expected, Offset.offset(0.15));
        assertThat(percent(bar.getAttribute("x"))).isCloseTo(Overview.MARGIN + (100 - 2 * Overview.MARGIN)
                * ChronoUnit.DAYS.between(LocalDate.of(2023, 8, 1), LocalDate.of(2024, 3, 14)) / axisDays, Offset.offset(0.1));
        assertLabelsApart(svg);
    }

    /** No two labels that show together overlap, at the narrowest and the widest drawing. */
    static void assertLabelsApart(Document svg) {
        record Box(String text, int row, double left, double right, boolean wide) {
        }
        for (int width : new int[] {Overview.NARROW, Overview.WIDE, 928}) {
            List<Box> boxes = new ArrayList<>();
            for (Element g : elements(svg, "g")) {
                if (!g.getAttribute("class").startsWith("lb")) {
                    continue;
                }
                boolean wide = g.getAttribute("class").contains("w");
                if (wide && width < Overview.WIDE) {
                    continue;
                }
                Element text = (Element) g.getElementsByTagName("text").item(0);
                double x = percent(text.getAttribute("x")) * width / 100;
                double w = Overview.textWidth(text.getTextContent(), Overview.LABEL_SIZE);
                boolean end = "end".equals(text.getAttribute("text-anchor"));
                boxes.add(new Box(text.getTextContent(), Integer.parseInt(text.getAttribute("y")), end ? x - w : x, end ? x : x + w, wide));
            }
            for (Box a : boxes) {
                assertThat(a.left()).isGreaterThanOrEqualTo(-0.5);
                assertThat(a.right()).isLessThanOrEqualTo(width + 0.5);
                for (Box b : boxes) {
                    if (a != b && a.row() == b.row()) {
                        assertThat(a.right() <= b.left() || b.right() <= a.left()).as("%s and %s at %d px", a.text(), b.text(), width)
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void aFilterFadesTheEventsItLeavesOut() throws Exception {
        String html = given().get(SEED + "?category=litigation").then().statusCode(200).extract().asString();
        Document svg = xml(overviewSvg(html));
        int all = given().get("/api" + SEED).then().extract().path("eventCount");
        int litigation = given().get("/api" + SEED + "/events?category=litigation").then().extract().path("total");
        List<Element> links = elements(svg, "a");
        assertThat(eventsDrawn(svg)).isEqualTo(all);
        assertThat(links.stream().filter(a -> a.getAttribute("class").equals("f")).count()).isEqualTo(all - litigation);
        assertThat(links.stream().filter(a -> !a.getAttribute("class").equals("f")))
                .allSatisfy(a -> assertThat(a.getAttribute("href")).startsWith("#"));
        assertLinksLand(SEED + "?category=litigation", svg, Jsoup.parse(html));

        String key = given().get(SEED + "?key=true").then().statusCode(200).extract().asString();
        Document keySvg = xml(overviewSvg(key));
        int minor = (int) Jsoup.parse(given().get(SEED).asString()).select("ol.timeline > li.imp-minor").size();
        assertThat(elements(keySvg, "a").stream().filter(a -> a.getAttribute("class").equals("f")).count()).isEqualTo(minor);
        assertThat(Jsoup.parse(key).select("ol.timeline > li.imp-minor")).isEmpty();
    }

    @Test
    void onATimelineLongerThanAPageMarksLeadToThePageThatListsTheirEvent() throws Exception {
        String path = "/timelines/" + LONG;
        String html = given().get(path).then().statusCode(200).extract().asString();
        Document svg = xml(overviewSvg(html));
        assertThat(eventsDrawn(svg)).isEqualTo(250);
        assertThat(elements(svg, "a")).anySatisfy(a -> assertThat(a.getAttribute("href")).contains("page=2#"));
        assertLinksLand(path, svg, Jsoup.parse(html));
        assertLabelsApart(svg);
    }

    @Test
    void theEmbedKeepsItsOwnLinksInItsFrame() throws Exception {
        String html = given().get("/embed" + SEED).then().statusCode(200).extract().asString();
        Document svg = xml(overviewSvg(html));
        assertThat(elements(svg, "a")).allSatisfy(a -> assertThat(a.getAttribute("target"))
                .isEqualTo(a.getAttribute("href").startsWith("#") ? "_self" : ""));
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        elements(svg, "a").stream().filter(a -> a.getAttribute("href").startsWith("#"))
                .forEach(a -> assertThat(page.getElementById(a.getAttribute("href").substring(1))).isNotNull());
    }
}
