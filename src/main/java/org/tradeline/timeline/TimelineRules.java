package org.tradeline.timeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tradeline.event.Limits;
import org.tradeline.config.Coded;

/** The one set of rules for a timeline's own fields and actors (forms, API and files). */
public final class TimelineRules {

    private TimelineRules() {
    }

    /** A timeline that passed the rules. */
    public record ValidTimeline(String slug, String title, String summary, PublicationStatus status,
            List<ValidActor> actors) {
    }

    public record ValidActor(String id, String name, List<String> aliases) {
    }

    /** Aliases an actor may have; each is a name of at most {@link Limits#ACTOR_NAME} characters. */
    public static final int ALIASES_PER_ACTOR = 20;

    public record Checked(ValidTimeline timeline, Map<String, String> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    public static Checked check(TimelineInput in) {
        Map<String, String> errors = new LinkedHashMap<>();
        String slug = trim(in.slug());
        if (slug == null) {
            errors.put("slug", "Enter the timeline's web name, e.g. nippon-steel-us-steel.");
        } else if (!Limits.isSlug(slug)) {
            errors.put("slug", "Use lower-case letters, digits and single hyphens, at most " + Limits.SLUG_LENGTH + " characters.");
        }
        String title = trim(in.title());
        if (title == null) {
            errors.put("title", "Enter a title.");
        } else if (title.length() > Limits.TIMELINE_TITLE) {
            errors.put("title", "Keep the title to " + Limits.TIMELINE_TITLE + " characters (it has " + title.length() + ").");
        } else if (Limits.badCharacter(title) != null) {
            errors.put("title", Limits.badCharacter(title));
        }
        String summary = trim(in.summary());
        if (summary != null && summary.length() > Limits.SUMMARY) {
            errors.put("summary", "Keep the summary to " + Limits.SUMMARY + " characters (it has " + summary.length() + ").");
        } else if (Limits.badCharacter(summary) != null) {
            errors.put("summary", Limits.badCharacter(summary));
        }
        PublicationStatus status = PublicationStatus.PUBLISHED;
        String statusText = trim(in.status());
        if (statusText != null) {
            status = Coded.byCode(PublicationStatus.class, statusText).orElse(null);
            if (status == null) {
                errors.put("status", "Choose draft or published.");
            }
        }
        List<ValidActor> actors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<TimelineInput.ActorInput> given = in.actorsOrEmpty();
        for (int i = 0; i < given.size(); i++) {
            TimelineInput.ActorInput a = given.get(i);
            if (a == null || a.isBlank()) {
                continue;
            }
            String key = "actors[" + i + "].";
            String id = trim(a.id());
            String name = trim(a.name());
            if (id == null) {
                errors.put(key + "id", "Enter the actor's id, e.g. nippon-steel.");
            } else if (!Limits.isSlug(id)) {
                errors.put(key + "id", "Use lower-case letters, digits and single hyphens.");
            } else if (!ids.add(id)) {
                errors.put(key + "id", "\u201c" + id + "\u201d is defined twice.");
            }
            if (name == null) {
                errors.put(key + "name", "Enter the actor's name.");
            } else if (name.length() > Limits.ACTOR_NAME) {
                errors.put(key + "name", "Keep the name to " + Limits.ACTOR_NAME + " characters.");
            } else if (Limits.badCharacter(name) != null) {
                errors.put(key + "name", Limits.badCharacter(name));
            }
            List<String> aliases = new ArrayList<>();
            for (String alias : a.aliasesOrEmpty()) {
                String x = trim(alias);
                if (x == null || aliases.contains(x)) {
                    continue;
                }
                if (x.length() > Limits.ACTOR_NAME) {
                    errors.put(key + "aliases", "Keep each alias to " + Limits.ACTOR_NAME + " characters.");
                } else if (Limits.badCharacter(x) != null) {
                    errors.put(key + "aliases", Limits.badCharacter(x));
                }
                aliases.add(x);
            }
            if (aliases.size() > ALIASES_PER_ACTOR) {
                errors.put(key + "aliases", "An actor can have at most " + ALIASES_PER_ACTOR + " aliases.");
            }
            actors.add(new ValidActor(id, name, List.copyOf(aliases)));
        }
        if (actors.size() > Limits.ACTORS_PER_TIMELINE) {
            errors.put("actors", "A timeline can have at most " + Limits.ACTORS_PER_TIMELINE + " actors.");
        }
        String note = trim(in.updateNote());
        if (note != null && note.length() > org.tradeline.event.EventRules.UPDATE_NOTE) {
            errors.put("updateNote", "Keep the note to " + org.tradeline.event.EventRules.UPDATE_NOTE + " characters.");
        } else if (Limits.badCharacter(note) != null) {
            errors.put("updateNote", Limits.badCharacter(note));
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new ValidTimeline(slug, title, summary == null ? "" : summary, status, List.copyOf(actors)), Map.of());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
