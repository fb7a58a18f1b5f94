package org.tradeline.extract.text;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tense of the clause a date belongs to, which decides which "Monday" or "December" is
 * meant: "said on Monday" looks back, "will rule on Friday" looks ahead. Read from the verb
 * group nearest the date inside its clause (clauses end at commas, dashes, quotation marks and
 * words such as "who", "which" and "that"), looking left first as English puts the verb before
 * its date; a sentence without a recognisable verb group has no tense.
 */
public enum Tense {
    PAST, PRESENT, FUTURE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static final String IRREGULAR_PAST = "said|told|met|took|made|won|lost|struck|began|came|went|gave|held|sought"
            + "|brought|left|rose|fell|cut|set|put|hit|led|ran|spoke|wrote|chose|bought|sold|paid|sent|saw|found|got"
            + "|kept|knew|thought|became|stood|felt|fought|drew|flew|grew|threw|wore|broke|froze|hid|rode|shook|swore"
            + "|tore|woke|beat|bit|dug|hung|lit|shot|shut|slid|spun|split|spread|stuck|stung|swept|swung|taught"
            + "|understood|withdrew|overturned|upheld|overrode|undertook|forbade|foresaw|oversaw|withheld|ruled"
            + "|did|had|was|were|quit|bid|won|launched|reached|vowed|pledged";
    private static final String PARTICIPLE = "been|done|gone|given|taken|made|said|told|met|won|lost|held|sought|brought"
            + "|left|risen|fallen|cut|set|put|hit|led|spoken|written|chosen|bought|sold|paid|sent|seen|found|got|gotten"
            + "|kept|known|become|stood|fought|drawn|grown|thrown|broken|begun|come|struck|withdrawn|upheld|overridden"
            + "|forbidden|withheld|\\p{Ll}{2,}ed";
    private static final Pattern FUTURE_GROUP = Pattern.compile("(?i)\\b(?:(?:will|won['\u2019]t|shall|would|could|might|may|must|should"
            + "|['\u2019]ll)(?:\\s+(?:not|also|then|soon|likely|still|never|now|probably|only|first|eventually))*(?:\\s+be)?"
            + "(?:\\s+\\p{Ll}+)?|(?:is|are|was|were|be|been|am)\\s+(?:set|due|expected|scheduled|slated|poised|likely|unlikely|going|about|"
            + "planning|preparing|required|supposed|to)(?:\\s+to)?(?:\\s+\\p{Ll}+)?|plans?\\s+to|planned\\s+to|planning\\s+to|intends?\\s+to"
            + "|aims?\\s+to|expects?(?:\\s+to)?|anticipates?|awaits?|awaiting|forecasts?|hopes?\\s+to|wants?\\s+to|has\\s+until|have\\s+until"
            + "|next|upcoming|coming)\\b");
    private static final Pattern PAST_GROUP = Pattern.compile("\\b(?:(?:[Hh]as|[Hh]ave|[Hh]ad)(?:\\s+(?:also|not|never|already|since|just|now|since|yet|been))?\\s+(?:"
            + PARTICIPLE + ")|(?:" + IRREGULAR_PAST + ")|\\p{Ll}{2,}(?:ed|ied))\\b");
    private static final Pattern PRESENT_GROUP = Pattern.compile("(?i)\\b(?:is|are|am|says|say|remains|remain|has|have|does|do"
            + "|seems|appears|continues|stands|holds|wants|needs)\\b");
    /** Words ending in -ed that are not past tenses. */
    private static final Set<String> NOT_PAST = Set.of("need", "needed", "speed", "seed", "feed", "bed", "red", "shed", "breed",
            "greed", "proceed", "exceed", "succeed", "indeed", "steed", "weed", "reed", "bleed", "united", "limited",
            "based", "related", "proposed", "expected", "scheduled", "planned", "so-called", "alleged", "reported",
            "detailed", "advanced", "elected", "armed", "concerned", "interested", "listed", "traded", "owned", "closed");
    private static final Pattern ATTRIBUTION_TAIL = Pattern.compile(",\\s*[^,]{0,60}?\\b(?:said|says|told|added|noted|wrote|reported)\\b[^,]*$");

    /** Where a clause ends: punctuation, and words that open a new clause. */
    private static final Pattern BOUNDARY = Pattern.compile("[,;:()\u2014\u2013\"\u201c\u201d]|\\s-\\s|\\b(?:who|which|whom|whose|that|while"
            + "|although|because|but|whereas|when)\\b");

