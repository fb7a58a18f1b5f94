package org.tradeline.timeline;

import java.util.List;

/** A timeline as an editor submits it (form or API); checked by {@link TimelineRules}. */
public record TimelineInput(String slug, String title, String summary, String status, List<ActorInput> actors,
        String updateNote, Integer version) {

    public record ActorInput(String id, String name) {

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isBlank() {
            return (id == null || id.isBlank()) && (name == null || name.isBlank());
        }
    }

    public List<ActorInput> actorsOrEmpty() {
        return actors == null ? List.of() : actors;
    }
}
