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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.tradeline.event.Category;
import org.tradeline.event.EventFilter;
import org.tradeline.web.Links;
import org.tradeline.web.NotFound;
import org.tradeline.web.Page;
import org.tradeline.cache.PublicCache;
import org.tradeline.timeline.TimelineSnapshot.EventView;

/** The public JSON read API. Only published timelines and events appear here. */
@Path("/api/timelines")
@Produces(MediaType.APPLICATION_JSON)
class TimelineApi {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    private final TimelineSnapshots snapshots;
    private final Links links;
    private final PublicCache cache;
    private final TimelineJsonBody bodies;

    TimelineApi(TimelineSnapshots snapshots, Links links, PublicCache cache, TimelineJsonBody bodies) {
        this.snapshots = snapshots;
        this.links = links;
        this.cache = cache;
        this.bodies = bodies;
    }

    @GET
    public Response list(@Context UriInfo uri, @Context Request request) {
        List<TimelineSnapshot> all = snapshots.allPublished();
        String base = links.base(uri);
        return cache.json(request, TimelineSnapshots.revision(all), null, () -> new TimelineJson.TimelineList(
                all.stream().map(t -> TimelineJson.summary(t, base)).toList()));
    }

    @GET
    @Path("{slug}")
    public Response timeline(@RestPath String slug, @Context UriInfo uri, @Context Request request) {
        TimelineSnapshot t = snapshots.require(slug);
        return bodies.respond(request, t, links.base(uri));
    }

    @GET
    @Path("{slug}/events")
    public Response events(@RestPath String slug, @BeanParam FilterParams params, @Context UriInfo uri,
            @Context Request request) {
        TimelineSnapshot t = snapshots.require(slug);
        return cached(request, t, t.updatedAt(), () -> {
            EventFilter filter = params.filter(t);
            List<EventView> matching = filter.apply(t.events());
            int size = params.size(DEFAULT_SIZE, MAX_SIZE);
            int number = params.page(Integer.MAX_VALUE / MAX_SIZE);
            Page<EventView> page = Page.of(matching, number, size);
            return TimelineJson.page(t, page, describe(filter), filter.toQuery(), links.base(uri));
        });
    }

    @GET
    @Path("{slug}/events/{id}")
    public Response event(@RestPath String slug, @RestPath String id, @Context UriInfo uri, @Context Request request) {
        TimelineSnapshot t = snapshots.require(slug);
        EventView e = t.event(id).orElseThrow(() -> new NotFound("The timeline has no published event \u201c" + id + "\u201d."));
        return cached(request, t, e.updatedAt(), () -> TimelineJson.event(slug, e, links.base(uri)));
    }

    private Response cached(Request request, TimelineSnapshot t, java.time.Instant lastModified,
            java.util.function.Supplier<Object> build) {
        return cache.json(request, t, lastModified, build);
    }

    private static Map<String, String> describe(EventFilter f) {
        Map<String, String> m = new LinkedHashMap<>();
        if (!f.categories().isEmpty()) {
            m.put("category", String.join(",", f.categories().stream().map(Category::code).sorted().toList()));
        }
        if (!f.actors().isEmpty()) {
            m.put("actor", String.join(",", f.actors().stream().sorted().toList()));
        }
        if (f.from() != null) {
            m.put("from", f.from().toString());
        }
        if (f.to() != null) {
            m.put("to", f.to().toString());
        }
        if (f.q() != null) {
            m.put("q", f.q());
        }
        return m;
    }
}
