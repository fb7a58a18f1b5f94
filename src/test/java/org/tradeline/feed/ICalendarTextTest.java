package org.tradeline.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The iCalendar escaping and folding rules, on text the fixtures do not have. */
class ICalendarTextTest {

    @Test
    void shouldEscapeBackslashSemicolonCommaAndNewlines() {
        assertThat(ICalendarFeed.text("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
        assertThat(ICalendarFeed.text("bell\u0007 and tab\t")).isEqualTo("bell and tab\t");
    }

    @Test
    void shouldFoldAt75OctetsWithoutSplittingACharacter() {
        String value = "SUMMARY:" + "Ünïcödé – 日本製鉄 \uD83D\uDE80 ".repeat(20);
        StringBuilder out = new StringBuilder();
        ICalendarFeed.line(out, value);
        String folded = out.toString();
        assertThat(folded).endsWith("\r\n");
        String[] lines = folded.split("\r\n");
        assertThat(lines.length).isGreaterThan(5);
        for (int i = 0; i < lines.length; i++) {
            assertThat(lines[i].getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(lines[i]).doesNotContain("\uFFFD");
            if (i > 0) {
                assertThat(lines[i]).startsWith(" ");
            }
            // Every line is whole UTF-8: no lone surrogate at either end.
            assertThat(Character.isHighSurrogate(lines[i].charAt(lines[i].length() - 1))).isFalse();
        }
        // Unfolding (drop CRLF + one space) gives the value back.
        assertThat(folded.replace("\r\n ", "").replace("\r\n", "")).isEqualTo(value);
        // Lines are filled: all but the last come within 3 octets of the limit.
        for (int i = 0; i < lines.length - 1; i++) {
            assertThat(lines[i].getBytes(StandardCharsets.UTF_8).length).isGreaterThan(71);
        }
    }

    @Test
    void shouldNotFoldAShortLine() {
        StringBuilder out = new StringBuilder();
        ICalendarFeed.line(out, "X".repeat(75));
        assertThat(out.toString()).isEqualTo("X".repeat(75) + "\r\n");
        out.setLength(0);
        ICalendarFeed.line(out, "X".repeat(76));
        assertThat(out.toString()).isEqualTo("X".repeat(75) + "\r\n X\r\n");
    }
}
