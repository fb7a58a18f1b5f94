package org.tradeline.extract.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a suggested headline of a sentence: the date expression goes (the date is shown beside
 * it), a relative clause that holds the date becomes the headline's clause ("…Ishiba, who said on
 * Monday that…" → "Ishiba said…"), leading adverbials and trailing attribution (", he said",
 * ", according to…") go, as do asides in brackets and dashes; what is still longer than
 * {@link #MAX} characters is cut at a clause or phrase boundary.
 */
final class Headlines {

    static final int MAX = 120;

    private static final Pattern RELATIVE = Pattern.compile(",\\s+(?:who|which)\\s+");
    private static final Pattern ANTECEDENT = Pattern.compile("((?:[\\p{Lu}][\\p{L}.'\u2019-]*\\s+){0,3}[\\p{Lu}][\\p{L}.'\u2019-]*)\\s*$");
    private static final Pattern LEADING = Pattern.compile("^(?:Earlier|Later|Meanwhile|However|Publicly|Separately|Still|Also|Now"
            + "|Then|Instead|Overall|Privately|Ultimately|Previously|Since then|In addition|In a statement|In a filing|In a letter"
            + "|In an interview|According to [^,]{1,80}|Now that [^,]{1,120}|After [^,]{1,120}|Before [^,]{1,120}|While [^,]{1,120}"
            + "|As [^,]{1,120}|With [^,]{1,120}|On [^,]{1,60}|In [^,]{1,60}|By [^,]{1,60}|At [^,]{1,60}|Earlier [^,]{0,40}"
            + "|Later [^,]{0,40})\\s*,\\s+");
    /** ", he said", ", the Houston-based operator said in its earnings release", ", according to …" at the end. */
    private static final Pattern ATTRIBUTION = Pattern.compile(",\\s*(?:(?:[\\p{L}\\p{N}.'\u2019-]+\\s+){0,6}(?:has |have |had )?(?:said|says"
            + "|told|added|noted|wrote|reported|explained|argued)(?:\\s[^,]*)?|according to [^,]+)\\s*[.!?]?$");
    /** A dateline: "LOUISVILLE, Kentucky, Jan 6 (Wire) - ", "TOKYO -- ", "YOUNGSTOWN, Ohio — ". */
    private static final Pattern DATELINE = Pattern.compile("^[\\p{Lu}][\\p{Lu} .'\u2019-]+(?:,\\s*[\\p{L} .'\u2019-]+)?(?:,\\s*[\\p{L}.]+\\s+\\d{1,2})?"
            + "\\s*(?:\\([^)]*\\))?\\s*(?:--|[-\u2014\u2013])\\s+");
    private static final Pattern ASIDES = Pattern.compile("\\s*\\([^()]*\\)|\\s+[\u2014\u2013]\\s+[^\u2014\u2013]{1,120}\\s+[\u2014\u2013](?=\\s)");
    private static final Pattern CLAUSE_CUT = Pattern.compile(",\\s|\\s[\u2014\u2013]\\s|;\\s|\\s(?:as|after|while|which|amid|because|"
            + "although|though|shortly after|just as|and said|but)\\s");
    private static final Pattern PHRASE_CUT = Pattern.compile("\\s(?:on|in|for|amid|over|under|with|at|from|during|into|to)\\s");

    private Headlines() {
    }

    /** The suggested headline for the sentence whose date expression is at {@code [start, end)}. */
    static String of(String sentence, int start, int end) {
        String s = sentence.substring(0, start) + sentence.substring(end);
        int at = start;
        Matcher dateline = DATELINE.matcher(s);
        if (dateline.find() && dateline.end() <= at) {
            s = s.substring(dateline.end());
            at -= dateline.end();
        }
        Matcher rel = RELATIVE.matcher(s);
        int relStart = -1;
        int relEnd = -1;
        while (rel.find() && rel.start() < at) {
            relStart = rel.start();
            relEnd = rel.end();
        }
        if (relStart >= 0 && s.substring(relEnd, at).indexOf(',') < 0) {
            Matcher a = ANTECEDENT.matcher(s.substring(0, relStart));
            if (a.find()) {
                int close = s.indexOf(", ", at);
                s = a.group(1) + " " + s.substring(relEnd, close < 0 ? s.length() : close);
            }
        }
        s = tidy(s);
        for (int i = 0; i < 3; i++) {
            Matcher lead = LEADING.matcher(s);
            if (lead.find() && words(s.substring(lead.end())) >= 4) {
                s = s.substring(lead.end());
            }
        }
        s = ATTRIBUTION.matcher(s).replaceAll("");
        s = ASIDES.matcher(s).replaceAll("");
        s = Regex.replaceAll(s, "\\b(said|says|told \\w+|announced|argued|warned)\\s+that\\s+", "$1 ");
        s = tidy(s);
        if (s.length() > MAX) {
            s = cut(s);
        }
        if (words(s) < 3) {
            s = tidy(sentence);
            if (s.length() > MAX) {
                s = cut(s);
            }
        }
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
    }

    private static String cut(String s) {
        int best = lastBetween(CLAUSE_CUT, s, 40, MAX);
        if (best < 0) {
            best = lastBetween(PHRASE_CUT, s, 40, MAX);
        }
        if (best > 0) {
            // "…the deal, shortly after it sued": the cut falls at "after"; the adverb before it goes too.
            return tidy(Regex.replaceAll(s.substring(0, best), "(?:,?\\s+(?:shortly|just|soon|only|even|long|right|days|weeks|hours|months))+$", ""));
        }
        int space = s.lastIndexOf(' ', MAX - 1);
        return tidy(s.substring(0, space > 20 ? space : MAX - 1)) + "\u2026";
    }

    private static int lastBetween(Pattern p, String s, int from, int to) {
        Matcher m = p.matcher(s);
        int best = -1;
        while (m.find() && m.start() <= to) {
            if (m.start() >= from) {
                best = m.start();
            }
        }
        return best;
    }

    /** Collapses spaces, mends punctuation left by removals and drops closing punctuation. */
    private static String tidy(String s) {
        String t = Regex.replaceAll(s, "\\s+", " ");
        t = Regex.replaceAll(t, "\\s+([,;:.!?])", "$1");
        t = Regex.replaceAll(t, ",\\s*,", ",");
        t = Regex.replaceAll(t, "^[\\s,;:\u2014\u2013-]+", "");
        // What a removed date leaves behind: "a loss for, as prices fell", "The ruling, issued, requires".
        t = Regex.replaceAll(t, "\\b(?:on|in|by|at|from|during|since|until|for|of|to|through|over|around|before|after|between)"
                + "\\s*([,;:]|$)", "$1");
        t = Regex.replaceAll(t, ",\\s*\\p{Ll}+(?:ed|en)\\s*,\\s*", " ").strip();
        t = Regex.replaceAll(Regex.replaceAll(t, "[\\s,;:\u2014\u2013-]+$", ""), "[.!?]+$", "").strip();
        t = Regex.replaceAll(t, "(?:\\s+(?:and|or|but|as|while|to|of|with|for|the|a|an|that|which))+$", "").strip();
        if (t.startsWith("\u201c") && t.indexOf('\u201d') < 0 || t.startsWith("\"") && t.indexOf('"', 1) < 0) {
            t = t.substring(1);
        }
        return t.strip();
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : Regex.of("\\s+").split(t).length;
    }
}
