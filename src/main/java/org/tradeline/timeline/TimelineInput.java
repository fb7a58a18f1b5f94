package org.tradeline.timeline;

import java.util.List;

/** A timeline as an editor submits it (form or API); checked by {@link TimelineRules}. */
public record TimelineInput(String slug, String title, String summary, String status, List<ActorInput> actors,
        String updateNote, Integer version) {

    /** An actor: its id, display name and other names it goes by in the news (optional). */
    public record ActorInput(String id, String name, List<String> aliases) {

        public ActorInput(String id, String name) {
            this(id, name, null);
        }

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isBlank() {
            return (id == null || id.isBlank()) && (name == null || name.isBlank())
                    && (aliases == null || aliases.stream().allMatch(a -> a == null || a.isBlank()));
        }

        public List<String> aliasesOrEmpty() {
            return aliases == null ? List.of() : aliases;
        }
    }

    public List<ActorInput> actorsOrEmpty() {
        return actors == null ? List.of() : actors;
    }
}
