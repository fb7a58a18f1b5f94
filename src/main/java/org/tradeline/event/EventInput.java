package org.tradeline.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * An event as an editor submits it, from the form or the write API; checked by
 * {@link EventRules} before anything is stored. Dates are text so that a bad one can be shown back.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record EventInput(String id, String date, String precision, String endDate, String headline, String body,
        String category, List<String> actors, List<SourceInput> sources, String importance, String status,
        String updateNote, Integer version) {

    public record SourceInput(String title, String publisher, String date, String url) {

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isBlank() {
            return blank(title) && blank(publisher) && blank(date) && blank(url);
        }
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public List<String> actorsOrEmpty() {
        return actors == null ? List.of() : actors;
    }

    public List<SourceInput> sourcesOrEmpty() {
        return sources == null ? List.of() : sources;
    }
}
