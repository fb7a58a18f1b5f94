package org.tradeline.event;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.tradeline.config.Coded;
import org.tradeline.web.InvalidParameterException;
import org.tradeline.timeline.TimelineSnapshot.EventView;

/**
 * The readers' filters, shared by the page, the embed and the JSON API:
 * {@code category} and {@code actor} (each repeatable; an event matches any of the values),
 * {@code from} and {@code to} (ISO dates; an event matches when the period it covers overlaps
 * the range, so "September 2024" matches from=2024-09-15), and {@code q} (words that must all
 * appear in the headline, body, actors or sources, ignoring case).
 */
public record EventFilter(Set<Category> categories, Set<String> actors, LocalDate from, LocalDate to, String q) {

    public static final int MAX_QUERY_LENGTH = 200;
    public static final int MAX_VALUES = 20;
    public static final EventFilter NONE = new EventFilter(Set.of(), Set.of(), null, null, null);

    /**
     * Parses the raw query parameters.
     *
     * @param knownActor tells whether an actor slug belongs to the timeline
     * @throws InvalidParameterException naming the first parameter that is wrong
     */
    public static EventFilter parse(List<String> category, List<String> actor, String from, String to, String q,
            Predicate<String> knownActor) {
        Set<Category> categories = new LinkedHashSet<>();
        for (String c : values("category", category)) {
            categories.add(Coded.byCode(Category.class, c).orElseThrow(() -> new InvalidParameterException("category",
                    "Unknown category \u201c" + c + "\u201d. Use one of: " + Coded.codes(Category.class) + ".")));
        }
        Set<String> actors = new LinkedHashSet<>();
        for (String a : values("actor", actor)) {
            if (!knownActor.test(a)) {
                throw new InvalidParameterException("actor", "No actor \u201c" + a + "\u201d in this timeline.");
            }
            actors.add(a);
        }
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new InvalidParameterException("to", "The end of the date range (" + toDate
                    + ") is before its start (" + fromDate + ").");
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            throw new InvalidParameterException("q", "The search text is longer than " + MAX_QUERY_LENGTH + " characters.");
        }
        return new EventFilter(Set.copyOf(categories), Set.copyOf(actors), fromDate, toDate, text);
    }

    private static List<String> values(String name, List<String> raw) {
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (String v : raw) {
                if (v != null && !v.isBlank()) {
                    out.add(v.strip());
                }
            }
        }
        if (out.size() > MAX_VALUES) {
            throw new InvalidParameterException(name, "At most " + MAX_VALUES + " values of " + name + " can be combined.");
        }
        return out;
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "\u201c" + abbreviate(value) + "\u201d is not a date: write it as YYYY-MM-DD, e.g. 2024-01-31.");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "\u2026" : s;
    }

    /** {@code from} as YYYY-MM-DD for a date input, or empty. */
    public String fromIso() {
        return from == null ? "" : from.toString();
    }

    public String toIso() {
        return to == null ? "" : to.toString();
    }

    public boolean isEmpty() {
        return categories.isEmpty() && actors.isEmpty() && from == null && to == null && q == null;
    }

    public boolean matches(EventView e) {
        if (!categories.isEmpty() && !categories.contains(e.category())) {
            return false;
        }
        if (!actors.isEmpty() && actors.stream().noneMatch(e::involves)) {
            return false;
        }
        if (from != null && e.coversTo().isBefore(from)) {
            return false;
        }
        if (to != null && e.coversFrom().isAfter(to)) {
            return false;
        }
        if (q != null) {
            for (String word : q.toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!e.searchText().contains(word)) {
                    return false;
                }
            }
        }
        return true;
    }

    public List<EventView> apply(List<EventView> events) {
        return isEmpty() ? events : events.stream().filter(this::matches).toList();
    }

    /** The filter as a query string (without '?'), for links that keep it. Empty when there is none. */
    public String toQuery() {
        List<String> parts = new ArrayList<>();
        categories.stream().map(Category::code).sorted().forEach(c -> parts.add("category=" + enc(c)));
        actors.stream().sorted().forEach(a -> parts.add("actor=" + enc(a)));
        if (from != null) {
            parts.add("from=" + from);
        }
        if (to != null) {
            parts.add("to=" + to);
        }
        if (q != null) {
            parts.add("q=" + enc(q));
        }
        return String.join("&", parts);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
