package org.tradeline.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import org.tradeline.event.Precision;
import org.tradeline.web.Links;
import org.tradeline.timeline.TimelineSnapshot;
import org.tradeline.timeline.TimelineSnapshot.EventView;

/**
 * Maps a timeline to Knight Lab's TimelineJS3 JSON format, so that {@code new TL.Timeline(el, url)}
 * renders it as is. TimelineJS inserts headlines and text as HTML, so every editor-typed value is
 * HTML-escaped here; the body is the Markdown-rendered HTML (raw HTML already escaped).
 */
final class TimelineJsExport {

    private TimelineJsExport() {
    }

    record TimelineJs(Slide title, List<Slide> events) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Slide(
            @JsonProperty("start_date") DateJs startDate,
            @JsonProperty("end_date") DateJs endDate,
            Text text,
            String group,
            @JsonProperty("display_date") String displayDate,
            @JsonProperty("unique_id") String uniqueId) {
    }

    record Text(String headline, String text) {
    }

    /** A TimelineJS date: the year always, the month and day only when the precision has them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DateJs(int year, Integer month, Integer day) {

        static DateJs of(LocalDate date, Precision precision) {
            return switch (precision) {
                case DAY -> new DateJs(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
                case MONTH -> new DateJs(date.getYear(), date.getMonthValue(), null);
                case YEAR -> new DateJs(date.getYear(), null, null);
            };
        }
    }

    static TimelineJs of(TimelineSnapshot t, String base) {
        String intro = "<p>" + FeedText.html(t.summary()) + "</p>\n<p><a href=\"" + FeedText.html(base + Links.timelinePath(t.slug()))
                + "\">" + FeedText.html(t.title()) + "</a></p>";
        Slide title = new Slide(null, null, new Text(FeedText.html(t.title()), intro), null, null, null);
        // A view, not a copy: Jackson writes one slide at a time, so a big timeline streams.
        List<EventView> events = t.events();
        return new TimelineJs(title, new java.util.AbstractList<Slide>() {
            @Override
            public Slide get(int index) {
                return slide(events.get(index));
            }

            @Override
            public int size() {
                return events.size();
            }
        });
    }

    static Slide slide(EventView e) {
        return new Slide(
                DateJs.of(e.date(), e.precision()),
                e.endDate() == null ? null : DateJs.of(e.endDate(), e.precision()),
                new Text(FeedText.html(e.headline()), FeedText.bodyWithSourcesHtml(e)),
                FeedText.html(e.category().label()),
                FeedText.html(e.displayDate().text()),
                e.id());
    }
}
