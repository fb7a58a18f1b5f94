package org.tradeline.extract.text;

import java.util.Locale;
import java.util.Map;

/** Amounts as news copy writes them: "30", "a", "two", "forty-five", "a couple of". */
final class Numbers {

    /** The words {@link #parse} reads, for use in patterns. */
    static final String WORDS = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
            + "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|a\\s+couple\\s+of";

    private static final Map<String, Integer> VALUES = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("forty-five", 45), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("ninety", 90));

    private Numbers() {
    }

    static int parse(String text) {
        String t = Regex.replaceAll(text.toLowerCase(Locale.ROOT), "\\s+", " ").strip();
        if (t.startsWith("a couple")) {
            return 2;
        }
        if (t.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(t);
        }
        Integer v = VALUES.get(t);
        if (v == null) {
            throw new IllegalArgumentException("not a number: " + text);
        }
        return v;
    }
}
