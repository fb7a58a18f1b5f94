package org.tradeline.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tradeline.cache.PublicCache;
import org.tradeline.timeline.TimelineSnapshot;
import org.jboss.resteasy.reactive.RestPath;
import org.tradeline.web.Links;
import org.tradeline.timeline.TimelineSnapshots;

/**
 * {@code GET /api/timelines/{slug}/timelinejs}: the timeline in TimelineJS3's JSON format, every
 * published event.
 *
 * <p>The class path must be "/api/timelines", like the read and write APIs: RESTEasy Reactive first
 * picks the most specific class-level path and then looks for the method only among the classes
 * with that path, so under a class at "/" this method would never be reached (a 404).
 */
@Path("/api/timelines")
class TimelineJsApi {

    private final TimelineSnapshots snapshots;
    private final Links links;
    private final PublicCache cache;

    TimelineJsApi(TimelineSnapshots snapshots, Links links, PublicCache cache) {
        this.snapshots = snapshots;
        this.links = links;
        this.cache = cache;
    }

    @GET
    @Path("{slug}/timelinejs")
    @Produces(MediaType.APPLICATION_JSON)
    public Response timelineJs(@RestPath String slug, @Context UriInfo uri, @Context Request request) {
        TimelineSnapshot t = snapshots.require(slug);
        String base = links.base(uri);
        return cache.exportJson(request, t, t.eventCount(), t.updatedAt(), () -> TimelineJsExport.of(t, base));
    }
}
