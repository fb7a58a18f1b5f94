package org.tradeline.extract.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.tradeline.event.Category;

/**
 * What the extractor knows of the timeline an article is read for: its actors (with the
 * aliases editors gave them) and its events, drafts included, to suggest actors and to warn
 * when a candidate is already on the timeline.
 */
public record TimelineFacts(List<ActorFacts> actors, List<EventFacts> events) {

    public static final TimelineFacts NONE = new TimelineFacts(List.of(), List.of());

    public record ActorFacts(String id, String name, List<String> aliases) {
    }

    /** An event's period as whole days ({@code first} to {@code last}), its words and its actors. */
    public record EventFacts(String id, LocalDate first, LocalDate last, String headline, String body, Category category,
            Set<String> actors) {
    }
}
