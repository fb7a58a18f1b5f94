package org.tradeline.event;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

/** Where a fact comes from: publisher, title, publication date and, when known, a URL. */
@Entity
public class Source extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    public Event event;

    public int sortOrder;
    public String publisher;
    public String title;
    public LocalDate publishedOn;
    public String url;

    public Source() {
    }

    public Source(String publisher, String title, LocalDate publishedOn, String url) {
        this.publisher = publisher;
        this.title = title;
        this.publishedOn = publishedOn;
        this.url = url;
    }
}
