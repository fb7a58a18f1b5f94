package org.tradeline.extract.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.tradeline.extract.text.DateTagger.Context;
import org.tradeline.extract.text.DateTagger.Kind;
import org.tradeline.extract.text.DateTagger.Mention;

/**
 * Turns an article's text into candidate events: every dated statement, in article order, with
 * its date resolved against the published date and the tense of its clause, and suggestions for
 * the draft (headline, category, actors, events of the timeline it may repeat). Pure and
 * thread-safe: it reads nothing but its arguments.
 */
public final class ArticleExtractor {

    /** No article states more dated facts than this; a longer list is cut and says so. */
    public static final int MAX_CANDIDATES = 200;

    /** Lines that are page furniture, not statements: copyright, time stamps, bylines. */
    private static final Pattern FURNITURE = Pattern.compile("(?i)^\\s*(?:\u00a9|\\(c\\)|copyright|updated|published|posted|first published"
            + "|last updated|by [\\p{Lu}][\\p{L}.'-]+ [\\p{Lu}]|photo|file photo|image|\\(updates? with|most read)\\b");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");

    private ArticleExtractor() {
    }

    /** What an article yielded: its candidates and whether the list was cut at {@link #MAX_CANDIDATES}. */
    public record Extraction(List<Candidate> candidates, boolean truncated) {
    }

    public static Extraction extract(String text, LocalDate published, TimelineFacts facts) {
        ActorNames actorNames = new ActorNames(facts.actors());
        Duplicates duplicates = new Duplicates(facts.events());
        List<Candidate> out = new ArrayList<>();
        LocalDate anchor = published;
        for (Sentence sentence : Sentences.split(text)) {
            String s = sentence.text();
            if (FURNITURE.matcher(s).find()) {
                continue;
            }
            List<Mention> mentions = DateTagger.find(s);
            if (mentions.isEmpty() || !statement(s, mentions)) {
                continue;
            }
            Period[] periods = new Period[mentions.size()];
            Tense[] tenses = new Tense[mentions.size()];
            LocalDate statementDate = null;
            // Dates of their own first (so "within 30 days" can count from "On Jan. 3"), then those that count from them.
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < mentions.size(); i++) {
                    Mention m = mentions.get(i);
                    if ((m.kind() == Kind.FROM_STATEMENT) != (pass == 1)) {
                        continue;
                    }
                    tenses[i] = tense(s, m);
                    LocalDate from = pass == 1 ? statementDateBefore(mentions, periods, i, statementDate, published) : null;
                    periods[i] = m.resolve(new Context(published, tenses[i], anchor, from, null, null));
                    if (periods[i] != null && pass == 0) {
                        anchor = periods[i].start();
                        if (statementDate == null) {
                            statementDate = periods[i].start();
                        }
                    }
                }
            }
            List<String> actors = null;
            org.tradeline.event.Category category = null;
            for (int i = 0; i < mentions.size(); i++) {
                Mention m = mentions.get(i);
                Period p = periods[i];
                if (p == null) {
                    continue;
                }
                if (out.size() == MAX_CANDIDATES) {
                    return new Extraction(out, true);
                }
                if (actors == null) {
                    actors = actorNames.find(s);
                    category = Categories.suggest(s);
                }
                Tense tense = tenses[i] != null ? tenses[i] : implied(p, published);
                out.add(new Candidate(p, m.text(), s, sentence.start(), m.start(), m.end(), tense,
                        Headlines.of(s, m.start(), m.end()), category, actors,
                        duplicates.matches(p, s, actors)));
            }
        }
        return new Extraction(out, false);
    }

    private static final Pattern DEADLINE = Pattern.compile("(?i)^(?:by|until|till|starting|beginning|effective|no\\s+later\\s+than)\\s");
    private static final Pattern PAST_PERFECT = Pattern.compile("(?i)\\bhad\\b");
    /**
     * "moved the deadline to June 18", "pushed the restart back to Q2": a date set or moved in the
     * past may lie on either side of the article; so may "the May 12-14 meeting", a date that names an event.
     */
    private static final Pattern RESCHEDULED = Pattern.compile("(?i)\\b(?:deadlines?|pushed|pushes|push|moved|moves|delayed|delays"
            + "|postponed|postpones|rescheduled|deferred|extended|extends|brought\\s+forward|put\\s+off)\\b(?:\\s+\\S+){0,12}\\s*$");
    private static final Pattern ATTRIBUTIVE_BEFORE = Pattern.compile("(?i)\\bthe\\s+$");
    private static final Pattern NOUN_AFTER = Pattern.compile("^\\s+\\p{Ll}{3,}");
    /** "called a meeting for 14 January", "set the hearing for Jan. 14": a day something is set for lies ahead. */
    private static final Pattern SCHEDULED_FOR = Pattern.compile("(?i)\\bfor\\s+$");

    /**
     * The tense that places a mention. A deadline ("by June 18", "starting Jan 19") looks ahead
     * unless the sentence is in the past perfect ("by June, sales had fallen"); the date a
     * deadline was moved to is the nearest one, whatever the tense of the moving.
     */
    private static Tense tense(String s, Mention m) {
        Tense t = Tense.around(s, m.start(), m.end()).orElse(null);
        String before = DateTagger.tail(s, m.start());
        if (m.possessive() && !Regex.matches(m.text(), "(?is)^(?:next|coming|this)\\b.*")) {
            // "will review Friday's decision": a thing named as an object exists already; only a
            // possessive that opens its clause ("Friday's debate will be…") takes the clause's tense.
            String clause = Regex.replaceFirst(before, "(?s)^.*[,;:\u2014\u2013(\u201c\"]", "");
            return Regex.matches(clause, "(?s).*\\p{L}{2,}.*") ? Tense.PAST : t;
        }
        if (m.kind() == Kind.PARTIAL && (RESCHEDULED.matcher(before).find()
                || ATTRIBUTIVE_BEFORE.matcher(before).find() && NOUN_AFTER.matcher(s.substring(m.end())).find())) {
            return null;
        }
        boolean pastPerfect = PAST_PERFECT.matcher(before).find();
        if (DEADLINE.matcher(m.text()).find() && !pastPerfect) {
            return Tense.FUTURE;
        }
        if (m.kind() == Kind.PARTIAL && SCHEDULED_FOR.matcher(before).find() && m.text().chars().anyMatch(Character::isDigit)
                && !pastPerfect) {
            return Tense.FUTURE;
        }
        return t;
    }

    /** For "within 30 days": the date of the nearest earlier mention in the sentence, else its first, else the published date. */
    private static LocalDate statementDateBefore(List<Mention> mentions, Period[] periods, int index, LocalDate first, LocalDate published) {
        for (int j = index - 1; j >= 0; j--) {
            if (periods[j] != null && mentions.get(j).kind() != Kind.FROM_STATEMENT) {
                return periods[j].start();
            }
        }
        return first != null ? first : published;
    }

    /** A sentence states something when, without its dates, at least two words are left ("Copperline answered"). */
    private static boolean statement(String s, List<Mention> mentions) {
        StringBuilder rest = new StringBuilder();
        int from = 0;
        for (Mention m : mentions) {
            rest.append(s, from, m.start()).append(' ');
            from = m.end();
        }
        rest.append(s.substring(from));
        var words = LETTERS.matcher(rest);
        int n = 0;
        while (words.find() && n < 2) {
            n++;
        }
        return n >= 2;
    }

    private static Tense implied(Period p, LocalDate published) {
        if (p.end().isBefore(published)) {
            return Tense.PAST;
        }
        return p.start().isAfter(published) ? Tense.FUTURE : Tense.PRESENT;
    }
}
