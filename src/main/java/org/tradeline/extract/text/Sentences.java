package org.tradeline.extract.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an article's text into sentences, keeping each one's exact place in the text. A line
 * break always ends a sentence (headlines, datelines and paragraphs stand on their own lines).
 * Inside a line, a full stop ends a sentence unless it closes an abbreviation that news copy
 * uses mid-sentence ("Jan. 3", "U.S. Steel", "Nippon Steel Corp. said"); after such an
 * abbreviation a sentence ends only when the next word is one that starts sentences ("The").
 */
public final class Sentences {

    /** Longer runs without a full stop (lists of dates, pasted tables) are cut here, at a space. */
    static final int MAX_LENGTH = 600;

    private static final Set<String> ABBREVIATIONS = Set.of(
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
            "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "reps", "pres", "gen", "lt", "col", "maj", "capt",
            "sgt", "adm", "cmdr", "amb", "atty", "supt", "rev", "hon", "jr", "sr", "st", "mt", "ft", "ave", "blvd",
            "rd", "corp", "inc", "co", "cos", "ltd", "llc", "plc", "bros", "dept", "univ", "assn", "no", "nos",
            "vs", "v", "etc", "approx", "est", "fig", "vol", "pp", "ch", "sec", "art", "para", "al");
    /** Capitalised words that begin sentences, so that "… U.S. The deal …" still splits. */
    private static final Set<String> STARTERS = Set.of(
            "the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
            "this", "that", "these", "those", "there", "here", "in", "on", "at", "by", "for", "from", "with",
            "without", "after", "before", "during", "since", "until", "when", "while", "as", "if", "but", "and",
            "or", "so", "yet", "however", "meanwhile", "still", "also", "now", "then", "earlier", "later",
            "according", "shares", "officials", "analysts", "some", "many", "most", "both", "neither", "no",
            "not", "one", "under", "over", "despite", "although", "though", "because", "separately", "asked",
            "speaking", "last", "next", "today", "yesterday", "tomorrow", "what", "why", "how", "who", "where",
            "such", "each", "every", "all", "other", "another", "nor", "instead", "indeed", "overall");
    private static final Pattern END = Pattern.compile("[.!?]+[\"'\u201d\u2019)\\]]*(?=\\s)");
    private static final Pattern WORD_BEFORE = Pattern.compile("([\\p{L}\\p{N}.]*?)([\\p{L}\\p{N}]+)\\.+$");
    private static final Pattern NEXT_WORD = Pattern.compile("\\s+([\"'\u201c\u2018(\\[]?)([\\p{L}\\p{N}]*)");

    private Sentences() {
    }

    public static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            splitLine(text, lineStart, lineEnd, out);
            if (nl < 0) {
                break;
            }
            lineStart = nl + 1;
        }
        return out;
    }

    private static void splitLine(String text, int from, int to, List<Sentence> out) {
        String line = text.substring(from, to);
        Matcher end = END.matcher(line);
        int start = 0;
        while (end.find()) {
            if (!endsSentence(line, end.start(), end.end())) {
                continue;
            }
            add(text, from + start, from + end.end(), out);
            start = end.end();
        }
        add(text, from + start, to, out);
    }

    private static boolean endsSentence(String line, int punct, int after) {
        Matcher next = NEXT_WORD.matcher(line).region(after, line.length());
        if (!next.lookingAt()) {
            return false;
        }
        String opening = next.group(1);
        String word = next.group(2);
        if (word.isEmpty()) {
            return !opening.isEmpty();
        }
        boolean capitalOrDigit = Character.isUpperCase(word.codePointAt(0)) || Character.isDigit(word.charAt(0));
        if (!capitalOrDigit && opening.isEmpty()) {
            return false;
        }
        if (line.charAt(punct) != '.' || line.startsWith("..", punct)) {
            return true;
        }
        Matcher before = WORD_BEFORE.matcher(line.substring(Math.max(0, punct - 40), punct + 1));
        if (!before.find()) {
            return true;
        }
        String last = before.group(2);
        boolean dotted = !before.group(1).isEmpty() && before.group(1).endsWith(".");
        boolean abbreviation = dotted || ABBREVIATIONS.contains(last.toLowerCase(Locale.ROOT))
                || last.length() == 1 && Character.isUpperCase(last.charAt(0));
        if (!abbreviation) {
            return true;
        }
        return !opening.isEmpty() || STARTERS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Adds the trimmed sentence, cutting runs longer than {@link #MAX_LENGTH} at spaces. */
    private static void add(String text, int start, int end, List<Sentence> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        while (end - start > MAX_LENGTH) {
            int cut = text.lastIndexOf(' ', start + MAX_LENGTH);
            if (cut <= start) {
                cut = start + MAX_LENGTH;
            }
            out.add(new Sentence(start, cut, text.substring(start, cut)));
            start = cut;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        if (end > start) {
            out.add(new Sentence(start, end, text.substring(start, end)));
        }
    }
}
