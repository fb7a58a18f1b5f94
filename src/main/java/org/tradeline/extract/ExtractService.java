package org.tradeline.extract;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tradeline.editor.EditorService;
import org.tradeline.event.Category;
import org.tradeline.event.Event;
import org.tradeline.event.EventInput;
import org.tradeline.event.Precision;
import org.tradeline.extract.text.ArticleExtractor;
import org.tradeline.extract.text.ArticleExtractor.Extraction;
import org.tradeline.extract.text.TimelineFacts;
import org.tradeline.extract.text.TimelineFacts.ActorFacts;
import org.tradeline.extract.text.TimelineFacts.EventFacts;
import org.tradeline.timeline.Timeline;
import org.tradeline.web.NotFound;

/**
 * Drafting events from articles: reads what the extractor needs of a timeline (actors with their
 * aliases, events with drafts, in two queries), runs it, and stores the drafts an editor keeps.
 * Extraction writes nothing.
 */
@ApplicationScoped
public class ExtractService {

    private final EditorService editor;

    ExtractService(EditorService editor) {
        this.editor = editor;
    }

    /** The candidates of an article, for a timeline; 404 for an unknown timeline. */
    public Extraction extract(String slug, Article article) {
        return ArticleExtractor.extract(article.text(), article.published(), facts(slug));
    }

    @Transactional
    public TimelineFacts facts(String slug) {
        Timeline t = Timeline.findBySlug(slug).orElseThrow(() -> new NotFound("There is no timeline called \u201c" + slug + "\u201d."));
        List<ActorFacts> actors = t.actors.stream().map(a -> new ActorFacts(a.slug, a.name, List.copyOf(a.aliases))).toList();
        var em = Timeline.getEntityManager();
        Map<Long, Set<String>> actorsOf = new HashMap<>();
        for (Object[] row : em.createQuery("select e.id, a.slug from Event e join e.actors a where e.timeline = :t", Object[].class)
                .setParameter("t", t).getResultList()) {
            actorsOf.computeIfAbsent((Long) row[0], k -> new HashSet<>()).add((String) row[1]);
        }
        List<EventFacts> events = em.createQuery("select e.id, e.slug, e.startDate, e.endDate, e.datePrecision, e.headline, e.body, "
                        + "e.category from Event e where e.timeline = :t", Object[].class)
                .setParameter("t", t).getResultList().stream()
                .map(r -> {
                    Precision p = (Precision) r[4];
                    LocalDate end = r[3] == null ? (LocalDate) r[2] : (LocalDate) r[3];
                    return new EventFacts((String) r[1], p.first((LocalDate) r[2]), p.last(end), (String) r[5], (String) r[6],
                            (Category) r[7], actorsOf.getOrDefault((Long) r[0], Set.of()));
                })
                .toList();
        return new TimelineFacts(actors, events);
    }

    /** Stores the drafts (all or none), each citing the article; answers their ids in order. */
    public List<String> addDrafts(String slug, List<EventInput> drafts, String author) {
        return editor.createDrafts(slug, drafts, author).stream().map(e -> e.slug).toList();
    }

    /** The events of the timeline by id, for showing which events a candidate may repeat. */
    @Transactional
    public Map<String, String> headlines(String slug) {
        Timeline t = Timeline.findBySlug(slug).orElseThrow(() -> new NotFound("There is no timeline called \u201c" + slug + "\u201d."));
        Map<String, String> out = new HashMap<>();
        for (Object[] row : Event.getEntityManager().createQuery("select e.slug, e.headline from Event e where e.timeline = :t",
                Object[].class).setParameter("t", t).getResultList()) {
            out.put((String) row[0], (String) row[1]);
        }
        return out;
    }
}
