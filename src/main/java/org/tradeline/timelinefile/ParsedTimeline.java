package org.tradeline.timelinefile;

import java.time.LocalDate;
import java.util.List;
import org.tradeline.event.Category;
import org.tradeline.event.Importance;
import org.tradeline.event.Precision;
import org.tradeline.timeline.PublicationStatus;

/** A timeline file that passed every check, with typed values and a hash of each part. */
public record ParsedTimeline(String slug, String title, String summary, PublicationStatus status,
        List<TimelineFile.ActorEntry> actors, List<ParsedEvent> events) {

    public record ParsedEvent(String slug, LocalDate date, LocalDate end, Precision precision, String headline,
            Category category, Importance importance, PublicationStatus status, List<String> actors, String body,
            List<ParsedSource> sources) {
    }

    public record ParsedSource(String publisher, String title, LocalDate date, String url) {
    }
}
