package org.tradeline.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeline.feed.FeedFixtures.FIXTURE;
import static org.tradeline.feed.FeedFixtures.HOSTILE_HEADLINE;
import static org.tradeline.feed.FeedFixtures.SEEDED;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ICalendarFeedTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static byte[] fetch(String slug) {
        Response r = given().get("/timelines/" + slug + "/calendar.ics").then().statusCode(200).extract().response();
        assertThat(r.contentType()).startsWith("text/calendar").containsIgnoringCase("charset=UTF-8");
        return r.asByteArray();
    }

    private static Calendar parse(byte[] ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics, StandardCharsets.UTF_8)));
        ValidationResult result = calendar.validate();
        assertThat(result.hasErrors()).as("validation: %s", result).isFalse();
        return calendar;
    }

    private static Map<String, VEvent> byUid(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return events.stream().collect(Collectors.toMap(e -> value(e, Property.UID), Function.identity(),
                (a, b) -> { throw new AssertionError("duplicate UID " + value(a, Property.UID)); },
                java.util.LinkedHashMap::new));
    }

    private static String value(VEvent e, String property) {
        return e.getProperty(property).map(p -> ((Property) p).getValue())
                .orElseThrow(() -> new AssertionError("no " + property));
    }

    private static void assertAllDay(Map<String, VEvent> events, String uid, String start, String endExclusive) {
        VEvent e = events.get(uid);
        assertThat(e).as(uid).isNotNull();
        for (String name : List.of(Property.DTSTART, Property.DTEND)) {
            Property p = (Property) e.getProperty(name).orElseThrow();
            assertThat(p.getParameter(Parameter.VALUE).map(v -> ((Parameter) v).getValue())).as("%s %s", uid, name)
                    .contains("DATE");
        }
        assertThat(value(e, Property.DTSTART)).as("%s DTSTART", uid).isEqualTo(start);
        assertThat(value(e, Property.DTEND)).as("%s DTEND", uid).isEqualTo(endExclusive);
    }

    @Test
    void shouldParseWithIcal4jAndHaveOneEventPerPublishedEvent() throws Exception {
        Calendar calendar = parse(fetch(FIXTURE));
        assertThat(calendar.getProperty(Property.VERSION).map(p -> ((Property) p).getValue())).contains("2.0");
        assertThat(calendar.getProperty(Property.PRODID)).isPresent();
        assertThat(calendar.getProperty("X-WR-CALNAME").map(p -> ((Property) p).getValue())).contains("Precision fixture");
        Map<String, VEvent> events = byUid(calendar);
        List<String> ids = FeedFixtures.publishedIds(FIXTURE);
        assertThat(events.keySet()).containsExactlyElementsOf(ids.stream().map(id -> id + "@precision-fixture.tradeline").toList())
                .doesNotContain("draft-event@precision-fixture.tradeline");
    }

    @Test
    void shouldCoverTheWholePeriodOfEachPrecision() throws Exception {
        Map<String, VEvent> events = byUid(parse(fetch(FIXTURE)));
        assertAllDay(events, "year-only@precision-fixture.tradeline", "20220101", "20230101");
        assertAllDay(events, "month-only@precision-fixture.tradeline", "20240901", "20241001");
        assertAllDay(events, "day-span@precision-fixture.tradeline", "20240831", "20240919");
        assertAllDay(events, "same-month-span@precision-fixture.tradeline", "20241002", "20241019");
        assertAllDay(events, "month-span@precision-fixture.tradeline", "20241101", "20250301");
        assertAllDay(events, "hostile-text@precision-fixture.tradeline", "20250301", "20250302");

        Map<String, VEvent> seeded = byUid(parse(fetch(SEEDED)));
        assertAllDay(seeded, "biden-blocks-acquisition@nippon-steel-us-steel.tradeline", "20250103", "20250104");
        assertAllDay(seeded, "cfius-review-period@nippon-steel-us-steel.tradeline", "20240314", "20241224");
    }

    @Test
    void shouldCarryTextUrlCategoryAndStamp() throws Exception {
        Map<String, VEvent> events = byUid(parse(fetch(FIXTURE)));
        var timeline = FeedFixtures.timeline(FIXTURE);

        VEvent month = events.get("month-only@precision-fixture.tradeline");
        assertThat(value(month, Property.SUMMARY)).isEqualTo("A September event");
        assertThat(value(month, Property.DESCRIPTION))
                .startsWith("Only the month is known.\nA second paragraph with a \"link\" (https://example.org/fixture).")
                .contains("\n\nSources:\n- Fixture Wire: A month-precision source <https://example.org/month>");
        assertThat(value(month, Property.URL)).isEqualTo(timeline.getString("events.find { it.id == 'month-only' }.url"));
        assertThat(value(month, Property.CATEGORIES)).isEqualTo("Tariff or trade measure");
        String updated = timeline.getString("events.find { it.id == 'month-only' }.updatedAt");
        assertThat(value(month, Property.DTSTAMP)).isEqualTo(ICalendarFeed.utc(java.time.Instant.parse(updated)));

        VEvent hostile = events.get("hostile-text@precision-fixture.tradeline");
        assertThat(value(hostile, Property.SUMMARY)).isEqualTo(HOSTILE_HEADLINE);
        assertThat(value(hostile, Property.DESCRIPTION)).startsWith("Raw <b>HTML</b> <script>alert(2)</script> stays text.")
                .contains("- <i>Publisher</i>: Title with <tags> <https://example.org/hostile?a=1&b=2>");

        VEvent span = events.get("day-span@precision-fixture.tradeline");
        assertThat(value(span, Property.DESCRIPTION)).contains("- Fixture Wire: A span source, Sept. 18, 2024 <https://example.org/span>");
    }

    @Test
    void shouldUseCrlfAndFoldEveryLineAt75Octets() {
        for (String slug : List.of(FIXTURE, SEEDED)) {
            byte[] ics = fetch(slug);
            String text = new String(ics, StandardCharsets.UTF_8);
            assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
            assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
            String[] lines = text.split("\r\n");
            assertThat(lines.length).isGreaterThan(20);
            int folded = 0;
            for (String line : lines) {
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of %s", line).isLessThanOrEqualTo(75);
                if (line.startsWith(" ")) {
                    folded++;
                }
            }
            assertThat(folded).as("long descriptions are folded").isPositive();
            // No UTF-8 character was split: the bytes decode back without replacement characters.
            assertThat(text).doesNotContain("\uFFFD");
        }
    }

    @Test
    void shouldKeepUidsStableAcrossRequests() throws Exception {
        List<String> first = List.copyOf(byUid(parse(fetch(SEEDED))).keySet());
        List<String> second = List.copyOf(byUid(parse(fetch(SEEDED))).keySet());
        assertThat(first).isEqualTo(second).hasSize(FeedFixtures.publishedIds(SEEDED).size())
                .contains("biden-blocks-acquisition@nippon-steel-us-steel.tradeline");
    }

    @Test
    void shouldAnswer404ForAnUnknownOrDraftTimeline() {
        given().get("/timelines/no-such-timeline/calendar.ics").then().statusCode(404);
        given().get("/timelines/" + FeedFixtures.DRAFT_TIMELINE + "/calendar.ics").then().statusCode(404);
    }
}
