package org.tradeline.timeline;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.tradeline.event.Category;
import org.tradeline.event.EventFilter;
import org.tradeline.web.NotFound;
import org.tradeline.web.Page;
import org.tradeline.cache.PublicCache;
import org.tradeline.web.Templates;
import org.tradeline.timeline.TimelineSnapshot.EventView;
import org.tradeline.visual.Overview;
import org.tradeline.visual.ShareCards;
import org.tradeline.visual.ShareCard;

/** Readers' HTML pages: the index, a timeline with its filters, an event's permalink page. */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class TimelinePages {

    static final int PAGE_SIZE = 100;
    private static final int MAX_PAGE = 100_000;

    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final TimelineSnapshots snapshots;
    private final Templates templates;
    private final PublicCache cache;
    private final org.tradeline.web.Links links;
    private final org.tradeline.config.TradelineConfig config;

    TimelinePages(TimelineSnapshots snapshots, Templates templates, PublicCache cache, org.tradeline.web.Links links,
            org.tradeline.config.TradelineConfig config) {
        this.snapshots = snapshots;
        this.templates = templates;
        this.cache = cache;
        this.links = links;
        this.config = config;
    }

    @GET
    public Response index(@Context Request request, @Context UriInfo uri) {
        List<TimelineSnapshot> all = snapshots.allPublished();
        return cache.text(request, TimelineSnapshots.revision(all), null, HTML,
                () -> templates.render("timeline/index", Map.of("timelines", all)));
    }

    @GET
    @Path("timelines/{slug}")
    public Response timeline(@RestPath String slug, @BeanParam FilterParams params, @Context Request request,
            @Context UriInfo uri) {
        TimelineSnapshot t = snapshots.require(slug);
        boolean keyOnly = params.keyOnly();
        return cached(request, t, t.updatedAt(), () -> {
            String base = links.base(uri);
            Map<String, Object> vars = timelineView(t, params, PAGE_SIZE, keyOnly, false, base);
            @SuppressWarnings("unchecked")
            Page<EventView> page = (Page<EventView>) vars.get("page");
            vars.put("pageMeta", PageMetas.timeline(t, page.items(), Math.max(1, page.firstIndex()), base,
                    config.site().name()));
            return templates.render("timeline/timeline", vars);
        });
    }

    @GET
    @Path("timelines/{slug}/events/{id}")
    public Response event(@RestPath String slug, @RestPath String id, @Context Request request, @Context UriInfo uri) {
        TimelineSnapshot t = snapshots.require(slug);
        return cached(request, t, t.updatedAt(), () -> eventPage(t, id, links.base(uri)));
    }

    /** The timeline's share image (Open Graph): drawn once per content revision, then sent from the cache. */
    @GET
    @Path("timelines/{slug}/card.png")
    @Produces(ShareCards.PNG)
    public Response timelineCard(@RestPath String slug, @Context Request request) {
        TimelineSnapshot t = snapshots.require(slug);
        return cache.image(request, t, t.updatedAt(), ShareCards.PNG, () -> ShareCard.timeline(t, config.site().name()));
    }

    /** An event's share image. */
    @GET
    @Path("timelines/{slug}/events/{id}/card.png")
    @Produces(ShareCards.PNG)
    public Response eventCard(@RestPath String slug, @RestPath String id, @Context Request request) {
        TimelineSnapshot t = snapshots.require(slug);
        EventView e = t.event(id).orElseThrow(() -> new NotFound(
                "The timeline \u201c" + t.title() + "\u201d has no event \u201c" + id + "\u201d."));
        return cache.image(request, t, t.updatedAt(), ShareCards.PNG, () -> ShareCard.event(t, e, config.site().name()));
    }

    private Response cached(Request request, TimelineSnapshot t, java.time.Instant lastModified,
            java.util.function.Supplier<String> render) {
        return cache.text(request, t, lastModified, HTML, render);
    }

    private String eventPage(TimelineSnapshot t, String id, String base) {
        EventView e = t.event(id).orElseThrow(() -> new NotFound(
                "The timeline \u201c" + t.title() + "\u201d has no event \u201c" + id + "\u201d."));
        int index = t.events().indexOf(e);
        Map<String, Object> vars = new HashMap<>();
        vars.put("timeline", t);
        vars.put("event", e);
        vars.put("previous", index > 0 ? t.events().get(index - 1) : null);
        vars.put("next", index < t.events().size() - 1 ? t.events().get(index + 1) : null);
        vars.put("pageMeta", PageMetas.event(t, e, base, config.site().name()));
        return templates.render("timeline/event", vars);
    }

    /**
     * The variables of a filtered, paged timeline view, for the page and the embed ({@code embed}: its
     * links leave the frame for {@code base}), with key events only when {@code keyOnly}.
     */
    public static Map<String, Object> timelineView(TimelineSnapshot t, FilterParams params, int pageSize, boolean keyOnly,
            boolean embed, String base) {
        EventFilter filter = params.filter(t);
        List<EventView> matching = filter.apply(t.events());
        if (keyOnly) {
            matching = matching.stream().filter(e -> e.importance() == org.tradeline.event.Importance.MAJOR).toList();
        }
        int number = params.page(MAX_PAGE);
        Page<EventView> page = Page.of(matching, number, pageSize);
        Map<String, Object> vars = new HashMap<>();
        vars.put("timeline", t);
        vars.put("filter", filter);
        vars.put("filterQuery", filter.toQuery());
        vars.put("keyOnly", keyOnly);
        vars.put("page", page);
        vars.put("categories", Category.values());
        vars.put("categoriesInUse", t.categoriesInUse());
        vars.put("previousLink", pageLink(t.slug(), filter, number - 1, keyOnly, embed));
        vars.put("nextLink", pageLink(t.slug(), filter, number + 1, keyOnly, embed));
        vars.put("keyLink", pageLink(t.slug(), filter, 1, !keyOnly, embed));
        vars.put("yearStarts", yearStarts(page.items()));
        vars.put("years", page.totalPages() > 1 || filter.from() != null || filter.to() != null
                ? years(t, filter, keyOnly, embed) : List.of());
        vars.put("overview", overview(t, filter, matching, number, pageSize, keyOnly, embed, base));
        return vars;
    }

    /**
     * The drawn overview: every event of the timeline, those the filters leave out faded; a mark
     * leads to its event in the list (on this page or the page that has it), a faded one to the
     * event's own page. In an embed, events past its one page lead to the full timeline.
     */
    static String overview(TimelineSnapshot t, EventFilter filter, List<EventView> matching, int number, int pageSize,
            boolean keyOnly, boolean embed, String base) {
        Map<String, Integer> index = new HashMap<>(matching.size() * 2);
        for (int i = 0; i < matching.size(); i++) {
            index.put(matching.get(i).id(), i);
        }
        String outside = embed ? base : "";
        return Overview.svg(t.events(), e -> index.containsKey(e.id()), (e, shown) -> {
            Integer i = index.get(e.id());
            if (i == null) {
                return outside + org.tradeline.web.Links.eventPath(t.slug(), e.id());
            }
            if (i / pageSize + 1 == number) {
                return "#" + e.id();
            }
            int size = embed ? PAGE_SIZE : pageSize;
            return outside + pageLink(t.slug(), filter, i / size + 1, keyOnly, false) + "#" + e.id();
        }, embed);
    }

    /** One link of the year navigation: the year, how many events it has, the filtered page. */
    public record YearLink(int year, long events, String href, boolean current) {
    }

    /**
     * Every year the timeline's events cover, each linking to that year's events with the other
     * filters kept: on a big timeline a reader reaches any event by year, then by page.
     */
    static List<YearLink> years(TimelineSnapshot t, EventFilter filter, boolean keyOnly, boolean embed) {
        java.util.TreeMap<Integer, Long> counts = new java.util.TreeMap<>();
        EventFilter undated = new EventFilter(filter.categories(), filter.actors(), null, null, filter.q());
        for (EventView e : undated.apply(t.events())) {
            counts.merge(e.year(), 1L, Long::sum);
        }
        List<YearLink> links = new java.util.ArrayList<>(counts.size());
        counts.forEach((year, n) -> {
            java.time.LocalDate from = java.time.LocalDate.of(year, 1, 1);
            java.time.LocalDate to = java.time.LocalDate.of(year, 12, 31);
            EventFilter f = new EventFilter(filter.categories(), filter.actors(), from, to, filter.q());
            links.add(new YearLink(year, n, pageLink(t.slug(), f, 1, keyOnly, embed), from.equals(filter.from()) && to.equals(filter.to())));
        });
        return links;
    }

    /** Ids of the events that open a new year on this page, where the spine shows the year. */
    private static java.util.Set<String> yearStarts(List<EventView> events) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        int year = Integer.MIN_VALUE;
        for (EventView e : events) {
            if (e.year() != year) {
                ids.add(e.id());
                year = e.year();
            }
        }
        return ids;
    }

    private static String pageLink(String slug, EventFilter filter, int n, boolean keyOnly, boolean embed) {
        String q = filter.toQuery() + (keyOnly ? (filter.isEmpty() ? "" : "&") + "key=true" : "");
        String pagePart = n > 1 ? "page=" + n : "";
        String all = q.isEmpty() ? pagePart : pagePart.isEmpty() ? q : q + "&" + pagePart;
        return (embed ? "/embed/timelines/" : "/timelines/") + slug + (all.isEmpty() ? "" : "?" + all);
    }
}
