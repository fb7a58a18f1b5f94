package org.tradeline.editor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.tradeline.timeline.Timeline;

/** One recorded change to a timeline or one of its events: who, when, what, and an optional public note. */
@Entity
public class Revision extends PanacheEntityBase {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";
    public static final String IMPORTED = "imported";
    /** Created as a draft from a news article (see {@code org.tradeline.extract}). */
    public static final String DRAFTED = "drafted";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "timeline_id")
    public Timeline timeline;

    /** The event's id; null for a change to the timeline itself. */
    public String eventSlug;
    public String action;
    public String author;
    public Instant changedAt;
    /** JSON list of {@link Change}. */
    public String changes;
    public String updateNote;
    /**
     * True when {@link #updateNote} is set: the update log reads a timeline's noted revisions through an
     * index of their own (V7) instead of walking back through every revision without a note.
     */
    public boolean noted;
}
