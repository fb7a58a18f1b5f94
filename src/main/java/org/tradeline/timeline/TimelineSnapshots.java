package org.tradeline.timeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.tradeline.event.DisplayDate;
import org.tradeline.event.Event;
import org.tradeline.event.Markdown;
import org.tradeline.event.Precision;
import org.tradeline.event.Source;
import org.tradeline.timeline.TimelineSnapshot.ActorView;
import org.tradeline.timeline.TimelineSnapshot.EventView;
import org.tradeline.timeline.TimelineSnapshot.SourceView;
import org.tradeline.timeline.TimelineSnapshot.UpdateView;

/**
 * Keeps the readers' snapshot of each timeline in memory. Each read checks the timeline's
 * content revision: in memory when this process is the database's only writer or hears every
 * other instance's commits (see {@link org.tradeline.cache.ContentRevisions}), otherwise in the
 * database (one indexed single-row read); no time-to-live is involved.
 */
@ApplicationScoped
public class TimelineSnapshots {

    static final int MAX_UPDATES = 50;

    private final Map<String, TimelineSnapshot> cache = new ConcurrentHashMap<>();
    private final org.tradeline.cache.ContentRevisions revisions;
    /** Snapshots read from the database, and snapshots made from a write without reading. */
    private final LongAdder builds = new LongAdder();
    private final LongAdder fromWrites = new LongAdder();

