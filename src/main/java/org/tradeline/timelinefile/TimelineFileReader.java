package org.tradeline.timelinefile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tradeline.event.Category;
import org.tradeline.event.Importance;
import org.tradeline.event.Limits;
import org.tradeline.event.Markdown;
import org.tradeline.event.Precision;
import org.tradeline.event.Precision.PreciseDate;
import org.tradeline.system.Coded;
import org.tradeline.timeline.PublicationStatus;
import org.tradeline.timelinefile.ParsedTimeline.ParsedEvent;
import org.tradeline.timelinefile.ParsedTimeline.ParsedSource;
import org.tradeline.timelinefile.TimelineFile.ActorEntry;
import org.tradeline.timelinefile.TimelineFile.EventEntry;
import org.tradeline.timelinefile.TimelineFile.SourceEntry;

/**
 * Reads and checks a timeline file. Every problem is reported with its line, and a file with
 * any problem is rejected whole, so a half-imported timeline never reaches readers.
 */
public final class TimelineFileReader {

    /** Largest file accepted (a 10,000-event timeline is about 10 MB). */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .configure(SerializationFeature.INDENT_OUTPUT, true);

    private TimelineFileReader() {
    }

    public static ParsedTimeline read(String fileName, String text) throws TimelineFileException {
        if (text.length() > MAX_BYTES) {
            throw new TimelineFileException(fileName, List.of("the file is larger than " + MAX_BYTES + " bytes"));
        }
        Raw raw;
        try {
            raw = parse(text);
        } catch (JsonProcessingException e) {
            throw new TimelineFileException(fileName, List.of(describe(e)));
        } catch (IOException | RuntimeException e) {
            throw new TimelineFileException(fileName, List.of("line 1: " + e.getMessage()));
        }
        return new Checker(raw).check(fileName);
    }

