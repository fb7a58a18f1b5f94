package org.tradeline.extract.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tradeline.extract.text.TimelineFacts.EventFacts;

/**
 * Finds the timeline's events a candidate may repeat: their periods overlap, and they share an
 * actor or at least two distinctive words. A candidate that covers more than a month (a year, a
 * quarter) must share both, or every event of that year would match.
 */
final class Duplicates {

    static final int MAX_MATCHES = 3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> STOP = Set.of("the", "and", "for", "that", "with", "from", "this", "its", "his", "her",
            "their", "was", "were", "are", "has", "have", "had", "not", "but", "who", "which", "said", "says", "will", "would",
            "could", "been", "after", "before", "over", "under", "into", "about", "than", "then", "them", "they", "also",
            "more", "most", "some", "such", "other", "when", "while", "where", "what", "why", "how", "all", "any", "can",
            "did", "does", "one", "two", "new", "out", "our", "you", "she", "him", "told", "week", "month", "year", "day",
            "today", "yesterday", "tomorrow", "last", "next", "earlier", "later", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "per", "cent", "percent", "deal", "company", "companies");

    private final List<EventFacts> events;
    private final Map<String, Set<String>> words = new HashMap<>();

    Duplicates(List<EventFacts> events) {
        this.events = events.stream().sorted(Comparator.comparing(EventFacts::first)).toList();
    }

    /** The ids of the events the candidate may repeat, best first. */
    List<String> matches(Period p, String sentence, List<String> actors) {
        Set<String> mine = null;
        boolean coarse = p.days() > 31;
        record Scored(String id, int score) {
        }
        List<Scored> found = new ArrayList<>();
        for (EventFacts e : events) {
            if (e.first().isAfter(p.end())) {
                break;
            }
            if (e.last().isBefore(p.start())) {
                continue;
            }
            long sharedActors = actors.stream().filter(e.actors()::contains).count();
            if (mine == null) {
                mine = words(sentence);
            }
            Set<String> theirs = words.computeIfAbsent(e.id(), k -> words(e.headline() + " " + e.body()));
            long sharedWords = mine.stream().filter(theirs::contains).count();
            boolean match = coarse ? sharedActors > 0 && sharedWords >= 2 : sharedActors > 0 || sharedWords >= 2;
            if (match) {
                found.add(new Scored(e.id(), (int) (sharedActors * 3 + sharedWords)));
            }
        }
        return found.stream().sorted(Comparator.comparingInt(Scored::score).reversed()).limit(MAX_MATCHES).map(Scored::id).toList();
    }

    /** Distinctive words, lower-cased, plural and possessive endings dropped. */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (w.length() < 3 || STOP.contains(w) || w.chars().allMatch(Character::isDigit)) {
                continue;
            }
            out.add(stem(w));
        }
        return out;
    }

    private static String stem(String w) {
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("ing") && w.length() > 5) {
            return w.substring(0, w.length() - 3);
        }
        if (w.endsWith("ed") && w.length() > 4) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