    /** The tense of the clause around {@code [start, end)} of the sentence, when a verb group shows it. */
    public static Optional<Tense> around(String sentence, int start, int end) {
        int clauseStart = 0;
        Matcher b = BOUNDARY.matcher(sentence);
        int clauseEnd = sentence.length();
        while (b.find()) {
            if (b.end() <= start) {
                clauseStart = b.end();
            } else if (b.start() >= end) {
                clauseEnd = b.start();
                break;
            }
        }
        Optional<Tense> left = nearestBefore(sentence, clauseStart, start);
        if (left.isPresent()) {
            return left;
        }
        Optional<Tense> right = firstAfter(sentence, end, clauseEnd);
        if (right.isPresent()) {
            return right;
        }
        // No verb in the date's own clause ("On Monday, Blinken visited Seoul"): the sentence decides,
        // but not a closing attribution (", it said"), which dates the saying, not the statement.
        Matcher tail = ATTRIBUTION_TAIL.matcher(sentence);
        int stop = tail.find() && tail.start() >= end ? tail.start() : sentence.length();
        Optional<Tense> after = firstAfter(sentence, end, stop);
        return after.isPresent() ? after : nearestBefore(sentence, 0, start);
    }

    /** Whether the sentence has any verb group this class recognises. */
    public static boolean hasVerb(String sentence) {
        return firstAfter(sentence, 0, sentence.length()).isPresent();
    }

    private static Optional<Tense> nearestBefore(String s, int from, int to) {
        java.util.List<Marker> markers = markers(s, from, to);
        return markers.isEmpty() ? Optional.empty() : Optional.of(markers.get(markers.size() - 1).tense());
    }

    private static Optional<Tense> firstAfter(String s, int from, int to) {
        java.util.List<Marker> markers = markers(s, from, to);
        return markers.isEmpty() ? Optional.empty() : Optional.of(markers.get(0).tense());
    }

    private record Marker(int start, int end, Tense tense) {
    }

    /**
     * The verb groups in {@code [from, to)}, in order. A future group ("is set to") hides the
     * past or present words inside it ("set", "is"); "has vowed" is past, not present.
     */
    private static java.util.List<Marker> markers(String s, int from, int to) {
        java.util.List<Marker> found = new java.util.ArrayList<>();
        if (to <= from) {
            return found;
        }
        for (Tense t : new Tense[] {FUTURE, PAST, PRESENT}) {
            Matcher m = t.pattern().matcher(s).region(from, to);
            while (m.find()) {
                if (t == PAST && (NOT_PAST.contains(m.group().toLowerCase(Locale.ROOT)) || adjective(s, m.start(), m.end()))) {
                    continue;
                }
                int ms = m.start();
                int me = m.end();
                if (found.stream().noneMatch(x -> ms < x.end() && x.start() < me)) {
                    found.add(new Marker(ms, me, t));
                }
            }
        }
        found.sort(java.util.Comparator.comparingInt(Marker::start));
        return found;
    }

    private static final Pattern DETERMINER_BEFORE = Pattern.compile("(?i)(?:\\b(?:a|an|the|its|their|his|her|this|that|these|those|our"
            + "|your|my|some|many|more|most|several|on|of|for|in|with|from|to|at|about|over|under|into|against|\\d[\\d,.]*)\\s+"
            + "|['\u2019]s\\s+)$");
    /** "is pencilled in", "are expected": a participle after a present auxiliary is a present passive, not a past. */
    private static final Pattern PRESENT_AUXILIARY_BEFORE = Pattern.compile("(?i)\\b(?:is|are|am|be|being)(?:\\s+\\w+ly|\\s+not|\\s+also|\\s+now)?\\s+$");

    /**
     * "an idled potline", "650 locked-out workers", "on imported rebar", "Friday's televised
     * debate", "is pencilled in": a participle used as an adjective or in a present passive is no past tense.
     */
    private static boolean adjective(String s, int start, int end) {
        if (end < s.length() && s.charAt(end) == '-') {
            return true;
        }
        String before = s.substring(Math.max(0, start - 30), start);
        return DETERMINER_BEFORE.matcher(before).find() || PRESENT_AUXILIARY_BEFORE.matcher(before).find();
    }

    private Pattern pattern() {
        return switch (this) {
            case FUTURE -> FUTURE_GROUP;
            case PAST -> PAST_GROUP;
            case PRESENT -> PRESENT_GROUP;
        };
    }
}
