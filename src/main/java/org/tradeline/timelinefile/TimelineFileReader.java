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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tradeline.event.EventInput;
import org.tradeline.event.EventRules;
import org.tradeline.event.Limits;
import org.tradeline.event.ValidEvent;
import org.tradeline.timeline.TimelineInput;
import org.tradeline.timeline.TimelineRules;
import org.tradeline.timelinefile.TimelineFile.ActorEntry;
import org.tradeline.timelinefile.TimelineFile.EventEntry;

/**
 * Reads and checks a timeline file. Every problem is reported with its line, and a file with
 * any problem is rejected whole, so a half-imported timeline never reaches readers.
 */
public final class TimelineFileReader {

    /** Largest file accepted (a 10,000-event timeline is about 10 MB). */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .configure(SerializationFeature.INDENT_OUTPUT, true);

    private TimelineFileReader() {
    }

    /** SnakeYAML stops at 3 MB by default; a 10,000-event timeline is about 15 MB. */
    private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        return options;
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
    private record Raw(String slug, String title, String summary, String status, Located<String> updated, int line,
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
            Located<String> updated = null;
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
                    case "updated" -> updated = new Located<>(scalar(p, field), p.currentTokenLocation().getLineNr());
                    case "actors" -> readList(p, field, ActorEntry.class, actors);
                    case "events" -> readList(p, field, EventEntry.class, events);
                    default -> throw JsonMappingHelper.error(p, "unknown key \"" + field
                            + "\" (expected slug, title, summary, status, updated, actors, events)");
                }
                if (value == null) {
                    break;
                }
            }
            return new Raw(slug, title, summary, status, updated, 1, actors, events);
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

    /** Checks a raw file with the same rules as the editors' forms, collecting every problem with its line. */
    private static final class Checker {
        private final Raw raw;
        private final List<String> problems = new ArrayList<>();

        Checker(Raw raw) {
            this.raw = raw;
        }

        ParsedTimeline check(String fileName) throws TimelineFileException {
            List<TimelineInput.ActorInput> actorInputs = raw.actors().stream()
                    .map(a -> new TimelineInput.ActorInput(a.value().id(), a.value().name(), a.value().aliases())).toList();
            TimelineRules.Checked timeline = TimelineRules.check(new TimelineInput(raw.slug(), raw.title(), raw.summary(),
                    raw.status(), actorInputs, null, null));
            timeline.errors().forEach((field, message) -> {
                int line = raw.line();
                java.util.regex.Matcher m = INDEXED.matcher(field);
                if (m.matches() && field.startsWith("actors[")) {
                    line = raw.actors().get(Integer.parseInt(m.group(1))).line();
                }
                problems.add("line " + line + ": " + field + ": " + message);
            });
            java.time.Instant updated = null;
            if (raw.updated() != null && raw.updated().value() != null) {
                updated = TimelineFiles.parseUpdated(raw.updated().value());
                if (updated == null) {
                    problems.add("line " + raw.updated().line() + ": updated: \u201c" + raw.updated().value()
                            + "\u201d is not a date (YYYY-MM-DD) or a time (2025-09-04T10:15:30Z)");
                }
            }
            Set<String> actorIds = new HashSet<>();
            raw.actors().forEach(a -> actorIds.add(a.value().id()));

            if (raw.events().size() > Limits.EVENTS_PER_TIMELINE) {
                problems.add("line " + raw.line() + ": more than " + Limits.EVENTS_PER_TIMELINE + " events");
            }
            Set<String> eventIds = new HashSet<>();
            List<ValidEvent> events = new ArrayList<>();
            for (Located<EventEntry> le : raw.events()) {
                EventEntry e = le.value();
                String label = e.id() == null ? "event" : "event \"" + e.id() + "\"";
                EventRules.Checked checked = EventRules.check(input(e), actorIds::contains, true);
                checked.errors().forEach((field, message) ->
                        problems.add("line " + le.line() + ": " + label + " " + field + ": " + message));
                if (checked.isValid()) {
                    if (!eventIds.add(checked.event().slug())) {
                        problems.add("line " + le.line() + ": event id \"" + e.id() + "\" is used twice");
                    }
                    events.add(checked.event());
                }
            }
            if (!problems.isEmpty()) {
                throw new TimelineFileException(fileName, problems);
            }
            TimelineRules.ValidTimeline t = timeline.timeline();
            return new ParsedTimeline(t.slug(), t.title(), t.summary(), t.status(), updated,
                    t.actors().stream().map(a -> new ActorEntry(a.id(), a.name(), a.aliases().isEmpty() ? null : a.aliases())).toList(),
                    List.copyOf(events));
        }

        private static EventInput input(EventEntry e) {
            List<EventInput.SourceInput> sources = e.sources() == null ? List.of() : e.sources().stream()
                    .map(s -> s == null ? null : new EventInput.SourceInput(s.title(), s.publisher(), s.date(), s.url()))
                    .toList();
            return new EventInput(e.id(), e.date(), null, e.end(), e.headline(), e.body(), e.category(), e.actors(),
                    sources, e.importance(), e.status(), null, null);
        }
    }

    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("\\w+\\[(\\d+)\\].*");

    /** Builds a parse error that carries the parser's current location. */
    private static final class JsonMappingHelper {
        static JsonProcessingException error(JsonParser p, String message) {
            return new com.fasterxml.jackson.core.JsonParseException(p, message);
        }
    }
}
