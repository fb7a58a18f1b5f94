package org.tradeline.timeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.ArrayList;
import java.util.List;

/** A person, company or body that takes part in a timeline's events, defined once per timeline. */
@Entity
public class Actor extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "timeline_id")
    public Timeline timeline;

    public String slug;
    public String name;

    /** Other names the news uses for this actor ("Ishiba", "Nippon Steel Corp."), for the article extractor. */
    @jakarta.persistence.ElementCollection
    @jakarta.persistence.CollectionTable(name = "actor_alias", joinColumns = @JoinColumn(name = "actor_id"))
    @jakarta.persistence.OrderColumn(name = "sort_order")
    @jakarta.persistence.Column(name = "alias")
    public List<String> aliases = new ArrayList<>();

    /** Replaces the aliases (a list the rules have checked). */
    public void aliases(List<String> newAliases) {
        if (!aliases.equals(newAliases)) {
            aliases.clear();
            aliases.addAll(newAliases);
        }
    }
}
