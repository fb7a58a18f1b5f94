package org.tradeline.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tradeline.event.DisplayDate;
import org.tradeline.event.EventInput;
import org.tradeline.web.NotFound;
import org.tradeline.timeline.Timeline;
import org.tradeline.timeline.TimelineInput;
import org.tradeline.timeline.TimelineSnapshot.EventView;
import org.tradeline.timeline.TimelineSnapshots;

/** What the editors' pages show; drafts included. */
@ApplicationScoped
public class EditorQueries {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final EditorService service;

    EditorQueries(EditorService service) {
        this.service = service;
    }

    public record TimelineRow(String slug, String title, String status, int eventCount, long draftCount, String updated) {
    }

    public record EventRow(String id, String date, String headline, String category, String status, String importance,
            boolean published) {
    }

    public record HistoryEntry(String action, String author, String whenIso, String when, List<Change> changes, String note) {
    }

    @Transactional
    public List<TimelineRow> timelines() {
        return Timeline.<Timeline>listAll(io.quarkus.panache.common.Sort.by("title")).stream()
                .map(t -> new TimelineRow(t.slug, t.title, t.status.code(), t.events.size(),
                        t.events.stream().filter(e -> !e.isPublished()).count(),
                        WHEN.format(t.updatedAt.atOffset(ZoneOffset.UTC))))
                .toList();
    }

    @Transactional
    public TimelineRow timeline(String slug) {
        Timeline t = service.timeline(slug);
        return new TimelineRow(t.slug, t.title, t.status.code(), t.events.size(),
                t.events.stream().filter(e -> !e.isPublished()).count(), WHEN.format(t.updatedAt.atOffset(ZoneOffset.UTC)));
    }

    @Transactional
    public List<EventRow> events(String slug) {
        return service.timeline(slug).events.stream()
                .map(e -> new EventRow(e.slug, DisplayDate.of(e.startDate, e.endDate, e.datePrecision).text(), e.headline,
                        e.category.label(), e.status.code(), e.importance.code(), e.isPublished()))
                .toList();
    }

    @Transactional
    public List<org.tradeline.timeline.TimelineSnapshot.ActorView> actors(String slug) {
        return service.timeline(slug).actors.stream()
                .map(a -> new org.tradeline.timeline.TimelineSnapshot.ActorView(a.slug, a.name)).toList();
    }

    @Transactional
    public TimelineInput timelineInput(String slug) {
        return Forms.timeline(service.timeline(slug));
    }

    @Transactional
    public EventInput eventInput(String slug, String id) {
        return Forms.event(service.event(slug, id));
    }

    @Transactional
    public String headline(String slug, String id) {
        Timeline t = service.timeline(slug);
        return t.event(id).map(e -> e.headline).orElseGet(() -> {
            if (Revision.count("timeline = ?1 and eventSlug = ?2", t, id) == 0) {
                throw new NotFound("The timeline has no event \u201c" + id + "\u201d.");
            }
            return id + " (deleted)";
        });
    }

    @Transactional
    public EventView preview(String slug, String id) {
        return TimelineSnapshots.preview(service.event(slug, id));
    }

    @Transactional
    public List<HistoryEntry> history(String slug, String id) {
        headline(slug, id);
        return service.history(slug, id).stream()
                .map(r -> new HistoryEntry(r.action, r.author, r.changedAt.toString(),
                        WHEN.format(r.changedAt.atOffset(ZoneOffset.UTC)), Change.fromJson(r.changes), r.updateNote))
                .toList();
    }
}
