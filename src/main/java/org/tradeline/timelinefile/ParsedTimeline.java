package org.tradeline.timelinefile;

import java.util.List;
import org.tradeline.event.ValidEvent;
import org.tradeline.timeline.PublicationStatus;

/** A timeline file that passed every check, with typed values; {@code updated} is null when the file has none. */
public record ParsedTimeline(String slug, String title, String summary, PublicationStatus status, java.time.Instant updated,
        List<TimelineFile.ActorEntry> actors, List<ValidEvent> events) {
}
