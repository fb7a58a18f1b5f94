package org.tradeline.extract;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.tradeline.event.DisplayDate;
import org.tradeline.event.EventInput;
import org.tradeline.event.EventRules;
import org.tradeline.event.Importance;
import org.tradeline.extract.text.ArticleExtractor;
import org.tradeline.extract.text.Candidate;
import org.tradeline.timeline.PublicationStatus;

/**
 * The candidates as the extract page shows and posts them: one row per candidate, with the
 * editable draft fields (named {@code c3-headline}, {@code c3-date} …) and the sentence the
 * candidate came from carried along, so a page sent back with a problem keeps every edit.
 */
final class CandidateForm {

    private CandidateForm() {
    }

    /** An event of the timeline that a candidate may repeat. */
    record Match(String id, String headline) {
    }

    /** One candidate row; {@code resolved} is how the text's date was read ("Jan. 6, 2025"). */
    record Row(int index, boolean picked, String headline, String date, String precision, String endDate, String category,
            List<String> actors, String quote, String expression, String tense, String resolved, List<Match> matches) {

        String name(String field) {
            return "c" + index + "-" + field;
        }

        /** The quote before the date expression, the expression and the rest, to mark it on the page. */
        public String before() {
            int at = at();
            return at < 0 ? quote : quote.substring(0, at);
        }

        public String mark() {
            return at() < 0 ? "" : expression;
        }

        public String after() {
            int at = at();
            return at < 0 ? "" : quote.substring(at + expression.length());
        }

        private int at() {
            return quote == null || expression == null || expression.isEmpty() ? -1 : quote.indexOf(expression);
        }

        public String matchIds() {
            return String.join(",", matches.stream().map(Match::id).toList());
        }

        public boolean hasActor(String id) {
            return actors.contains(id);
        }
    }

    /** The rows for freshly found candidates: ticked unless the timeline already has the event. */
    static List<Row> rows(ArticleExtractor.Extraction x, Map<String, String> headlines) {
        List<Row> rows = new ArrayList<>();
        for (Candidate c : x.candidates()) {
            var p = c.period();
            List<Match> matches = c.matches().stream().map(id -> new Match(id, headlines.getOrDefault(id, id))).toList();
            rows.add(new Row(rows.size(), matches.isEmpty(), c.headline(), p.precision().iso(p.date()), p.precision().code(),
                    p.endDate() == null ? "" : p.precision().iso(p.endDate()), c.category() == null ? "" : c.category().code(),
                    c.actors(), c.quote(), c.expression(), c.tense().code(),
                    DisplayDate.of(p.date(), p.endDate(), p.precision()).text(), matches));
        }
        return rows;
    }

    /** The rows as posted back (at most {@link ArticleExtractor#MAX_CANDIDATES}). */
    static List<Row> read(MultivaluedMap<String, String> form, Map<String, String> headlines) {
        int count;
        try {
            count = Math.max(0, Math.min(ArticleExtractor.MAX_CANDIDATES, Integer.parseInt(one(form, "count").strip())));
        } catch (RuntimeException e) {
            count = 0;
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String p = "c" + i + "-";
            List<String> actors = form.get(p + "actors") == null ? List.of() : List.copyOf(form.get(p + "actors"));
            String matchIds = one(form, p + "matches");
            List<Match> matches = matchIds.isBlank() ? List.of() : java.util.Arrays.stream(matchIds.split(","))
                    .filter(headlines::containsKey).limit(5).map(id -> new Match(id, headlines.get(id))).toList();
            rows.add(new Row(i, form.containsKey(p + "pick"), one(form, p + "headline"), one(form, p + "date"),
                    one(form, p + "precision"), one(form, p + "endDate"), one(form, p + "category"), actors,
                    one(form, p + "quote"), one(form, p + "expression"), one(form, p + "tense"), one(form, p + "resolved"), matches));
        }
        return rows;
    }

    /** The draft event a ticked row becomes: the sentence is its body, the article its source. */
    static EventInput draft(Row r, Article a) {
        return new EventInput(null, r.date(), r.precision(), r.endDate(), r.headline(), r.quote(), r.category(), r.actors(),
                List.of(new EventInput.SourceInput(a.title(), a.publisher(), a.published() == null ? null : a.published().toString(),
                        a.url())),
                Importance.MAJOR.code(), PublicationStatus.DRAFT.code(), null, null);
    }

    /**
     * Every problem of the ticked rows, keyed by field name ({@code c3-date}); a problem with the
     * source belongs to the article's fields, which every draft shares.
     */
    static Map<String, String> problems(List<Row> rows, Article a, Predicate<String> actorExists) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!r.picked()) {
                continue;
            }
            EventRules.check(draft(r, a), actorExists, false).errors().forEach((field, message) -> {
                if (field.startsWith("sources")) {
                    String part = field.replaceFirst(".*\\.", "");
                    errors.putIfAbsent(switch (part) {
                        case "date" -> "published";
                        case "title", "publisher", "url" -> part;
                        default -> "title";
                    }, message);
                } else if (field.equals("body")) {
                    errors.put(r.name("headline"), "The sentence cannot be the draft's text: " + message);
                } else {
                    errors.put(r.name(field), message);
                }
            });
        }
        return errors;
    }

    private static String one(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }
}
