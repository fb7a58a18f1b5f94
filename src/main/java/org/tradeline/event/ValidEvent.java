package org.tradeline.event;

import java.time.LocalDate;
import java.util.List;
import org.tradeline.timeline.PublicationStatus;

/** An event that passed {@link EventRules}: typed, normalised, ready to store. */
public record ValidEvent(String slug, LocalDate date, LocalDate end, Precision precision, String headline,
        Category category, Importance importance, PublicationStatus status, List<String> actors, String body,
        List<ValidSource> sources) {

    public record ValidSource(String publisher, String title, LocalDate date, String url) {
    }
}
