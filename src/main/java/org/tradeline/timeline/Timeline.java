package org.tradeline.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.OptimisticLock;
import org.tradeline.event.Event;

/** A timeline: its text, its actors and its events. Active-record style (Panache). */
@Entity
public class Timeline extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String title;
    public String summary;
    public PublicationStatus status;
    public Instant createdAt;
    /**
     * The editors' record of any write. Written with {@link #contentRev} by {@link #touch} only (not
     * updatable through the entity, so an event's change neither makes a timeline edit stale nor
     * writes the timeline's row a second time).
     */
    @Column(updatable = false)
    public Instant updatedAt;

    /**
     * When readers' content last changed: what pages, JSON and feeds show as "Updated". Drafts never
     * move it; {@link #updatedAt} is the editors' record of any write. Written by {@link #touch} only.
     */
    @Column(updatable = false)
    public Instant contentUpdatedAt;

    @Version
    public int version;

    /** Bumped by every write that changes what readers see of this timeline (by {@link #touch} only). */
    @Column(updatable = false)
    public long contentRev;

    /** Hash of what the last import from a file wrote; see {@code TimelineImporter}. */
    public String importedHash;

    @OneToMany(mappedBy = "timeline", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<Actor> actors = new ArrayList<>();

    @OneToMany(mappedBy = "timeline", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("startDate, id")
    @OptimisticLock(excluded = true)
    public List<Event> events = new ArrayList<>();

    public static Optional<Timeline> findBySlug(String slug) {
        if (slug == null || slug.chars().anyMatch(c -> c < 0x20)) {
            return Optional.empty(); // no slug has control characters; PostgreSQL refuses a null byte in a query
        }
        return find("slug", slug).firstResultOptional();
    }

    /** Tells the in-memory revisions about a new timeline (see {@link org.tradeline.cache.ContentRevisions}); {@link #touch} tells them of changes. */
    @jakarta.persistence.PostPersist
    void written() {
        org.tradeline.cache.ContentRevisions.get().written(slug, contentRev);
    }

    @jakarta.persistence.PostRemove
    void deleted() {
        org.tradeline.cache.ContentRevisions.get().deleted(slug);
    }

    private static final boolean POSTGRESQL = "postgresql".equalsIgnoreCase(org.eclipse.microprofile.config.ConfigProvider
            .getConfig().getOptionalValue("quarkus.datasource.db-kind", String.class).orElse("h2"));

    /**
     * Records a write to this timeline or its events: raises {@link #contentRev} (which caches compare)
     * and {@link #updatedAt}, and moves {@link #contentUpdatedAt} to {@code contentChangedAt} unless that
     * is null (a draft is not news to readers). Call it last, after the write's other statements have
     * been flushed: on a stored timeline it is one statement that locks the row until commit, so two
     * writes can never both store revision n + 1 (a snapshot built between them would pass as current),
     * and the shorter the lock is held, the more writes a second one timeline can take.
     * <p>On PostgreSQL it is one {@code UPDATE … RETURNING}, which also answers the committed values it
     * raised and, in push mode, queues the notification to other instances (delivered at commit). An
     * update of no key column takes the row's FOR NO KEY UPDATE lock, which does not conflict with the
     * key-share lock an event insert takes on it (its foreign key): two concurrent inserts cannot
     * deadlock, as they did under FOR UPDATE. On H2, which takes no lock for foreign keys, it is a
     * locking read and an update, both in process.
     */
    public void touch(Instant contentChangedAt) {
        Instant now = Instant.now();
        var revisions = org.tradeline.cache.ContentRevisions.get();
        if (id == null) { // not stored yet: the insert writes these, and PostPersist tells the revisions
            contentRev++;
            updatedAt = now;
            if (contentChangedAt != null) {
                contentUpdatedAt = contentChangedAt;
            }
            return;
        }
        var em = getEntityManager();
        Object[] committed;
        String notify = POSTGRESQL ? revisions.notification("content_rev", "slug") : null;
        if (POSTGRESQL) {
            committed = (Object[]) em.createNativeQuery("update timeline set content_rev = content_rev + 1, updated_at = ?1,"
                    + " content_updated_at = coalesce(?2, content_updated_at) where id = ?3"
                    + " returning content_rev, content_updated_at" + (notify == null ? "" : ", " + notify))
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .addScalar("content_rev", Long.class).addScalar("content_updated_at", Instant.class)
                    .setParameter(1, now).setParameter(2, contentChangedAt, Instant.class).setParameter(3, id)
                    .getSingleResult();
        } else {
            Object[] before = (Object[]) em.createNativeQuery(
                    "select content_rev, content_updated_at from timeline where id = ?1 for update")
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .addScalar("content_rev", Long.class).addScalar("content_updated_at", Instant.class)
                    .setParameter(1, id).getSingleResult();
            committed = new Object[] {(Long) before[0] + 1, contentChangedAt != null ? contentChangedAt : before[1]};
            em.createNativeQuery("update timeline set content_rev = ?1, updated_at = ?2, content_updated_at = ?3 where id = ?4")
                    .setParameter(1, committed[0]).setParameter(2, now).setParameter(3, committed[1]).setParameter(4, id)
                    .executeUpdate();
        }
        contentRev = (Long) committed[0];
        contentUpdatedAt = (Instant) committed[1];
        updatedAt = now;
        revisions.written(slug, contentRev, notify != null);
    }

    public Optional<Actor> actor(String actorSlug) {
        return actors.stream().filter(a -> a.slug.equals(actorSlug)).findFirst();
    }

    /** One event by its id: a query, so a write to a 10,000-event timeline does not load them all. */
    public Optional<Event> event(String eventSlug) {
        if (eventSlug == null || eventSlug.chars().anyMatch(c -> c < 0x20)) {
            return Optional.empty();
        }
        if (org.hibernate.Hibernate.isInitialized(events)) {
            return events.stream().filter(e -> e.slug.equals(eventSlug)).findFirst();
        }
        return Event.<Event>find("timeline = ?1 and slug = ?2", this, eventSlug).firstResultOptional();
    }
}
