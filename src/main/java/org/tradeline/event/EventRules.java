package org.tradeline.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.tradeline.event.Precision.PreciseDate;
import org.tradeline.event.ValidEvent.ValidSource;
import org.tradeline.config.Coded;
import org.tradeline.timeline.PublicationStatus;

/**
 * The one set of rules for an event, used by the editors' form, the write API and the timeline
 * files. Each problem is keyed by its field ({@code headline}, {@code sources[1].url} …) with a
 * message a person can act on.
 */
public final class EventRules {

    public static final int UPDATE_NOTE = 300;

    private EventRules() {
    }

    /** The checked event, or the problems (never both). */
    public record Checked(ValidEvent event, Map<String, String> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /**
     * @param actorExists tells whether an actor id belongs to the timeline
     * @param slugRequired whether the id must be given (files) or may be derived from the headline (forms)
     */
    public static Checked check(EventInput in, Predicate<String> actorExists, boolean slugRequired) {
        Map<String, String> errors = new LinkedHashMap<>();
        String slug = trim(in.id());
        if (slug == null && slugRequired) {
            errors.put("id", "Enter an id for the event (used in its web address).");
        } else if (slug != null && !Limits.isSlug(slug)) {
            errors.put("id", "Use lower-case letters, digits and single hyphens, at most " + Limits.SLUG_LENGTH + " characters.");
        }
        String headline = text(errors, "headline", in.headline(), Limits.HEADLINE, "Enter a headline.");

        Precision precision = null;
        String precisionText = trim(in.precision());
        if (precisionText != null) {
            precision = Coded.byCode(Precision.class, precisionText).orElse(null);
            if (precision == null) {
                errors.put("precision", "Choose day, month or year.");
            }
        }
        PreciseDate start = date(errors, "date", in.date(), precision, true);
        PreciseDate end = date(errors, "endDate", in.endDate(), precision, false);
        Precision effective = precision != null ? precision : start == null ? null : start.precision();
        LocalDate startDate = start == null || effective == null ? null : effective.first(start.date());
        LocalDate endDate = end == null || effective == null ? null : effective.first(end.date());
        if (start != null && end != null && precision == null && end.precision() != start.precision()) {
            errors.put("endDate", "Write the end date at the same precision as the date (" + in.date().strip() + ").");
        } else if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            errors.put("endDate", "The end date (" + in.endDate().strip() + ") is before the date (" + in.date().strip() + ").");
        } else if (startDate != null && endDate != null && endDate.equals(startDate)) {
            endDate = null;
        }

        Category category = code(errors, "category", in.category(), Category.class, null, "Choose a category.");
        Importance importance = code(errors, "importance", in.importance(), Importance.class, Importance.MAJOR, null);
        PublicationStatus status = code(errors, "status", in.status(), PublicationStatus.class, PublicationStatus.PUBLISHED, null);

        List<String> actors = new ArrayList<>();
        for (String a : in.actorsOrEmpty()) {
            String id = trim(a);
            if (id == null) {
                continue;
            }
            if (!actorExists.test(id)) {
                errors.putIfAbsent("actors", "\u201c" + id + "\u201d is not an actor of this timeline.");
            } else if (actors.contains(id)) {
                errors.putIfAbsent("actors", "\u201c" + id + "\u201d is listed twice.");
            } else {
                actors.add(id);
            }
        }
        if (actors.size() > Limits.ACTORS_PER_EVENT) {
            errors.put("actors", "Choose at most " + Limits.ACTORS_PER_EVENT + " actors.");
        }

        String body = trim(in.body());
        if (Limits.badCharacter(body) != null) {
            errors.put("body", Limits.badCharacter(body));
        } else if (body != null && body.length() > Limits.BODY) {
            errors.put("body", "Keep the text to " + Limits.BODY + " characters (it has " + body.length() + ").");
        } else if (body != null) {
            for (String link : Markdown.links(body)) {
                if (!Markdown.isWebUrl(link)) {
                    errors.put("body", "Links must be web addresses starting with http:// or https:// (\u201c"
                            + abbreviate(link) + "\u201d is not allowed).");
                    break;
                }
            }
        }

        List<ValidSource> sources = new ArrayList<>();
        List<EventInput.SourceInput> given = in.sourcesOrEmpty();
        for (int i = 0; i < given.size(); i++) {
            EventInput.SourceInput s = given.get(i);
            if (s == null || s.isBlank()) {
                continue;
            }
            String key = "sources[" + i + "].";
            String title = text(errors, key + "title", s.title(), Limits.SOURCE_TITLE, "Enter the source's title.");
            String publisher = text(errors, key + "publisher", s.publisher(), Limits.PUBLISHER, "Enter the publisher.");
            PreciseDate published = date(errors, key + "date", s.date(), Precision.DAY, false);
            String url = text(errors, key + "url", s.url(), Limits.URL, null);
            if (url != null && !Markdown.isWebUrl(url)) {
                errors.put(key + "url", "Enter a web address starting with http:// or https://.");
            }
            ValidSource source = new ValidSource(publisher, title, published == null ? null : published.date(), url);
            for (ValidSource earlier : sources) {
                if (sameSource(earlier, source)) {
                    errors.putIfAbsent(key + (url != null && url.equals(earlier.url()) ? "url" : "title"),
                            "This source is listed twice" + (url != null && url.equals(earlier.url()) ? " (same URL)." : "."));
                }
            }
            sources.add(source);
        }
        if (sources.isEmpty()) {
            errors.put("sources", "Add at least one source: every event says where it comes from.");
        } else if (sources.size() > Limits.SOURCES_PER_EVENT) {
            errors.put("sources", "An event can have at most " + Limits.SOURCES_PER_EVENT + " sources.");
        }
        text(errors, "updateNote", in.updateNote(), UPDATE_NOTE, null);

        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new ValidEvent(slug, startDate, endDate, effective, headline, category, importance, status,
                List.copyOf(actors), body == null ? "" : body, List.copyOf(sources)), Map.of());
    }

    /** The same article: one URL, or the same publisher, title and date. */
    private static boolean sameSource(ValidSource a, ValidSource b) {
        if (a.url() != null && a.url().equals(b.url())) {
            return true;
        }
        return a.title() != null && a.title().equalsIgnoreCase(b.title()) && a.publisher() != null
                && a.publisher().equalsIgnoreCase(b.publisher()) && java.util.Objects.equals(a.date(), b.date())
                && java.util.Objects.equals(a.url(), b.url());
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String text(Map<String, String> errors, String field, String value, int max, String requiredMessage) {
        String v = trim(value);
        if (v == null) {
            if (requiredMessage != null) {
                errors.put(field, requiredMessage);
            }
            return null;
        }
        if (v.length() > max) {
            errors.put(field, "Keep this to " + max + " characters (it has " + v.length() + ").");
        } else if (Limits.badCharacter(v) != null) {
            errors.put(field, Limits.badCharacter(v));
        }
        return v;
    }

    /** A date at the given precision (the full date or its short form), or at the precision its form shows. */
    private static PreciseDate date(Map<String, String> errors, String field, String value, Precision precision,
            boolean required) {
        String v = trim(value);
        if (v == null) {
            if (required) {
                errors.put(field, "Enter the date as YYYY-MM-DD.");
            }
            return null;
        }
        try {
            PreciseDate d = Precision.parse(v);
            if (precision == Precision.DAY && d.precision() != Precision.DAY) {
                errors.put(field, "Enter the full date as YYYY-MM-DD, e.g. 2025-01-03.");
                return null;
            }
            if (precision == Precision.MONTH && d.precision() == Precision.YEAR) {
                errors.put(field, "Enter the month as YYYY-MM, e.g. 2024-09.");
                return null;
            }
            return d;
        } catch (IllegalArgumentException e) {
            errors.put(field, "\u201c" + abbreviate(v) + "\u201d is not a real date. Write it as YYYY-MM-DD, e.g. 2025-01-03.");
            return null;
        }
    }

    private static <E extends Enum<E> & Coded> E code(Map<String, String> errors, String field, String value, Class<E> type,
            E fallback, String requiredMessage) {
        String v = trim(value);
        if (v == null) {
            if (fallback == null) {
                errors.put(field, requiredMessage);
            }
            return fallback;
        }
        return Coded.byCode(type, v).orElseGet(() -> {
            errors.put(field, "\u201c" + abbreviate(v) + "\u201d is not one of: " + Coded.codes(type) + ".");
            return fallback;
        });
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "\u2026" : s;
    }
}
