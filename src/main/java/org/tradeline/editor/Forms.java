package org.tradeline.editor;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tradeline.event.Category;
import org.tradeline.event.Event;
import org.tradeline.event.EventInput;
import org.tradeline.event.Importance;
import org.tradeline.event.Limits;
import org.tradeline.event.Precision;
import org.tradeline.timeline.PublicationStatus;
import org.tradeline.timeline.Timeline;
import org.tradeline.timeline.TimelineInput;

/**
 * Reads the editors' HTML forms into input records, and gives templates their options and error
 * links (public: the article extractor's page shares the options and the error summary).
 */
public final class Forms {

    private Forms() {
    }

    /** A choice in a select. */
    public record Option(String value, String label) {
    }

    /** A link from the error summary to the field with the problem. */
    public record ErrorLink(String fieldId, String label, String message) {
    }

    public static final List<Option> PRECISIONS = List.of(new Option("day", "Day (Jan. 3, 2025)"),
            new Option("month", "Month (September 2024)"), new Option("year", "Year (2024)"));
    static final List<Option> IMPORTANCE = List.of(new Option(Importance.MAJOR.code(), "Major (a key event)"),
            new Option(Importance.MINOR.code(), "Minor (context)"));
    static final List<Option> STATUS = List.of(new Option(PublicationStatus.DRAFT.code(), "Draft (editors only)"),
            new Option(PublicationStatus.PUBLISHED.code(), "Published"));

    public static List<Option> categories() {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", "Choose a category"));
        for (Category c : Category.values()) {
            options.add(new Option(c.code(), c.label()));
        }
        return options;
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("id", "Event ID"), Map.entry("headline", "Headline"), Map.entry("date", "Date"),
            Map.entry("precision", "Date precision"), Map.entry("endDate", "End date"), Map.entry("category", "Category"),
            Map.entry("actors", "Actors"), Map.entry("body", "Body"), Map.entry("sources", "Sources"),
            Map.entry("title", "Title"), Map.entry("publisher", "Source publisher"), Map.entry("url", "Source URL"),
            Map.entry("importance", "Importance"), Map.entry("status", "Status"), Map.entry("updateNote", "Update note"),
            Map.entry("version", "Version"), Map.entry("slug", "Web name"), Map.entry("summary", "Summary"),
            Map.entry("name", "Actor name"), Map.entry("aliases", "Aliases"));
    private static final Pattern INDEXED = Pattern.compile("(sources|actors)\\[(\\d+)]\\.(\\w+)");

    /** Summary links for an errors map; ids follow the forms' naming (f-headline, f-source-url-0 …). */
    static List<ErrorLink> links(Map<String, String> errors) {
        List<ErrorLink> links = new ArrayList<>();
        errors.forEach((field, message) -> {
            Matcher m = INDEXED.matcher(field);
            if (m.matches()) {
                boolean source = m.group(1).equals("sources");
                String part = m.group(3);
                String label = source ? switch (part) {
                    case "title" -> "Source title";
                    case "date" -> "Source date";
                    default -> LABELS.getOrDefault(part, part);
                } : part.equals("id") ? "Actor ID" : part.equals("aliases") ? "Aliases" : "Actor name";
                links.add(new ErrorLink((source ? "f-source-" : "f-actor-") + part + "-" + m.group(2),
                        label + " (" + (source ? "source " : "actor ") + (Integer.parseInt(m.group(2)) + 1) + ")", message));
            } else {
                String id = switch (field) {
                    case "sources" -> "f-source-title-0";
                    case "actors" -> "f-actors";
                    case "version" -> "f-headline";
                    default -> "f-" + field;
                };
                links.add(new ErrorLink(id, LABELS.getOrDefault(field, field), message));
            }
        });
        return links;
    }

    static String one(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? null : v;
    }

