package org.tradeline.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.tradeline.web.Links;
import org.tradeline.timeline.TimelineSnapshot;
import org.tradeline.timeline.TimelineSnapshot.EventView;

/**
 * Maps a timeline to an iCalendar file (RFC 5545): one all-day VEVENT per published event. An event
 * covers the whole period its precision stands for ("September 2024" is Sept. 1 to 30), so DTEND is
 * the day after the last covered day. Text is escaped, lines end with CRLF and are folded at 75
 * octets without splitting a UTF-8 character.
 */
final class ICalendarFeed {

    static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";
    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendarFeed() {
    }

    static String write(TimelineSnapshot t, String base, String siteName) {
        return org.tradeline.cache.BodyWriter.text(out -> write(t, base, siteName, out));
    }

    /** Writes the calendar event by event to {@code w}. */
    static void write(TimelineSnapshot t, String base, String siteName, java.io.Writer w) throws java.io.IOException {
        StringBuilder out = new StringBuilder(16_384);
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//" + text(siteName) + "//Tradeline timelines//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + text(t.title()));
        if (t.summary() != null && !t.summary().isBlank()) {
            line(out, "X-WR-CALDESC:" + text(t.summary()));
        }
        for (EventView e : t.events()) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + uid(t.slug(), e.id()));
            line(out, "DTSTAMP:" + utc(e.updatedAt()));
            line(out, "LAST-MODIFIED:" + utc(e.updatedAt()));
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(e.coversFrom()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(endExclusive(e)));
            line(out, "SUMMARY:" + text(e.headline()));
            line(out, "DESCRIPTION:" + text(FeedText.bodyWithSourcesText(e)));
            line(out, "URL:" + uri(base + Links.eventPath(t.slug(), e.id())));
            line(out, "CATEGORIES:" + text(e.category().label()));
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
            w.append(out);
            out.setLength(0);
        }
        line(out, "END:VCALENDAR");
        w.append(out);
    }

    /** Stable for the event's lifetime: its id within the timeline, qualified by the timeline. */
    static String uid(String slug, String eventId) {
        return eventId + "@" + slug + ".tradeline";
    }

    /** The day after the last day the event covers (DTEND of an all-day event is exclusive). */
    static LocalDate endExclusive(EventView e) {
        return e.coversTo().plusDays(1);
    }

    static String utc(Instant instant) {
        return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines; drops other controls. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String s = value.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c == '\t' || (c >= 0x20 && c != 0x7F)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A URI value is not escaped, but may carry no control characters. */
    private static String uri(String value) {
        return value.replaceAll("[\\x00-\\x20\\x7F]", "");
    }

    /** Appends one content line, folded so that no physical line exceeds 75 octets. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int n = Character.charCount(cp);
            int size = utf8Length(cp);
            if (octets + size > limit) {
                out.append(CRLF).append(' ');
                octets = 1; // the leading space of a continuation line counts
            }
            out.append(content, i, i + n);
            octets += size;
            i += n;
        }
        out.append(CRLF);
    }

    private static int utf8Length(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        if (cp < 0x10000) {
            return 3;
        }
        return 4;
    }
}
