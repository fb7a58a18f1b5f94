package tradeline.bench;

import java.time.LocalDate;
import java.util.List;

/** Plain data shared by the harness. */
final class Model {
    private Model() {}

    /** A period of whole days, both ends inclusive. */
    record Period(LocalDate start, LocalDate end) {
        static Period day(LocalDate d) { return new Period(d, d); }
        boolean contains(LocalDate d) { return !d.isBefore(start) && !d.isAfter(end); }
        @Override public String toString() {
            return start.equals(end) ? start.toString() : start + ".." + end;
        }
    }

    /** One annotated statement, already located in the text ([begin, end) char offsets). */
    record Statement(String article, int index, String expression, String context, LocalDate start, LocalDate end,
                     String tense, int begin, int endOffset) {
        Period period() { return new Period(start, end); }
    }

    record Article(String name, String title, LocalDate published, String text, List<Statement> statements) {}

    /**
     * One time expression a library found. {@code period} is the whole-day period its value stands for
     * (null when it cannot be turned into one: unresolved X's, an unanchored duration, a time-of-day without date...).
     * {@code points} is set only for point-in-time libraries (natty, prettytime, chrono without an end).
     */
    record Mention(int begin, int end, String text, String raw, Period period, List<LocalDate> points) {
        Mention(int begin, int end, String text, String raw, Period period) { this(begin, end, text, raw, period, null); }
        boolean overlaps(int b, int e) { return begin < e && b < end; }
    }
}