    /** Renders a file in the same format the reader accepts (used by export). */
    public static String write(TimelineFile file) {
        try {
            return "# Tradeline timeline file. Format documented in README.md (\"Timeline files\").\n"
                    + YAML.writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (class ");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        message = message.replaceAll("\\s*\\n.*", "");
        String where = loc == null ? "line ?" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return where + ": " + message;
    }

    /** The file as read, with the line where each actor and event starts. */
    private record Raw(String slug, String title, String summary, String status, int line,
            List<Located<ActorEntry>> actors, List<Located<EventEntry>> events) {
    }

    private record Located<T>(T value, int line) {
    }

    private static Raw parse(String text) throws IOException {
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            p.setCodec(YAML);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw JsonMappingHelper.error(p, "the file must be a mapping with slug, title, summary, status, actors and events");
            }
            String slug = null;
            String title = null;
            String summary = null;
            String status = null;
            List<Located<ActorEntry>> actors = new ArrayList<>();
            List<Located<EventEntry>> events = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "slug" -> slug = scalar(p, field);
                    case "title" -> title = scalar(p, field);
                    case "summary" -> summary = scalar(p, field);
                    case "status" -> status = scalar(p, field);
                    case "actors" -> readList(p, field, ActorEntry.class, actors);
                    case "events" -> readList(p, field, EventEntry.class, events);
                    default -> throw JsonMappingHelper.error(p, "unknown key \"" + field
                            + "\" (expected slug, title, summary, status, actors, events)");
                }
                if (value == null) {
                    break;
                }
            }
            return new Raw(slug, title, summary, status, 1, actors, events);
        }
    }

    private static String scalar(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!p.currentToken().isScalarValue()) {
            throw JsonMappingHelper.error(p, "\"" + field + "\" must be text");
        }
        return p.getValueAsString();
    }

    private static <T> void readList(JsonParser p, String field, Class<T> type, List<Located<T>> into) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw JsonMappingHelper.error(p, "\"" + field + "\" must be a list");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int line = p.currentTokenLocation().getLineNr();
            into.add(new Located<>(p.readValueAs(type), line));
        }
    }

    /** Checks a raw file and turns it into typed values, collecting every problem. */
    private static final class Checker {
        private final Raw raw;
        private final List<String> problems = new ArrayList<>();
        private int line;

        Checker(Raw raw) {
            this.raw = raw;
        }

        ParsedTimeline check(String fileName) throws TimelineFileException {
            line = raw.line();
            String slug = required("slug", raw.slug(), Limits.SLUG_LENGTH);
            if (slug != null && !Limits.isSlug(slug)) {
                problem("slug \"" + slug + "\" must be lower-case letters, digits and single hyphens");
            }
            String title = required("title", raw.title(), Limits.TIMELINE_TITLE);
            String summary = optional("summary", raw.summary(), Limits.SUMMARY);
            PublicationStatus status = code("status", raw.status(), PublicationStatus.class, PublicationStatus.PUBLISHED);

            Set<String> actorIds = new HashSet<>();
            List<ActorEntry> actors = new ArrayList<>();
            if (raw.actors().size() > Limits.ACTORS_PER_TIMELINE) {
                problem("more than " + Limits.ACTORS_PER_TIMELINE + " actors");
            }
            for (Located<ActorEntry> a : raw.actors()) {
                line = a.line();
                String id = required("actor id", a.value().id(), Limits.SLUG_LENGTH);
                String name = required("actor name", a.value().name(), Limits.ACTOR_NAME);
                if (id != null && !Limits.isSlug(id)) {
                    problem("actor id \"" + id + "\" must be lower-case letters, digits and single hyphens");
                } else if (id != null && !actorIds.add(id)) {
                    problem("actor \"" + id + "\" is defined twice");
                }
                actors.add(new ActorEntry(id, name));
            }

            if (raw.events().size() > Limits.EVENTS_PER_TIMELINE) {
                problem("more than " + Limits.EVENTS_PER_TIMELINE + " events");
            }
            Set<String> eventIds = new HashSet<>();
            List<ParsedEvent> events = new ArrayList<>();
            for (Located<EventEntry> le : raw.events()) {
                line = le.line();
                ParsedEvent e = event(le.value(), actorIds);
                if (e != null && !eventIds.add(e.slug())) {
                    problem("event id \"" + e.slug() + "\" is used twice");
                }
                if (e != null) {
                    events.add(e);
                }
            }
            if (!problems.isEmpty()) {
                throw new TimelineFileException(fileName, problems);
            }
            return new ParsedTimeline(slug, title, summary == null ? "" : summary, status, List.copyOf(actors),
                    List.copyOf(events));
        }

        private ParsedEvent event(EventEntry e, Set<String> actorIds) {
            int before = problems.size();
            String id = required("event id", e.id(), Limits.SLUG_LENGTH);
            if (id != null && !Limits.isSlug(id)) {
                problem("event id \"" + id + "\" must be lower-case letters, digits and single hyphens");
            }
            String label = id == null ? "event" : "event \"" + id + "\"";
            PreciseDate date = date(label + " date", e.date(), true);
            PreciseDate end = date(label + " end", e.end(), false);
            if (date != null && end != null) {
                if (end.precision() != date.precision()) {
                    problem(label + ": end (" + e.end() + ") must be written at the same precision as date (" + e.date() + ")");
                } else if (end.date().isBefore(date.date())) {
                    problem(label + ": end (" + e.end() + ") is before date (" + e.date() + ")");
                }
            }
            String headline = required(label + " headline", e.headline(), Limits.HEADLINE);
            Category category = code(label + " category", e.category(), Category.class, null);
            Importance importance = code(label + " importance", e.importance(), Importance.class, Importance.MAJOR);
            PublicationStatus status = code(label + " status", e.status(), PublicationStatus.class, PublicationStatus.PUBLISHED);
            String body = optional(label + " body", e.body(), Limits.BODY);
            if (body != null) {
                for (String link : Markdown.links(body)) {
                    if (!Markdown.isWebUrl(link)) {
                        problem(label + " body: link \"" + link + "\" must be an http or https URL");
                    }
                }
            }
            List<String> actors = e.actors() == null ? List.of() : e.actors();
            if (actors.size() > Limits.ACTORS_PER_EVENT) {
                problem(label + ": more than " + Limits.ACTORS_PER_EVENT + " actors");
            }
            for (String a : actors) {
                if (!actorIds.contains(a)) {
                    problem(label + ": actor \"" + a + "\" is not defined under actors");
                }
            }
            if (new HashSet<>(actors).size() != actors.size()) {
                problem(label + ": an actor is listed twice");
            }
            List<SourceEntry> sources = e.sources() == null ? List.of() : e.sources();
            if (sources.isEmpty()) {
                problem(label + ": at least one source is required");
            } else if (sources.size() > Limits.SOURCES_PER_EVENT) {
                problem(label + ": more than " + Limits.SOURCES_PER_EVENT + " sources");
            }
            List<ParsedSource> parsedSources = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                SourceEntry s = sources.get(i);
                String which = label + " source " + (i + 1);
                String publisher = required(which + " publisher", s.publisher(), Limits.PUBLISHER);
                String title = required(which + " title", s.title(), Limits.SOURCE_TITLE);
                PreciseDate published = date(which + " date", s.date(), false);
                if (published != null && published.precision() != Precision.DAY) {
                    problem(which + " date must be a full date (YYYY-MM-DD)");
                }
                String url = optional(which + " url", s.url(), Limits.URL);
                if (url != null && !Markdown.isWebUrl(url)) {
                    problem(which + " url \"" + url + "\" must be an http or https URL");
                }
                parsedSources.add(new ParsedSource(publisher, title, published == null ? null : published.date(), url));
            }
            if (problems.size() > before) {
                return null;
            }
            LocalDate endDate = end == null ? null : end.date();
            return new ParsedEvent(id, date.date(), endDate, date.precision(), headline, category, importance, status,
                    List.copyOf(actors), body == null ? "" : body, List.copyOf(parsedSources));
        }

        private String required(String what, String value, int max) {
            if (value == null || value.isBlank()) {
                problem(what + " is missing");
                return null;
            }
            return optional(what, value, max);
        }

        private String optional(String what, String value, int max) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String v = value.strip();
            if (v.length() > max) {
                problem(what + " is longer than " + max + " characters");
            }
            return v;
        }

        private PreciseDate date(String what, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    problem(what + " is missing");
                }
                return null;
            }
            try {
                return Precision.parse(value);
            } catch (IllegalArgumentException ex) {
                problem(what + ": " + ex.getMessage());
                return null;
            }
        }

        private <E extends Enum<E> & Coded> E code(String what, String value, Class<E> type, E fallback) {
            if (value == null || value.isBlank()) {
                if (fallback == null) {
                    problem(what + " is missing (one of: " + Coded.codes(type) + ")");
                }
                return fallback;
            }
            return Coded.byCode(type, value.strip()).orElseGet(() -> {
                problem(what + " \"" + value + "\" is not one of: " + Coded.codes(type));
                return fallback;
            });
        }

        private void problem(String message) {
            problems.add("line " + line + ": " + message);
        }
    }


    /** Builds a parse error that carries the parser's current location. */
    private static final class JsonMappingHelper {
        static JsonProcessingException error(JsonParser p, String message) {
            return new com.fasterxml.jackson.core.JsonParseException(p, message);
        }
    }
}
