package org.tradeline.timeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    TimelineSnapshots(org.tradeline.cache.ContentRevisions revisions) {
        this.revisions = revisions;
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
                    revision(slug) == null ? null : build(slug)));
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
        synchronized (buildLocks.computeIfAbsent(slug, k -> new Object())) {
            TimelineSnapshot again = cache.get(slug);
            if (again != null && again.contentRev() >= rev) {
                return Optional.of(again);
            }
            TimelineSnapshot fresh = QuarkusTransaction.requiringNew().call(() -> build(slug));
            if (fresh != null) {
                cache.merge(slug, fresh, (old, neu) -> old.contentRev() >= neu.contentRev() ? old : neu);
            } else {
                cache.remove(slug); // deleted since its revision was known
            }
            return Optional.ofNullable(fresh);
        }
    }

    private final Map<String, Object> buildLocks = new ConcurrentHashMap<>();

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

    private record BuildState(List<ActorView> actors, Map<Long, Built> events) {
    }

    private final Map<String, BuildState> built = new ConcurrentHashMap<>();

    /**
     * Builds the snapshot incrementally: one narrow query lists the published events with their
     * versions; only events that are new or changed since the last build are loaded (with their
     * sources and actors) and rendered again, so a write to a long timeline costs the one event.
     */
    private TimelineSnapshot build(String slug) {
        var em = Timeline.getEntityManager();
        // The timeline with its actors in one statement.
        Timeline t = em.createQuery("select t from Timeline t left join fetch t.actors where t.slug = :slug", Timeline.class)
                .setParameter("slug", slug).getResultStream().findFirst().orElse(null);
        if (t == null) {
            built.remove(slug);
            return null;
        }
        List<ActorView> actors = t.actors.stream().map(a -> new ActorView(a.slug, a.name)).toList();
        Map<Long, ActorView> actorsById = new HashMap<>();
        t.actors.forEach(a -> actorsById.put(a.id, new ActorView(a.slug, a.name)));
        BuildState before = built.get(slug);
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
                List<SourceView> sources = e.sources.stream()
                        .sorted(java.util.Comparator.comparingInt((Source s) -> s.sortOrder))
                        .map(s -> new SourceView(s.publisher, s.title, s.publishedOn,
                                s.publishedOn == null ? null : DisplayDate.single(s.publishedOn, Precision.DAY), s.url))
                        .toList();
                fresh.put(e.id, new Built(e.version, e.updatedAt, view(e, actorsOf.getOrDefault(e.id, List.of()), sources)));
            }
        }
        List<EventView> views = new ArrayList<>(rows.size());
        Map<String, EventView> byId = new LinkedHashMap<>();
        Map<Long, Built> now = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            Long id = (Long) row[0];
            Built b = fresh.containsKey(id) ? fresh.get(id) : reusable.get(id);
            now.put(id, b);
            views.add(b.view());
            byId.put(b.view().id(), b.view());
        }
        built.put(slug, new BuildState(actors, now));
        List<UpdateView> updates = new ArrayList<>();
        for (Object[] row : em.createQuery("select r.changedAt, r.updateNote, r.eventSlug from Revision r "
                        + "where r.timeline = :t and r.updateNote is not null order by r.changedAt desc, r.id desc", Object[].class)
                .setParameter("t", t).setMaxResults(MAX_UPDATES).getResultList()) {
            Instant at = (Instant) row[0];
            String eventSlug = (String) row[2];
            EventView event = eventSlug == null ? null : byId.get(eventSlug);
            if (eventSlug != null && event == null && t.event(eventSlug).isPresent()) {
                continue; // a note about a draft stays private until the event is published
            }
            updates.add(new UpdateView(at, at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    DisplayDate.single(at.atZone(java.time.ZoneOffset.UTC).toLocalDate(), Precision.DAY), (String) row[1],
                    event == null ? null : event.id(), event == null ? null : event.headline()));
        }
        return new TimelineSnapshot(t.slug, t.title, t.summary, t.status, t.createdAt, t.contentUpdatedAt, t.contentRev, t.version,
                actors, List.copyOf(views), java.util.Collections.unmodifiableMap(byId), List.copyOf(updates));
    }

    /** How an event (a draft too) would look to readers, for the editors' preview. */
    public static EventView preview(Event e) {
        return view(e, e.actors.stream().map(a -> new ActorView(a.slug, a.name)).toList(),
                e.sources.stream().map(s -> new SourceView(s.publisher, s.title, s.publishedOn,
                        s.publishedOn == null ? null : DisplayDate.single(s.publishedOn, Precision.DAY), s.url)).toList());
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
