package org.tradeline.visual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.tradeline.event.Category;
import org.tradeline.event.DisplayDate;
import org.tradeline.event.Importance;
import org.tradeline.event.Precision;
import org.tradeline.timeline.TimelineSnapshot.EventView;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The overview's layout and SVG on generated timelines, up to 10,000 events. */
class OverviewTest {

    static EventView event(String id, LocalDate date, LocalDate end, Precision precision, Category category, Importance importance,
            String headline) {
        return new EventView(id, date, end, precision, DisplayDate.of(date, end, precision), headline, "", "", "", category,
                importance, List.of(), List.of(), Instant.EPOCH, 1, headline.toLowerCase());
    }

    /** Like bench/generate.py: 35 years, day, month and year precision, a few spans, a third of them key events. */
    static List<EventView> generated(int n) {
        Random rng = new Random(42);
        List<EventView> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int year = 1990 + i * 35 / n;
            LocalDate day = LocalDate.of(year, 1 + rng.nextInt(12), 1 + rng.nextInt(28));
            double kind = rng.nextDouble();
            Category c = Category.values()[rng.nextInt(Category.values().length)];
            Importance imp = rng.nextDouble() < 0.3 ? Importance.MAJOR : Importance.MINOR;
            String headline = "Generated event number " + i + " about steel tariffs and a review";
            if (kind < 0.05) {
                events.add(event("e" + i, LocalDate.of(year, 1, 1), null, Precision.YEAR, c, imp, headline));
            } else if (kind < 0.15) {
                events.add(event("e" + i, day.withDayOfMonth(1), null, Precision.MONTH, c, imp, headline));
            } else if (kind < 0.20) {
                events.add(event("e" + i, day, day.withDayOfMonth(28), Precision.DAY, c, imp, headline));
            } else {
                events.add(event("e" + i, day, null, Precision.DAY, c, imp, headline));
            }
        }
        events.sort(Comparator.comparing(EventView::date));
        return events;
    }

    static String svg(List<EventView> events) {
        return Overview.svg(events, e -> true, (e, shown) -> "#" + e.id(), false);
    }

    @Test
    void tenThousandEventsAreUnder60KbAsBinsWithCounts() throws Exception {
        // How long it takes is measured by bench/visual.sh (bench/OverviewBench.java), not here: the
        // machine's cores are shared, and a timed test would measure the neighbours.
        List<EventView> events = generated(10_000);
        String first = svg(events);
        assertThat(first.getBytes(StandardCharsets.UTF_8).length).isLessThan(60 * 1024);

        Overview.Layout layout = Overview.layout(events, e -> true, (e, shown) -> "#" + e.id());
        assertThat(layout.bins()).isNotEmpty();
        assertThat(layout.marks().size() + layout.bins().stream().mapToInt(b -> b.events().size()).sum())
                .as("every event is a mark or in a bin").isEqualTo(events.size());
        Document doc = parse(first);
        assertThat(doc.getElementsByTagName("a").getLength()).isEqualTo(layout.marks().size() + layout.bins().size());
    }

    @Test
    void everySizeLaysOutWithoutOverlapAndEveryEventDrawnOnce() throws Exception {
        for (int n : new int[] {1, 2, 7, 28, 60, 250, 1000}) {
            List<EventView> events = generated(n);
            Overview.Layout layout = Overview.layout(events, e -> true, (e, shown) -> "#" + e.id());
            assertThat(layout.marks().size() + layout.bins().stream().mapToInt(b -> b.events().size()).sum()).isEqualTo(n);
            assertNoLabelsOverlap(layout);
            assertNoMarksOverlap(layout);
            parse(Overview.render(layout, false));
        }
    }

    @Test
    void barsCoverTheirPeriodAndMonthsAndYearsAreBars() {
        List<EventView> events = List.of(
                event("a", LocalDate.of(2024, 1, 10), null, Precision.DAY, Category.DEAL, Importance.MAJOR, "A day"),
                event("b", LocalDate.of(2024, 3, 14), LocalDate.of(2024, 12, 23), Precision.DAY, Category.REGULATORY_REVIEW,
                        Importance.MINOR, "A span"),
                event("c", LocalDate.of(2024, 9, 1), null, Precision.MONTH, Category.LITIGATION, Importance.MINOR, "A month"),
                event("d", LocalDate.of(2025, 1, 1), null, Precision.YEAR, Category.DIPLOMACY, Importance.MINOR, "A year"));
        Overview.Layout layout = Overview.layout(events, e -> true, (e, shown) -> "#" + e.id());
        long days = ChronoUnit.DAYS.between(layout.from(), layout.to()) + 1;
        for (Overview.Mark m : layout.marks()) {
            EventView e = m.event();
            assertThat(m.bar()).as(e.id()).isEqualTo(!e.id().equals("a"));
            double expected = m.bar() ? 96.0 * (ChronoUnit.DAYS.between(e.coversFrom(), e.coversTo()) + 1) / days : 0;
            assertThat(m.x2() - m.x1()).as("width of %s", e.id()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.15));
        }
    }

    @Test
    void filteredOutEventsAreFadedNotDropped() {
        List<EventView> events = generated(28);
        Overview.Layout layout = Overview.layout(events, e -> e.category() == Category.DEAL, (e, shown) -> shown ? "#" + e.id() : "/x");
        assertThat(layout.marks()).allSatisfy(m -> {
            assertThat(m.faded()).isEqualTo(m.event().category() != Category.DEAL);
            assertThat(m.href()).isEqualTo(m.faded() ? "/x" : "#" + m.event().id());
        });
        assertThat(layout.labels()).allSatisfy(l -> assertThat(l.mark().faded()).isFalse());
    }

    @Test
    void labelsAreShortHeadlines() {
        assertThat(Overview.shortLabel("Biden blocks Nippon Steel's acquisition of U.S. Steel")).isEqualTo("Biden blocks Nippon Steel's\u2026");
        assertThat(Overview.shortLabel("In Tokyo, Blinken praises U.S.-Japan ties but avoids the blocked deal"))
                .startsWith("Blinken praises").endsWith("\u2026");
        assertThat(Overview.shortLabel("CFIUS's national-security review")).isEqualTo("CFIUS's national-security\u2026");
        assertThat(Overview.shortLabel("Deal closes")).isEqualTo("Deal closes");
    }

    static void assertNoLabelsOverlap(Overview.Layout layout) {
        for (int width : new int[] {Overview.NARROW, Overview.WIDE, 928}) {
            List<Overview.Label> visible = layout.labels().stream().filter(l -> width >= Overview.WIDE || !l.wideOnly()).toList();
            for (Overview.Label a : visible) {
                double[] box = Overview.box(a, width);
                assertThat(box[0]).isGreaterThanOrEqualTo(0);
                assertThat(box[1]).isLessThanOrEqualTo(width);
                for (Overview.Label b : visible) {
                    if (a != b) {
                        assertThat(Overview.overlap(a, b, width)).as("%s and %s at %d px", a.text(), b.text(), width).isFalse();
                    }
                }
            }
        }
    }

    static void assertNoMarksOverlap(Overview.Layout layout) {
        List<Overview.Mark> points = layout.marks().stream().filter(m -> !m.bar()).toList();
        for (Overview.Mark a : points) {
            for (Overview.Mark b : points) {
                if (a != b && a.lane() == b.lane()) {
                    assertThat(Math.abs(a.x1() - b.x1()) * Overview.NARROW / 100).as("%s and %s", a.event().id(), b.event().id())
                            .isGreaterThanOrEqualTo(2 * Overview.RADIUS + 0.5);
                }
            }
        }
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }
}
