package tradeline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A crude sentence splitter, only for libraries made for short inputs (natty, prettytime). */
final class Sentences {
    private Sentences() {}

    private static final Pattern END = Pattern.compile("(?<=[.!?][\"\u201d\u2019)]?)\\s+(?=[\"\u201c\u2018(]?[A-Z0-9])|\\n+");
    private static final Pattern ABBREV = Pattern.compile(
            "(?:\\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|Corp|Inc|Co|Ltd|St|Gov|Sen|Rep|U\\.S|a\\.m|p\\.m|No|vs)\\.|\\b[A-Z]\\.)$");

    /** [begin, end) spans of sentences. */
    static List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = END.matcher(text);
        int start = 0;
        while (m.find()) {
            String before = text.substring(start, m.start());
            if (!m.group().contains("\n") && ABBREV.matcher(before).find()) continue;
            add(out, text, start, m.start());
            start = m.end();
        }
        add(out, text, start, text.length());
        return out;
    }

    private static void add(List<int[]> out, String text, int b, int e) {
        while (b < e && Character.isWhitespace(text.charAt(b))) b++;
        while (e > b && Character.isWhitespace(text.charAt(e - 1))) e--;
        if (e > b) out.add(new int[] {b, e});
    }
}
