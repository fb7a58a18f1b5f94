package org.tradeline.event;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tradeline.timeline.Actor;
import org.tradeline.timeline.PublicationStatus;
import org.tradeline.timeline.Timeline;

/** One dated, sourced entry of a timeline. Its slug is its stable id in permalinks. */
@Entity
public class Event extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "timeline_id")
    public Timeline timeline;

    public String slug;
    public LocalDate startDate;
    /** Last day (at {@link #datePrecision}) of a span; null for a single date. */
    public LocalDate endDate;
    public Precision datePrecision;
    public String headline;
    /** Markdown: paragraphs and links. Raw HTML is shown as text. */
    @Column(length = 8000)
    public String body;
    public Category category;
    public Importance importance;
    public PublicationStatus status;
    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public int version;

    /** Hash of what the last import from a file wrote; see {@code TimelineImporter}. */
    public String importedHash;

    @ManyToMany
    @JoinTable(name = "event_actor",
            joinColumns = @JoinColumn(name = "event_id"),
            inverseJoinColumns = @JoinColumn(name = "actor_id"))
    @OrderBy("id")
    public List<Actor> actors = new ArrayList<>();

    @OneToMany(mappedBy = "event", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    public List<Source> sources = new ArrayList<>();

    /** Copies checked values onto this event (actors by id from the timeline's actors). */
    public void apply(ValidEvent v, java.util.Map<String, Actor> timelineActors, Instant now) {
        startDate = v.date();
        endDate = v.end();
        datePrecision = v.precision();
        headline = v.headline();
        body = v.body();
        category = v.category();
        importance = v.importance();
        status = v.status();
        updatedAt = now;
        actors.clear();
        v.actors().forEach(id -> actors.add(timelineActors.get(id)));
        replaceSources(v.sources().stream()
                .map(s -> new Source(s.publisher(), s.title(), s.date(), s.url()))
                .toList());
    }

    public boolean isPublished() {
        return status == PublicationStatus.PUBLISHED;
    }

    /**
     * Replaces the sources, keeping their order. Rows are updated in place by position, so the
     * unique (event, position) key never sees two rows at once.
     */
    public void replaceSources(List<Source> newSources) {
        for (int i = 0; i < newSources.size(); i++) {
            Source s = newSources.get(i);
            if (i < sources.size()) {
                Source row = sources.get(i);
                row.publisher = s.publisher;
                row.title = s.title;
                row.publishedOn = s.publishedOn;
                row.url = s.url;
            } else {
                s.event = this;
                s.sortOrder = i;
                sources.add(s);
            }
        }
        while (sources.size() > newSources.size()) {
            sources.remove(sources.size() - 1);
        }
    }
}