    static Integer version(MultivaluedMap<String, String> form) {
        try {
            String v = one(form, "version");
            return v == null || v.isBlank() ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The event form's fields; source rows are numbered source-title-0, source-publisher-0 … */
    static EventInput event(MultivaluedMap<String, String> form) {
        List<EventInput.SourceInput> sources = new ArrayList<>();
        for (int i = 0; i < Limits.SOURCES_PER_EVENT + 5; i++) {
            String title = one(form, "source-title-" + i);
            String publisher = one(form, "source-publisher-" + i);
            String date = one(form, "source-date-" + i);
            String url = one(form, "source-url-" + i);
            if (title == null && publisher == null && date == null && url == null) {
                break;
            }
            sources.add(new EventInput.SourceInput(title, publisher, date, url));
        }
        List<String> actors = form.get("actors") == null ? List.of() : form.get("actors");
        return new EventInput(one(form, "id"), one(form, "date"), one(form, "precision"), one(form, "endDate"),
                one(form, "headline"), one(form, "body"), one(form, "category"), actors, sources,
                one(form, "importance"), one(form, "status"), one(form, "updateNote"), version(form));
    }

    /** The form's values for an existing event. */
    static EventInput event(Event e) {
        List<EventInput.SourceInput> sources = e.sources.stream()
                .map(s -> new EventInput.SourceInput(s.title, s.publisher,
                        s.publishedOn == null ? null : s.publishedOn.toString(), s.url))
                .toList();
        return new EventInput(e.slug, e.datePrecision.iso(e.startDate), e.datePrecision.code(),
                e.endDate == null ? null : e.datePrecision.iso(e.endDate), e.headline, e.body, e.category.code(),
                e.actors.stream().map(a -> a.slug).toList(), sources, e.importance.code(), e.status.code(), null, e.version);
    }

    static EventInput blankEvent() {
        return new EventInput(null, null, Precision.DAY.code(), null, null, null, null, List.of(),
                List.of(), Importance.MAJOR.code(), PublicationStatus.DRAFT.code(), null, null);
    }

    /** The source rows to show: what was typed plus {@code extra} blank rows (at least one row in all). */
    static List<EventInput.SourceInput> sourceRows(EventInput in, int extra) {
        List<EventInput.SourceInput> rows = new ArrayList<>(in.sourcesOrEmpty());
        for (int i = 0; i < extra || rows.isEmpty(); i++) {
            rows.add(new EventInput.SourceInput(null, null, null, null));
        }
        return rows;
    }

    static TimelineInput timeline(MultivaluedMap<String, String> form) {
        List<TimelineInput.ActorInput> actors = new ArrayList<>();
        for (int i = 0; i < Limits.ACTORS_PER_TIMELINE + 5; i++) {
            String id = one(form, "actor-id-" + i);
            String name = one(form, "actor-name-" + i);
            String aliases = one(form, "actor-aliases-" + i);
            if (id == null && name == null && aliases == null) {
                break;
            }
            actors.add(new TimelineInput.ActorInput(id, name, aliases == null ? null : List.of(aliases.split("[,;]"))));
        }
        return new TimelineInput(one(form, "slug"), one(form, "title"), one(form, "summary"), one(form, "status"),
                actors, one(form, "updateNote"), version(form));
    }

    static TimelineInput timeline(Timeline t) {
        return new TimelineInput(t.slug, t.title, t.summary, t.status.code(),
                t.actors.stream().map(a -> new TimelineInput.ActorInput(a.slug, a.name, List.copyOf(a.aliases))).toList(), null, t.version);
    }

    static List<TimelineInput.ActorInput> actorRows(TimelineInput in, int extra) {
        List<TimelineInput.ActorInput> rows = new ArrayList<>(in.actorsOrEmpty());
        for (int i = 0; i < extra; i++) {
            rows.add(new TimelineInput.ActorInput(null, null));
        }
        return rows;
    }

    static Map<String, String> noErrors() {
        return new LinkedHashMap<>();
    }
}
