package org.tradeline.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.tradeline.web.Links;
import org.tradeline.web.Page;
import org.tradeline.timeline.TimelineSnapshot.ActorView;
import org.tradeline.timeline.TimelineSnapshot.EventView;
import org.tradeline.timeline.TimelineSnapshot.SourceView;

/** The read API's JSON shapes and the one mapping from snapshots to them. */
final class TimelineJson {

    private TimelineJson() {
    }

    record TimelineList(List<TimelineSummary> timelines) {
    }

    record TimelineSummary(String slug, String title, String summary, Instant updatedAt, int eventCount,
            Map<String, String> links) {
    }

    record TimelineDetail(String slug, String title, String summary, Instant createdAt, Instant updatedAt, int version,
            int eventCount,
            List<ActorView> actors, List<EventJson> events, List<UpdateJson> updates, Map<String, String> links) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UpdateJson(Instant at, String note, String event, String eventUrl) {
    }

    record EventPage(int page, int size, int total, int totalPages, Map<String, String> filters, List<EventJson> events,
            Map<String, String> links) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventJson(String id, LocalDate date, String precision, LocalDate endDate, String displayDate, String headline,
            String body, String bodyHtml, String category, String categoryLabel, String importance, List<ActorView> actors,
            List<SourceJson> sources, Instant updatedAt, int version, String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SourceJson(String publisher, String title, LocalDate date, String url) {
    }

    static TimelineSummary summary(TimelineSnapshot t, String base) {
        return new TimelineSummary(t.slug(), t.title(), t.summary(), t.updatedAt(), t.events().size(), links(t, base));
    }

    static TimelineDetail detail(TimelineSnapshot t, String base) {
        return detail(t, base, lazy(t.events(), e -> event(t.slug(), e, base)));
    }

    /** The timeline's detail with {@code events} in place of its events (see {@link TimelineJsonBody}). */
    static TimelineDetail detail(TimelineSnapshot t, String base, List<EventJson> events) {
        return new TimelineDetail(t.slug(), t.title(), t.summary(), t.createdAt(), t.updatedAt(), t.version(), t.events().size(),
                t.actors(), events,
                t.updates().stream().map(u -> new UpdateJson(u.at(), u.note(), u.eventId(),
                        u.eventId() == null ? null : base + Links.eventPath(t.slug(), u.eventId()))).toList(),
                links(t, base));
    }

    /** Maps on demand (Jackson writes one element at a time), so a big timeline's JSON streams. */
    static <A, B> List<B> lazy(List<A> list, java.util.function.Function<A, B> f) {
        return new java.util.AbstractList<>() {
            @Override
            public B get(int index) {
                return f.apply(list.get(index));
            }

            @Override
            public int size() {
                return list.size();
            }
        };
    }

    static EventPage page(TimelineSnapshot t, Page<EventView> page, Map<String, String> filters, String query, String base) {
        String self = base + Links.apiTimelinePath(t.slug()) + "/events?" + (query.isEmpty() ? "" : query + "&")
                + "size=" + page.size() + "&page=";
        Map<String, String> links = new java.util.LinkedHashMap<>();
        links.put("self", self + page.number());
        links.put("first", self + 1);
        links.put("last", self + page.totalPages());
        if (page.hasPrevious()) {
            links.put("prev", self + (page.number() - 1));
        }
        if (page.hasNext()) {
            links.put("next", self + (page.number() + 1));
        }
        links.put("timeline", base + Links.apiTimelinePath(t.slug()));
        return new EventPage(page.number(), page.size(), page.total(), page.totalPages(), filters,
                page.items().stream().map(e -> event(t.slug(), e, base)).toList(), links);
    }

    static EventJson event(String slug, EventView e, String base) {
        return new EventJson(e.id(), e.date(), e.precision().code(), e.endDate(), e.displayDate().text(), e.headline(),
                e.body(), e.bodyHtml(), e.category().code(), e.category().label(), e.importance().code(), e.actors(),
                e.sources().stream().map(s -> source(s)).toList(), e.updatedAt(), e.version(), base + Links.eventPath(slug, e.id()));
    }

    private static SourceJson source(SourceView s) {
        return new SourceJson(s.publisher(), s.title(), s.date(), s.url());
    }

    private static Map<String, String> links(TimelineSnapshot t, String base) {
        Map<String, String> links = new java.util.LinkedHashMap<>();
        links.put("self", base + Links.apiTimelinePath(t.slug()));
        links.put("html", base + Links.timelinePath(t.slug()));
        links.put("events", base + Links.apiTimelinePath(t.slug()) + "/events");
        return links;
    }
}
