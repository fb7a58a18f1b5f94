package org.tradeline.timelinefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code timelines/*.yaml} format: a timeline with its actors (defined once, referenced by
 * id) and its events with their sources. Dates are written at their precision: 2024-09-18
 * (day), 2024-09 (month) or 2024 (year). {@code updated}, optional, is when the published content
 * last changed (2025-09-04, or an instant such as 2025-09-04T10:15:30Z). See README.md, "Timeline files".
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"slug", "title", "summary", "status", "updated", "actors", "events"})
public record TimelineFile(String slug, String title, String summary, String status, String updated,
        List<ActorEntry> actors, List<EventEntry> events) {

    /** An actor; {@code aliases} (other names in the news) is left out of the file when there are none. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"id", "name", "aliases"})
    public record ActorEntry(String id, String name, List<String> aliases) {

        public ActorEntry(String id, String name) {
            this(id, name, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"id", "date", "end", "headline", "category", "importance", "status", "actors", "body", "sources"})
    public record EventEntry(String id, String date, String end, String headline, String category, String importance,
            String status, List<String> actors, String body, List<SourceEntry> sources) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"publisher", "title", "date", "url"})
    public record SourceEntry(String publisher, String title, String date, String url) {
    }
}
