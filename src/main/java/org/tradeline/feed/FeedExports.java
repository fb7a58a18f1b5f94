package org.tradeline.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.tradeline.system.Links;
import org.tradeline.system.TradelineConfig;
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

    FeedExports(TimelineSnapshots snapshots, Links links, TradelineConfig config) {
        this.snapshots = snapshots;
        this.links = links;
        this.config = config;
    }

    @GET
    @Path("timelines/{slug}/feed.atom")
    @Produces(AtomFeed.MEDIA_TYPE)
    public String atom(@RestPath String slug, @Context UriInfo uri) {
        return AtomFeed.write(snapshots.require(slug), links.base(uri), config.site().name());
    }

    @GET
    @Path("timelines/{slug}/calendar.ics")
    @Produces(ICalendarFeed.MEDIA_TYPE)
    public String calendar(@RestPath String slug, @Context UriInfo uri) {
        return ICalendarFeed.write(snapshots.require(slug), links.base(uri), config.site().name());
    }

    @GET
    @Path("timelines/{slug}/events.csv")
    @Produces(CsvExport.MEDIA_TYPE)
    public Response csv(@RestPath String slug) {
        String csv = CsvExport.write(snapshots.require(slug));
        return Response.ok(csv).header("Content-Disposition", "attachment; filename=\"" + slug + "-events.csv\"").build();
    }
}
