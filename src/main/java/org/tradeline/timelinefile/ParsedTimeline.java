package org.tradeline.timelinefile;

import java.util.List;
import org.tradeline.event.ValidEvent;
import org.tradeline.timeline.PublicationStatus;

/** A timeline file that passed every check, with typed values. */
public record ParsedTimeline(String slug, String title, String summary, PublicationStatus status,
        List<TimelineFile.ActorEntry> actors, List<ValidEvent> events) {
}
