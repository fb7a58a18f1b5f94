package org.tradeline.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeline.feed.FeedFixtures.FIXTURE;
import static org.tradeline.feed.FeedFixtures.HOSTILE_HEADLINE;
import static org.tradeline.feed.FeedFixtures.SEEDED;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@QuarkusTest
class AtomFeedTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String fetch(String slug) {
        Response r = given().get("/timelines/" + slug + "/feed.atom").then().statusCode(200).extract().response();
        assertThat(r.contentType()).startsWith("application/atom+xml").containsIgnoringCase("charset=UTF-8");
        return r.asString();
    }

    private static Feed parse(String xml) throws Exception {
        WireFeedInput input = new WireFeedInput();
        Feed feed = (Feed) input.build(new StringReader(xml));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        return feed;
    }

    private static Entry entry(Feed feed, String eventId) {
        return feed.getEntries().stream().filter(e -> e.getId().endsWith("/timelines/" + FIXTURE + "/events/" + eventId)
                || e.getId().endsWith("/timelines/" + SEEDED + "/events/" + eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry for " + eventId));
    }

    @Test
    void shouldBeAValidAtomFeedWithOneEntryPerPublishedEvent() throws Exception {
        String xml = fetch(FIXTURE);
        Feed feed = parse(xml);
        JsonPath timeline = FeedFixtures.timeline(FIXTURE);
        List<String> ids = timeline.getList("events.id", String.class);
        String permalinkBase = timeline.getString("links.html") + "/events/";

        assertThat(feed.getId()).isEqualTo(timeline.getString("links.html"));
        assertThat(feed.getTitle()).isEqualTo("Precision fixture");
        assertThat(feed.getAuthors()).extracting(a -> a.getName()).containsExactly("Tradeline");
        assertThat(feed.getAlternateLinks()).extracting(Link::getHref).containsExactly(timeline.getString("links.html"));
        assertThat(feed.getOtherLinks()).filteredOn(l -> "self".equals(l.getRel())).extracting(Link::getHref)
                .containsExactly(timeline.getString("links.html") + "/feed.atom");

        assertThat(feed.getEntries()).hasSize(ids.size());
        assertThat(feed.getEntries()).extracting(Entry::getId)
                .isEqualTo(ids.stream().map(id -> permalinkBase + id).toList())
                .noneMatch(id -> id.contains("draft-event"));
        assertThat(xml).doesNotContain("A draft nobody may see");

        List<String> updates = timeline.getList("events.updatedAt", String.class);
        Instant latest = updates.stream().map(Instant::parse).max(Instant::compareTo).orElseThrow();
        assertThat(feed.getUpdated().toInstant()).isEqualTo(latest.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void shouldGiveEachEntryItsLinkDatesCategoryAndContent() throws Exception {
        Feed feed = parse(fetch(FIXTURE));
        JsonPath timeline = FeedFixtures.timeline(FIXTURE);
        Entry month = entry(feed, "month-only");
        assertThat(month.getTitle()).isEqualTo("A September event");
        assertThat(month.getAlternateLinks()).extracting(Link::getHref)
                .containsExactly(timeline.getString("events.find { it.id == 'month-only' }.url"));
        assertThat(month.getUpdated().toInstant()).isEqualTo(
                Instant.parse(timeline.getString("events.find { it.id == 'month-only' }.updatedAt"))
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(month.getPublished()).isEqualTo(Date.from(Instant.parse("2024-09-01T00:00:00Z")));
        assertThat(month.getCategories()).extracting(Category::getTerm).containsExactly("trade-measure");
        assertThat(month.getContents()).hasSize(1);
        assertThat(month.getContents().get(0).getType()).isEqualTo("html");
        assertThat(month.getContents().get(0).getValue())
                .contains("<p>Only the month is known.</p>")
                .contains("<a rel=\"noopener\" href=\"https://example.org/fixture\">link</a>")
                .contains("<p>Sources: <a href=\"https://example.org/month\" rel=\"noopener\">A month-precision source</a>");
        assertThat(month.getSummary().getValue()).startsWith("September 2024: Only the month is known.");
    }

    @Test
    void shouldEscapeHostileTextSoNoScriptReachesTheXml() throws Exception {
        String xml = fetch(FIXTURE);
        assertThat(xml).doesNotContain("<script").doesNotContain("<b>").doesNotContain("<tags>");

        Entry hostile = entry(parse(xml), "hostile-text");
        assertThat(hostile.getTitleEx().getType()).isEqualTo("text");
        assertThat(hostile.getTitle()).isEqualTo(HOSTILE_HEADLINE);
        String html = hostile.getContents().get(0).getValue();
        assertThat(html).doesNotContain("<script", "<b>", "<i>", "<tags>")
                .contains("&lt;script&gt;alert(2)&lt;/script&gt;")
                .contains("href=\"https://example.org/hostile?a=1&amp;b=2\"")
                .contains("Title with &lt;tags&gt;");

        // An independent XML parser sees the same: the headline is one text node, no element called script.
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
        NodeList titles = doc.getElementsByTagNameNS(AtomFeed.ATOM_NS, "title");
        boolean found = false;
        for (int i = 0; i < titles.getLength(); i++) {
            Element title = (Element) titles.item(i);
            if (title.getTextContent().equals(HOSTILE_HEADLINE)) {
                assertThat(title.getChildNodes().getLength()).isEqualTo(1);
                assertThat(title.getFirstChild().getNodeType()).isEqualTo(org.w3c.dom.Node.TEXT_NODE);
                found = true;
            }
        }
        assertThat(found).as("the hostile headline as a title text node").isTrue();
    }

    @Test
    void shouldKeepIdsStableAcrossRequests() throws Exception {
        List<String> first = parse(fetch(SEEDED)).getEntries().stream().map(Entry::getId).toList();
        List<String> second = parse(fetch(SEEDED)).getEntries().stream().map(Entry::getId).toList();
        assertThat(first).isEqualTo(second).hasSize(FeedFixtures.publishedIds(SEEDED).size())
                .anyMatch(id -> id.endsWith("/timelines/nippon-steel-us-steel/events/biden-blocks-acquisition"));
        Entry blocked = entry(parse(fetch(SEEDED)), "biden-blocks-acquisition");
        assertThat(blocked.getPublished()).isEqualTo(Date.from(Instant.parse("2025-01-03T00:00:00Z")));
        assertThat(blocked.getCategories()).extracting(Category::getTerm).containsExactly("executive-action");
    }

    @Test
    void shouldAnswer404ForAnUnknownOrDraftTimeline() {
        given().get("/timelines/no-such-timeline/feed.atom").then().statusCode(404);
        given().get("/timelines/" + FeedFixtures.DRAFT_TIMELINE + "/feed.atom").then().statusCode(404);
    }
}
