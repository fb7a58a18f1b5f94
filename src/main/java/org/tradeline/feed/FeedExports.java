package org.tradeline.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import org.tradeline.cache.PublicCache;
import org.tradeline.timeline.TimelineSnapshot;
import org.jboss.resteasy.reactive.RestPath;
import org.tradeline.web.Links;
import org.tradeline.config.TradelineConfig;
import org.tradeline.timeline.TimelineSnapshots;

/**
 * The feeds and exports under a timeline's page: Atom, iCalendar and the TimelineJS spreadsheet CSV
 * (the TimelineJS JSON is under the API, in {@link TimelineJsApi}). Each serves every published
 * event of a published timeline from the in-memory snapshot; an unknown or draft timeline is a 404.
 */
@Path("/")
class FeedExports {

    private final TimelineSnapshots snapshots;
    private final Links links;
    private final TradelineConfig config;
    private final PublicCache cache;

    FeedExports(TimelineSnapshots snapshots, Links links, TradelineConfig config, PublicCache cache) {
        this.snapshots = snapshots;
        this.links = links;
        this.config = config;
        this.cache = cache;
    }

    @GET
    @Path("timelines/{slug}/feed.atom")
    @Produces(AtomFeed.MEDIA_TYPE)
    public Response atom(@RestPath String slug, @Context UriInfo uri, @Context Request request) {
        TimelineSnapshot t = snapshots.require(slug);
        String base = links.base(uri);
        return cache.export(request, t, t.eventCount(), t.updatedAt(), AtomFeed.MEDIA_TYPE, null,
                out -> AtomFeed.write(t, base, config.site().name(), out));
    }

    @GET
    @Path("timelines/{slug}/calendar.ics")
    @Produces(ICalendarFeed.MEDIA_TYPE)
    public Response calendar(@RestPath String slug, @Context UriInfo uri, @Context Request request) {
        TimelineSnapshot t = snapshots.require(slug);
        String base = links.base(uri);
        return cache.export(request, t, t.eventCount(), t.updatedAt(), ICalendarFeed.MEDIA_TYPE, null,
                out -> ICalendarFeed.write(t, base, config.site().name(), out));
    }

    @GET
    @Path("timelines/{slug}/events.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    public Response csv(@RestPath String slug, @Context UriInfo uri, @Context Request request) {
        TimelineSnapshot t = snapshots.require(slug);
        return cache.export(request, t, t.eventCount(), t.updatedAt(), CsvExport.MEDIA_TYPE, slug + "-events.csv",
                out -> CsvExport.write(t, out));
    }
}
