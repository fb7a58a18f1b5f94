package org.tradeline.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tradeline.event.Event;
import org.tradeline.event.EventInput;
import org.tradeline.event.EventRules;
import org.tradeline.event.Limits;
import org.tradeline.event.ValidEvent;
import org.tradeline.web.InvalidInput;
import org.tradeline.web.NotFound;
import org.tradeline.web.PreconditionFailed;
import org.tradeline.timeline.Actor;
import org.tradeline.timeline.Timeline;
import org.tradeline.timeline.TimelineInput;
import org.tradeline.timeline.TimelineRules;
import org.tradeline.timeline.TimelineSnapshots;
import org.tradeline.timelinefile.TimelineFiles;

/**
 * Every editor write, for the forms and the API alike: checks the rules, checks the version
 * (optimistic locking), stores, records a revision with the field-by-field changes and the
 * public update note, and bumps the timeline's content revision so every cache sees it.
 */
@ApplicationScoped
public class EditorService {

    private final TimelineSnapshots snapshots;

    EditorService(TimelineSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * Now, to the microsecond the database keeps: the timestamps a write stores are the ones it
     * hands to the in-memory snapshot, so a snapshot built from memory and one read back from the
     * database (on another instance, or after a restart) are the same bytes.
     */
    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    @Transactional
    public Timeline timeline(String slug) {
        return Timeline.findBySlug(slug).orElseThrow(() -> new NotFound("There is no timeline called \u201c" + slug + "\u201d."));
    }

    @Transactional
    public Event event(String slug, String id) {
        Timeline t = timeline(slug);
        return t.event(id).orElseThrow(() -> new NotFound("The timeline has no event \u201c" + id + "\u201d."));
    }

    @Transactional
    public Event createEvent(String slug, EventInput in, String author) {
        return create(slug, in, author, Revision.CREATED, true);
    }

    /**
     * Creates events drafted from a news article, all of them or, on any problem, none; each is
     * recorded in its history as drafted (its source names the article).
     */
    @Transactional
    public List<Event> createDrafts(String slug, List<EventInput> drafts, String author) {
        List<Event> created = new java.util.ArrayList<>();
        for (EventInput in : drafts) {
            created.add(create(slug, in, author, Revision.DRAFTED, false));
        }
        return created;
    }

    private Event create(String slug, EventInput in, String author, String action, boolean alone) {
        Timeline t = timeline(slug);
        ValidEvent v = check(t, in);
        String id = v.slug() != null ? v.slug() : uniqueSlug(t, v);
        if (v.slug() != null && t.event(id).isPresent()) { // a generated id was checked by uniqueSlug already
            throw new InvalidInput(Map.of("id", "An event with the id \u201c" + id + "\u201d already exists in this timeline."));
        }
        Instant now = now();
        Event e = new Event();
        e.timeline = t;
        e.slug = id;
        e.createdAt = now;
        e.apply(v, actors(t, v), now);
        e.persist();
        if (org.hibernate.Hibernate.isInitialized(t.events)) {
            t.events.add(e); // keep a loaded collection true; an unloaded one stays unloaded
        }
        String note = record(t, id, action, author, Change.between(null, TimelineFiles.entry(e)), in.updateNote(), now);
        Event.flush();
        t.touch(e.isPublished() ? now : null); // last: it holds the timeline's row lock until commit; a draft is not news
        if (alone) {
            snapshots.eventWritten(t, e, note, now);
        }
        return e;
    }

    @Transactional
    public Event updateEvent(String slug, String id, EventInput in, Precondition expected, String author) {
        Event e = existing(slug, id, expected);
        expected.check(e.version);
        ValidEvent v = check(e.timeline, in);
        if (v.slug() != null && !v.slug().equals(e.slug)) {
            throw new InvalidInput(Map.of("id", "An event's id cannot change (it is in its permalink)."));
        }
        var before = TimelineFiles.entry(e);
        boolean wasPublished = e.isPublished();
        Instant now = now();
        e.apply(v, actors(e.timeline, v), now);
        List<Change> changes = Change.between(before, TimelineFiles.entry(e));
        String note = record(e.timeline, e.slug, Revision.UPDATED, author, changes, in.updateNote(), now);
        Event.flush(); // a concurrent save fails here (OptimisticLockException, answered 409), not at commit
        e.timeline.touch(wasPublished || e.isPublished() ? now : null);
        snapshots.eventWritten(e.timeline, e, note, now);
        return e;
    }

    /** Creates every event in one transaction: all of them or, on any problem, none. */
    @Transactional
    public int importEvents(String slug, List<EventInput> events, String author) {
        for (EventInput in : events) {
            createEvent(slug, in, author);
        }
        return events.size();
    }

    @Transactional
    public void deleteEvent(String slug, String id, Precondition expected, String updateNote, String author) {
        Event e = existing(slug, id, expected);
        expected.check(e.version);
        Timeline t = e.timeline;
        List<Change> changes = Change.between(TimelineFiles.entry(e), null);
        if (org.hibernate.Hibernate.isInitialized(t.events)) {
            t.events.remove(e);
        }
        boolean wasPublished = e.isPublished();
        e.delete();
        Instant now = now();
        String note = record(t, id, Revision.DELETED, author, changes, updateNote, now);
        Event.flush();
        t.touch(wasPublished ? now : null);
        snapshots.eventDeleted(t, e, note, now);
    }

    @Transactional
    public Timeline createTimeline(TimelineInput in, String author) {
        TimelineRules.ValidTimeline v = check(in);
        if (Timeline.findBySlug(v.slug()).isPresent()) {
            throw new InvalidInput(Map.of("slug", "A timeline called \u201c" + v.slug() + "\u201d already exists."));
        }
        Instant now = now();
        Timeline t = new Timeline();
        t.slug = v.slug();
        t.createdAt = now;
        apply(t, v, now);
        t.touch(now);
        t.persist();
        record(t, null, Revision.CREATED, author, Change.between(null, TimelineFiles.file(t, List.of())), in.updateNote(), now);
        return t;
    }

    @Transactional
    public Timeline updateTimeline(String slug, TimelineInput in, Precondition expected, String author) {
        Timeline t = existing(slug, expected);
        expected.check(t.version);
        TimelineRules.ValidTimeline v = check(in);
        if (!v.slug().equals(t.slug)) {
            throw new InvalidInput(Map.of("slug", "A timeline's web name cannot change (links point to it)."));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (Actor a : t.actors) {
            boolean kept = v.actors().stream().anyMatch(x -> x.id().equals(a.slug));
            long uses = t.events.stream().filter(e -> e.actors.contains(a)).count();
            if (!kept && uses > 0) {
                errors.put("actors", "\u201c" + a.name + "\u201d is named in " + uses
                        + (uses == 1 ? " event" : " events") + "; remove it from them before removing the actor.");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        var before = TimelineFiles.file(t, List.of());
        Instant now = now();
        apply(t, v, now);
        List<Change> changes = Change.between(before, TimelineFiles.file(t, List.of()));
        record(t, null, Revision.UPDATED, author, changes, in.updateNote(), now);
        Timeline.flush();
        t.touch(now);
        return t;
    }

    @Transactional
    public void deleteTimeline(String slug, Precondition expected) {
        Timeline t = existing(slug, expected);
        expected.check(t.version);
        Revision.delete("timeline", t);
        t.delete();
    }

    @Transactional
    public List<Revision> history(String slug, String eventId) {
        Timeline t = timeline(slug);
        return Revision.list("timeline = ?1 and eventSlug = ?2 order by changedAt desc, id desc", t, eventId);
    }

    /** The timeline a write changes: a conditional write (If-Match) to one that does not exist is a 412, others a 404. */
    private Timeline existing(String slug, Precondition expected) {
        Optional<Timeline> t = Timeline.findBySlug(slug);
        if (t.isEmpty() && expected.fromIfMatch()) {
            throw nothingToMatch();
        }
        return t.orElseGet(() -> timeline(slug));
    }

    /** The event a write changes, as {@link #existing(String, Precondition)}. */
    private Event existing(String slug, String id, Precondition expected) {
        Optional<Event> e = Timeline.findBySlug(slug).flatMap(t -> t.event(id));
        if (e.isEmpty() && expected.fromIfMatch()) {
            throw nothingToMatch();
        }
        return e.orElseGet(() -> event(slug, id)); // the 404 that says whether the timeline or the event is missing
    }

    private static PreconditionFailed nothingToMatch() {
        return new PreconditionFailed("There is nothing at this address, so If-Match cannot match. Nothing was changed.");
    }

    private static ValidEvent check(Timeline t, EventInput in) {
        EventRules.Checked checked = EventRules.check(in, id -> t.actor(id).isPresent(), false);
        if (!checked.isValid()) {
            throw new InvalidInput(checked.errors());
        }
        return checked.event();
    }

    private static TimelineRules.ValidTimeline check(TimelineInput in) {
        TimelineRules.Checked checked = TimelineRules.check(in);
        if (!checked.isValid()) {
            throw new InvalidInput(checked.errors());
        }
        return checked.timeline();
    }

    private static void apply(Timeline t, TimelineRules.ValidTimeline v, Instant now) {
        t.title = v.title();
        t.summary = v.summary();
        t.status = v.status();
        t.updatedAt = now;
        Map<String, Actor> existing = actors(t);
        for (TimelineRules.ValidActor va : v.actors()) {
            Actor a = existing.get(va.id());
            if (a == null) {
                a = new Actor();
                a.timeline = t;
                a.slug = va.id();
                t.actors.add(a);
            }
            a.name = va.name();
            a.aliases(va.aliases());
        }
        t.actors.removeIf(a -> v.actors().stream().noneMatch(x -> x.id().equals(a.slug)));
    }

    private static Map<String, Actor> actors(Timeline t) {
        return t.actors.stream().collect(Collectors.toMap(a -> a.slug, Function.identity()));
    }

    /** The timeline's actors an event names, by id: none loaded (no query) for an event that names none. */
    private static Map<String, Actor> actors(Timeline t, ValidEvent v) {
        return v.actors().isEmpty() ? Map.of() : actors(t);
    }

    /** An id from the date and headline ("2025-01-03-biden-blocks-the-deal"), unique in the timeline. */
    static String uniqueSlug(Timeline t, ValidEvent v) {
        String words = Normalizer.normalize(v.headline(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        String base = (v.precision().iso(v.date()) + "-" + words);
        if (base.length() > Limits.SLUG_LENGTH - 4) {
            base = base.substring(0, Limits.SLUG_LENGTH - 4).replaceAll("-+$", "");
        }
        String candidate = base;
        for (int i = 2; t.event(candidate).isPresent(); i++) {
            candidate = base + "-" + i;
        }
        return candidate;
    }

    /** Records the change in the history; answers the public update note it stored, if any. */
    private static String record(Timeline t, String eventSlug, String action, String author, List<Change> changes,
            String updateNote, Instant now) {
        String note = updateNote == null || updateNote.isBlank() ? null : updateNote.strip();
        if (changes.isEmpty() && note == null) {
            return null;
        }
        Revision r = new Revision();
        r.timeline = t;
        r.eventSlug = eventSlug;
        r.action = action;
        r.author = author;
        r.changedAt = now;
        r.changes = Change.toJson(changes);
        r.updateNote = note;
        r.noted = note != null;
        r.persist();
        return note;
    }
}
