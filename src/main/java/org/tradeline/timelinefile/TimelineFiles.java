package org.tradeline.timelinefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.tradeline.event.Event;
import org.tradeline.event.Precision;
import org.tradeline.timeline.Timeline;
import org.tradeline.event.ValidEvent;
import org.tradeline.timelinefile.TimelineFile.ActorEntry;
import org.tradeline.timelinefile.TimelineFile.EventEntry;
import org.tradeline.timelinefile.TimelineFile.SourceEntry;

/**
 * Maps between the database and the file format, in one place. The same normalised entries
 * give the hashes that tell the importer whether a row still holds what a file wrote.
 */
public final class TimelineFiles {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private TimelineFiles() {
    }

    /** The timeline's text, actors and the given events in the file format (no {@code updated}: see {@link #export}). */
    public static TimelineFile file(Timeline t, List<Event> events) {
        return new TimelineFile(t.slug, t.title, t.summary, t.status.code(), null,
                t.actors.stream().map(TimelineFiles::actor).toList(),
                events.stream().map(TimelineFiles::entry).toList());
    }

    /** The file an export writes: {@link #file} with {@code updated}, so a restore keeps the date readers see. */
    public static TimelineFile export(Timeline t, List<Event> events) {
        TimelineFile f = file(t, events);
        return new TimelineFile(f.slug(), f.title(), f.summary(), f.status(), updated(t.contentUpdatedAt), f.actors(), f.events());
    }

    /** 2025-09-04 for midnight UTC (a date taken from a file), else the instant to the second. */
    static String updated(java.time.Instant at) {
        if (at == null) {
            return null;
        }
        java.time.Instant s = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return s.equals(s.truncatedTo(java.time.temporal.ChronoUnit.DAYS)) ? s.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString()
                : s.toString();
    }

    /** Reads {@code updated}: a date (midnight UTC) or an ISO instant; null when it is neither. */
    static java.time.Instant parseUpdated(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        try {
            return t.length() == 10 ? LocalDate.parse(t).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(t).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    public static EventEntry entry(Event e) {
        return new EventEntry(e.slug, e.datePrecision.iso(e.startDate), iso(e.endDate, e.datePrecision), e.headline,
                e.category.code(), e.importance.code(), e.status.code(),
                e.actors.stream().map(a -> a.slug).toList(), blankToNull(e.body),
                e.sources.stream().map(s -> new SourceEntry(s.publisher, s.title, iso(s.publishedOn, Precision.DAY), s.url))
                        .toList());
    }

    public static EventEntry entry(ValidEvent e) {
        return new EventEntry(e.slug(), e.precision().iso(e.date()), iso(e.end(), e.precision()), e.headline(),
                e.category().code(), e.importance().code(), e.status().code(), e.actors(), blankToNull(e.body()),
                e.sources().stream().map(s -> new SourceEntry(s.publisher(), s.title(), iso(s.date(), Precision.DAY), s.url()))
                        .toList());
    }

    /** Hash of an event's content; the order of its actors does not matter. */
    public static String hash(EventEntry e) {
        List<String> actors = e.actors() == null ? List.of() : e.actors().stream().sorted().toList();
        return sha256(new EventEntry(e.id(), e.date(), e.end(), e.headline(), e.category(), e.importance(), e.status(),
                actors, e.body(), e.sources()));
    }

    /** Hash of a timeline's own text and actors (not its events). */
    static String hash(String title, String summary, String status, List<ActorEntry> actors) {
        List<ActorEntry> sorted = actors.stream().sorted(Comparator.comparing(ActorEntry::id)).toList();
        return sha256(List.of(title, summary == null ? "" : summary, status, sorted));
    }

    static String hash(Timeline t) {
        return hash(t.title, t.summary, t.status.code(), t.actors.stream().map(TimelineFiles::actor).toList());
    }

    /** An actor as the file writes it: aliases only when it has some (so older hashes stay valid). */
    static ActorEntry actor(org.tradeline.timeline.Actor a) {
        return new ActorEntry(a.slug, a.name, a.aliases.isEmpty() ? null : List.copyOf(a.aliases));
    }

    static String hash(ParsedTimeline p) {
        return hash(p.title(), p.summary(), p.status().code(), p.actors());
    }

    private static String iso(LocalDate date, Precision precision) {
        return date == null ? null : precision.iso(date);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String sha256(Object value) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(value);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
