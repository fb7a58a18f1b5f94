package org.tradeline.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
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
    /** Excluded from optimistic locking: an event's change must not make a timeline edit stale. */
    @OptimisticLock(excluded = true)
    public Instant updatedAt;

    /**
     * When readers' content last changed: what pages, JSON and feeds show as "Updated". Drafts never
     * move it; {@link #updatedAt} is the editors' record of any write.
     */
    @OptimisticLock(excluded = true)
    public Instant contentUpdatedAt;

    @Version
    public int version;

    /** Bumped by every write that changes what readers see of this timeline. */
    @OptimisticLock(excluded = true)
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

    /** Tells the in-memory revisions about a committed change (see {@link org.tradeline.cache.ContentRevisions}). */
    @jakarta.persistence.PostPersist
    @jakarta.persistence.PostUpdate
    void written() {
        org.tradeline.cache.ContentRevisions.get().written(slug, contentRev);
    }

    @jakarta.persistence.PostRemove
    void deleted() {
        org.tradeline.cache.ContentRevisions.get().deleted(slug);
    }

    /**
     * The row lock a write takes on its timeline. On PostgreSQL an event insert has already taken
     * a key-share lock on the timeline row (its foreign key), which FOR UPDATE would wait on, so two
     * concurrent inserts deadlocked; FOR NO KEY UPDATE does not conflict with it and still
     * serialises writers. H2 takes no lock for foreign keys and knows only FOR UPDATE.
     */
    static final String ROW_LOCK = "postgresql".equalsIgnoreCase(org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getOptionalValue("quarkus.datasource.db-kind", String.class).orElse("h2")) ? "for no key update" : "for update";

    /** Records that readers' view of this timeline changed: caches compare {@link #contentRev}. */
    public void touch() {
        if (id != null) {
            // Lock the row and count from its committed revision: two concurrent writes must never
            // both write revision n + 1, or a snapshot built between them would pass as current.
            Object committed = getEntityManager()
                    .createNativeQuery("select content_rev from timeline where id = ?1 " + ROW_LOCK)
                    .setParameter(1, id).getSingleResult();
            contentRev = Math.max(contentRev, ((Number) committed).longValue());
        }
        contentRev++;
        updatedAt = Instant.now();
    }

    /** Records that what readers see of this timeline changed at {@code when}. */
    public void contentChanged(Instant when) {
        contentUpdatedAt = when;
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
