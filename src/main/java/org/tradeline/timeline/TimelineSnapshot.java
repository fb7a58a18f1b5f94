package org.tradeline.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tradeline.event.Category;
import org.tradeline.event.DisplayDate;
import org.tradeline.event.Importance;
import org.tradeline.event.Precision;

/**
 * What readers see of one timeline at one content revision: immutable, built once and shared
 * by every page, JSON response and export until the next write bumps the revision.
 * {@code updatedAt} is when readers' content last changed (the timeline's {@code contentUpdatedAt}).
 */
public record TimelineSnapshot(
        String slug,
        String title,
        String summary,
        PublicationStatus status,
        Instant createdAt,
        Instant updatedAt,
        long contentRev,
        int version,
        List<ActorView> actors,
        List<EventView> events,
        Map<String, EventView> eventsById,
        List<UpdateView> updates) implements org.tradeline.cache.Versioned {

    public boolean isPublished() {
        return status == PublicationStatus.PUBLISHED;
    }

    /** When readers' content last changed, as an ISO instant for {@code <time datetime>}. */
    public String updatedIso() {
        return updatedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** When readers' content last changed, as a reader writes it ("Jan. 3, 2025"). */
    public String updatedText() {
        return DisplayDate.single(updatedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate(), Precision.DAY);
    }

    public int eventCount() {
        return events.size();
    }

    public Optional<EventView> event(String id) {
        return Optional.ofNullable(eventsById.get(id));
    }

    public boolean hasActor(String id) {
        return actors.stream().anyMatch(a -> a.id().equals(id));
    }

    /** Categories that occur in this timeline, in the order of {@link Category}. */
    public List<Category> categoriesInUse() {
        return java.util.Arrays.stream(Category.values())
                .filter(c -> events.stream().anyMatch(e -> e.category() == c))
                .toList();
    }

    public record ActorView(String id, String name) {
    }

    /** A public update note: "Updates with Blinken's remarks", with when and, if still published, which event. */
    public record UpdateView(Instant at, String dateIso, String dateText, String note, String eventId, String eventHeadline) {
    }

    public record SourceView(String publisher, String title, LocalDate date, String displayDate, String url) {

        public String dateIso() {
            return date == null ? null : date.toString();
        }
    }

    public record EventView(
            String id,
            LocalDate date,
            LocalDate endDate,
            Precision precision,
            DisplayDate displayDate,
            String headline,
            String body,
            String bodyHtml,
            String bodyText,
            Category category,
            Importance importance,
            List<ActorView> actors,
            List<SourceView> sources,
            Instant updatedAt,
            int version,
            /** Lower-cased headline, body, actors and sources, for the text filter. */
            String searchText) {

        /** First day this event covers (a month-precision date covers the whole month). */
        public LocalDate coversFrom() {
            return precision.first(date);
        }

        /** Last day this event covers. */
        public LocalDate coversTo() {
            return precision.last(endDate == null ? date : endDate);
        }

        public int year() {
            return date.getYear();
        }

        public boolean involves(String actorId) {
            return actors.stream().anyMatch(a -> a.id().equals(actorId));
        }
    }
}