    TimelineSnapshots(org.tradeline.cache.ContentRevisions revisions) {
        this.revisions = revisions;
    }

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        FunctionCounter.builder("tradeline.snapshots.built", builds, LongAdder::sum).tag("from", "database")
                .description("Timeline snapshots made for readers, by reading the database or from the write itself")
                .register(registry);
        FunctionCounter.builder("tradeline.snapshots.built", fromWrites, LongAdder::sum).tag("from", "write")
                .description("Timeline snapshots made for readers, by reading the database or from the write itself")
                .register(registry);
    }

    /** The published timeline, or empty when there is none under that slug. */
    public Optional<TimelineSnapshot> published(String slug) {
        return current(slug).filter(TimelineSnapshot::isPublished);
    }

    /** The timeline's current snapshot (published events only), whatever the timeline's status. */
    public Optional<TimelineSnapshot> current(String slug) {
        if (slug == null || slug.length() > 80 || slug.chars().anyMatch(c -> c < 0x20)) {
            return Optional.empty();
        }
        Long known = revisions.current(slug);
        TimelineSnapshot cached = cache.get(slug);
        if (known != null && cached != null && cached.contentRev() == known) {
            return Optional.of(cached); // no write since: no database round trip at all
        }
        if (revisions.inTransaction()) {
            // Inside a caller's transaction the rows may hold uncommitted writes: read them, keep nothing.
            return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(
                    revision(slug) == null ? null : build(slug, false)));
        }
        Long rev = known;
        if (rev == null) { // a revision known in memory is committed already: no need to read it
            long epoch = revisions.epoch();
            rev = QuarkusTransaction.requiringNew().call(() -> revision(slug));
            if (rev == null) {
                cache.remove(slug);
                return Optional.empty();
            }
            revisions.learned(slug, rev, epoch);
        }
        if (cached != null && cached.contentRev() == rev) {
            return Optional.of(cached);
        }
        // One build per timeline at a time: a burst of readers after a write (or at start) waits for
        // it, holding no database connection, instead of each building the same snapshot.
        synchronized (lock(slug)) {
            drain(slug); // writes committed here may have left what this read needs
            TimelineSnapshot again = cache.get(slug);
            if (again != null && again.contentRev() >= rev) {
                return Optional.of(again);
            }
            TimelineSnapshot fresh = QuarkusTransaction.requiringNew().call(() -> build(slug));
            if (fresh == null) {
                cache.remove(slug); // deleted since its revision was known
                pending.remove(slug);
                return Optional.empty();
            }
            cache.merge(slug, fresh, (old, neu) -> old.contentRev() >= neu.contentRev() ? old : neu);
            drain(slug);
            return Optional.of(cache.getOrDefault(slug, fresh));
        }
    }

    private final Map<String, Object> buildLocks = new ConcurrentHashMap<>();

    private Object lock(String slug) {
        return buildLocks.computeIfAbsent(slug, k -> new Object());
    }

    /** The committed content revision of the timeline, or null when there is none. */
    private static Long revision(String slug) {
        List<Long> revs = Timeline.getEntityManager()
                .createQuery("select t.contentRev from Timeline t where t.slug = :slug", Long.class)
                .setParameter("slug", slug)
                .getResultList();
        return revs.isEmpty() ? null : revs.get(0);
    }

    /** Every published timeline, most recently updated first. */
    public List<TimelineSnapshot> allPublished() {
        List<String> slugs = QuarkusTransaction.joiningExisting().call(() -> Timeline.getEntityManager()
                .createQuery("select t.slug from Timeline t where t.status = :published order by t.contentUpdatedAt desc, t.slug",
                        String.class)
                .setParameter("published", PublicationStatus.PUBLISHED)
                .getResultList());
        return slugs.stream().map(this::published).flatMap(Optional::stream).toList();
    }

    /** A revision for a list of timelines: changes when any of them changes, or the list does. */
    public static String revision(List<TimelineSnapshot> timelines) {
        StringBuilder b = new StringBuilder();
        timelines.forEach(t -> b.append(t.slug()).append(':').append(t.contentRev()).append(','));
        return b.toString();
    }

    /** The published timeline, or a 404 that says so. */
    public TimelineSnapshot require(String slug) {
        return published(slug).orElseThrow(() -> new org.tradeline.web.NotFound(
                "There is no published timeline called \u201c" + slug + "\u201d."));
    }

    /** What the last build of a timeline made of each event, reused while the event is unchanged. */
    private record Built(long version, Instant updatedAt, EventView view) {
    }

    /**
     * One row of the update-note query as the build read it: {@code draft} when it is about an event
     * that existed unpublished, so readers do not see it.
     */
    private record NoteRow(Instant at, String note, String eventSlug, boolean draft) {
    }

    /**
     * What the last build or write of a timeline left, for the next one: each published event's
     * view (by database id, and by event id as readers name them) and their order, and the update-note
     * rows it read, all at {@code contentRev}.
     */
    private record BuildState(long contentRev, List<ActorView> actors, LayeredMap<Long, Built> events,
            LayeredMap<String, EventView> byId, List<Long> order,
            List<NoteRow> notes) {
    }

    private final Map<String, BuildState> built = new ConcurrentHashMap<>();

    /**
     * Builds the snapshot incrementally: one narrow query lists the published events with their
     * versions; only events that are new or changed since the last build are loaded (with their
     * sources and actors) and rendered again, so a write to a long timeline costs the one event.
     */
    private TimelineSnapshot build(String slug) {
        return build(slug, true);
    }

    /** The timeline's snapshot read afresh from the database, touching no cache (for tests that compare). */
    TimelineSnapshot readBack(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> build(slug, false));
    }

    private TimelineSnapshot build(String slug, boolean remember) {
        var em = Timeline.getEntityManager();
        // The timeline with its actors in one statement.
        Timeline t = em.createQuery("select t from Timeline t left join fetch t.actors where t.slug = :slug", Timeline.class)
                .setParameter("slug", slug).getResultStream().findFirst().orElse(null);
        if (t == null) {
            if (remember) {
                built.remove(slug);
            }
            return null;
        }
        List<ActorView> actors = t.actors.stream().map(TimelineSnapshots::actorView).toList();
        Map<Long, ActorView> actorsById = new HashMap<>();
        t.actors.forEach(a -> actorsById.put(a.id, actorView(a)));
        BuildState before = remember ? built.get(slug) : null;
        Map<Long, Built> reusable = before != null && before.actors().equals(actors) ? before.events() : Map.of();

        List<Object[]> rows = em.createQuery("select e.id, e.version, e.updatedAt from Event e "
                        + "where e.timeline = :t and e.status = :published order by e.startDate, e.id", Object[].class)
                .setParameter("t", t)
                .setParameter("published", PublicationStatus.PUBLISHED)
                .getResultList();
        List<Long> stale = new ArrayList<>();
        for (Object[] row : rows) {
            Built b = reusable.get((Long) row[0]);
            if (b == null || b.version() != (Integer) row[1] || !b.updatedAt().equals(row[2])) {
                stale.add((Long) row[0]);
            }
        }
        Map<Long, Built> fresh = new HashMap<>();
        for (int from = 0; from < stale.size(); from += 1000) {
            List<Long> ids = stale.subList(from, Math.min(stale.size(), from + 1000));
            Map<Long, List<ActorView>> actorsOf = new HashMap<>();
            for (Object[] row : em.createQuery(
                            "select e.id, a.id from Event e join e.actors a where e.id in :ids order by a.id", Object[].class)
                    .setParameter("ids", ids).getResultList()) {
                actorsOf.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(actorsById.get((Long) row[1]));
            }
            // The changed events with their sources in one statement.
            for (Event e : em.createQuery("select e from Event e left join fetch e.sources where e.id in :ids",
                    Event.class).setParameter("ids", ids).getResultList()) {
                fresh.put(e.id, new Built(e.version, e.updatedAt, view(e, actorsOf.getOrDefault(e.id, List.of()), sources(e))));
            }
        }
        List<EventView> views = new ArrayList<>(rows.size());
        List<Long> order = new ArrayList<>(rows.size());
        HashMap<Long, Built> now = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            Long id = (Long) row[0];
            Built b = fresh.containsKey(id) ? fresh.get(id) : reusable.get(id);
            now.put(id, b);
            views.add(b.view());
            order.add(id);
        }
        LayeredMap<String, EventView> byId = byId(views);
        List<NoteRow> notes = new ArrayList<>();
        for (Object[] row : em.createQuery("select r.changedAt, r.updateNote, r.eventSlug from Revision r "
                        + "where r.timeline = :t and r.noted = true order by r.changedAt desc, r.id desc", Object[].class)
                .setParameter("t", t).setMaxResults(MAX_UPDATES).getResultList()) {
            String eventSlug = (String) row[2];
            // a note about a draft stays private until the event is published
            boolean draft = eventSlug != null && !byId.containsKey(eventSlug) && t.event(eventSlug).isPresent();
            notes.add(new NoteRow((Instant) row[0], (String) row[1], eventSlug, draft));
        }
        if (remember) {
            built.put(slug, new BuildState(t.contentRev, actors, LayeredMap.owning(now), byId, List.copyOf(order), List.copyOf(notes)));
            builds.increment();
        }
        return new TimelineSnapshot(t.slug, t.title, t.summary, t.status, t.createdAt, t.contentUpdatedAt, t.contentRev, t.version,
                actors, List.copyOf(views), byId, updates(notes, byId));
    }

    private static LayeredMap<String, EventView> byId(List<EventView> views) {
        HashMap<String, EventView> byId = new HashMap<>(views.size() * 2);
        views.forEach(v -> byId.put(v.id(), v));
        return LayeredMap.owning(byId);
    }

    /** The public update log: the note rows read, less those about drafts, linked to their events while published. */
    private static List<UpdateView> updates(List<NoteRow> notes, Map<String, EventView> byId) {
        List<UpdateView> updates = new ArrayList<>(notes.size());
        for (NoteRow n : notes) {
            if (n.draft()) {
                continue;
            }
            EventView event = n.eventSlug() == null ? null : byId.get(n.eventSlug());
            updates.add(new UpdateView(n.at(), n.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    DisplayDate.single(n.at().atZone(java.time.ZoneOffset.UTC).toLocalDate(), Precision.DAY), n.note(),
                    event == null ? null : event.id(), event == null ? null : event.headline()));
        }
        return List.copyOf(updates);
    }

    /**
     * Called by a write of one event (created or changed), inside its transaction after the flush:
     * once (and only if) it commits, the snapshot it started from becomes the next one with this
     * event in, without reading the timeline again. Applies only when the cached snapshot is the revision just before this
     * write's (the timeline's row lock numbers writes one by one, so nothing else changed between),
     * and only when the write cannot change anything else readers see: otherwise the next read
     * rebuilds from the database as before. Other instances always rebuild.
     */
    public void eventWritten(Timeline t, Event e, String note, Instant at) {
        EventView view = null;
        if (e.isPublished()) {
            // As the build reads them: actors in id order, sources in their order.
            List<ActorView> actors = e.actors.stream().sorted(java.util.Comparator.comparing((Actor a) -> a.id))
                    .map(TimelineSnapshots::actorView).toList();
            view = view(e, actors, sources(e));
        }
        afterCommit(t, e.id, e.startDate, e.slug, view == null ? null : new Built(e.version, e.updatedAt, view), false, note, at);
    }

    /** The same for an event's deletion (called after the flush that deleted it). */
    public void eventDeleted(Timeline t, Event e, String note, Instant at) {
        afterCommit(t, e.id, e.startDate, e.slug, null, true, note, at);
    }

    private void afterCommit(Timeline t, Long id, LocalDate date, String eventSlug, Built written, boolean deleted, String note,
            Instant at) {
        String slug = t.slug;
        Delta d = new Delta(t.contentRev, id, date, eventSlug, written, deleted, note, at, t.contentUpdatedAt, t.version);
        revisions.beforeRaise(() -> {
            synchronized (lock(slug)) {
                TreeMap<Long, Delta> queue = pending.computeIfAbsent(slug, k -> new TreeMap<>());
                queue.put(d.rev(), d);
                if (queue.size() > MAX_PENDING) {
                    queue.pollFirstEntry(); // a gap nothing fills (a write that cannot be applied): the next read rebuilds
                }
                drain(slug);
            }
        });
    }

    /** One committed event write, kept until the snapshot of the revision before it is cached. */
    private record Delta(long rev, Long id, LocalDate date, String eventSlug, Built written, boolean deleted, String note,
            Instant at, Instant contentUpdatedAt, int version) {
    }

    /** Writes applied out of order are held at most this many per timeline. */
    private static final int MAX_PENDING = 64;

    /**
     * Per timeline, committed event writes waiting for their turn (guarded by the timeline's lock).
     * Concurrent writers commit in revision order, but each one's after-commit step runs on its own
     * thread, so the step for revision n + 2 may come before the one for n + 1.
     */
    private final Map<String, TreeMap<Long, Delta>> pending = new ConcurrentHashMap<>();

    /** Applies the waiting writes that follow the cached snapshot, in revision order (holding the timeline's lock). */
    private void drain(String slug) {
        TreeMap<Long, Delta> queue = pending.get(slug);
        if (queue == null) {
            return;
        }
        TimelineSnapshot now = cache.get(slug);
        while (now != null) {
            queue.headMap(now.contentRev(), true).clear();
            Delta d = queue.remove(now.contentRev() + 1);
            TimelineSnapshot next = d == null ? null : next(slug, d.rev(), d.id(), d.date(), d.eventSlug(), d.written(),
                    d.deleted(), d.note(), d.at(), d.contentUpdatedAt(), d.version());
            if (next == null) {
                break;
            }
            fromWrites.increment();
            cache.put(slug, next);
            now = next;
        }
        if (queue.isEmpty()) {
            pending.remove(slug);
        }
    }

    /** The snapshot at {@code rev}: the cached one at {@code rev - 1} with the event's write, or null when that cannot be known here. */
    private TimelineSnapshot next(String slug, long rev, Long id, LocalDate date, String eventSlug, Built written,
            boolean deleted, String note, Instant at, Instant contentUpdatedAt, int version) {
        TimelineSnapshot old = cache.get(slug);
        BuildState state = built.get(slug);
        if (old == null || state == null || old.contentRev() != rev - 1 || state.contentRev() != rev - 1) {
            return null; // behind: rebuild
        }
        List<NoteRow> notes = state.notes();
        if (deleted) {
            // Notes about a deleted event stay in the log, unlinked; a draft's private ones become public.
            notes = notes.stream().map(n -> eventSlug.equals(n.eventSlug()) ? new NoteRow(n.at(), n.note(), n.eventSlug(), false) : n)
                    .toList();
        } else if (notes.stream().anyMatch(n -> eventSlug.equals(n.eventSlug()))) {
            return null; // notes about this event, whose link or visibility may change: rebuild
        }
        // A build reads the timeline's row first and its events and notes after it, each statement seeing
        // what is committed by then: a build racing this write may already hold its event (replaced
        // below) or its note (kept once).
        boolean noted = note != null && notes.stream().anyMatch(n -> n.at().equals(at) && note.equals(n.note())
                && java.util.Objects.equals(eventSlug, n.eventSlug()));
        if (note != null && !noted) {
            if (!notes.isEmpty() && !at.isAfter(notes.get(0).at())) {
                return null; // written out of clock order with an earlier note: let the database order them
            }
            List<NoteRow> more = new ArrayList<>(notes.size() + 1);
            more.add(new NoteRow(at, note, eventSlug, written == null && !deleted));
            more.addAll(notes);
            notes = List.copyOf(more.subList(0, Math.min(more.size(), MAX_UPDATES)));
        }
        List<Long> order = new ArrayList<>(state.order());
        List<EventView> views = new ArrayList<>(old.events());
        LayeredMap<Long, Built> events = state.events();
        LayeredMap<String, EventView> byId = state.byId();
        int was = order.indexOf(id);
        if (was >= 0) {
            order.remove(was);
            byId = byId.without(views.remove(was).id());
            events = events.without(id);
        }
        if (written != null) {
            int lo = 0;
            int hi = order.size();
            while (lo < hi) { // the database's order: start date, then id
                int mid = (lo + hi) >>> 1;
                int c = views.get(mid).date().compareTo(date);
                if (c < 0 || (c == 0 && order.get(mid) < id)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            order.add(lo, id);
            views.add(lo, written.view());
            events = events.with(id, written);
            byId = byId.with(written.view().id(), written.view());
        }
        built.put(slug, new BuildState(rev, state.actors(), events, byId, List.copyOf(order), notes));
        return new TimelineSnapshot(old.slug(), old.title(), old.summary(), old.status(), old.createdAt(), contentUpdatedAt,
                rev, version, old.actors(), List.copyOf(views), byId, updates(notes, byId));
    }

    /** How an event (a draft too) would look to readers, for the editors' preview. */
    public static EventView preview(Event e) {
        return view(e, e.actors.stream().map(TimelineSnapshots::actorView).toList(),
                e.sources.stream().map(TimelineSnapshots::sourceView).toList());
    }

    private static ActorView actorView(Actor a) {
        return new ActorView(a.slug, a.name);
    }

    private static SourceView sourceView(Source s) {
        return new SourceView(s.publisher, s.title, s.publishedOn,
                s.publishedOn == null ? null : DisplayDate.single(s.publishedOn, Precision.DAY), s.url);
    }

    /** The event's sources in their order. */
    private static List<SourceView> sources(Event e) {
        return e.sources.stream().sorted(java.util.Comparator.comparingInt((Source s) -> s.sortOrder))
                .map(TimelineSnapshots::sourceView).toList();
    }

    static EventView view(Event e, List<ActorView> actors, List<SourceView> sources) {
        String text = Markdown.toText(e.body);
        StringBuilder search = new StringBuilder()
                .append(e.headline).append('\n').append(text);
        actors.forEach(a -> search.append('\n').append(a.name()));
        sources.forEach(s -> search.append('\n').append(s.publisher()).append('\n').append(s.title()));
        LocalDate end = e.endDate;
        return new EventView(e.slug, e.startDate, end, e.datePrecision,
                DisplayDate.of(e.startDate, end, e.datePrecision),
                e.headline, e.body, Markdown.toHtml(e.body), text, e.category, e.importance,
                List.copyOf(actors), List.copyOf(sources), e.updatedAt, e.version,
                search.toString().toLowerCase(Locale.ROOT));
    }
}
