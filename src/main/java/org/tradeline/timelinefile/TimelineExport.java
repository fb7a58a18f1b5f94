package org.tradeline.timelinefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.tradeline.event.Event;
import org.tradeline.web.NotFound;
import org.tradeline.timeline.PublicationStatus;
import org.tradeline.timeline.Timeline;

/**
 * A timeline in the timelines/ file format. {@code GET /timelines/{slug}.yaml} gives the published
 * content to anyone; editors download drafts too from the editor area. Importing the file into an
 * empty database reproduces the timeline.
 */
@ApplicationScoped
@Path("/")
public class TimelineExport {

    private final org.tradeline.timeline.TimelineSnapshots snapshots;
    private final org.tradeline.cache.PublicCache cache;

    TimelineExport(org.tradeline.timeline.TimelineSnapshots snapshots, org.tradeline.cache.PublicCache cache) {
        this.snapshots = snapshots;
        this.cache = cache;
    }

    public static final String MEDIA_TYPE = "application/yaml;charset=UTF-8";

    @GET
    @Path("timelines/{slug}.yaml")
    @Produces(MEDIA_TYPE)
    public Response published(@RestPath String slug, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.Request request,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        var t = snapshots.require(slug);
        return cache.download(request, t, t.updatedAt(), MEDIA_TYPE, slug + ".yaml", () -> yaml(slug, true));
    }

    public static Response attachment(String slug, String yaml) {
        return Response.ok(yaml).header("Content-Disposition", "attachment; filename=\"" + slug + ".yaml\"").build();
    }

    /** The file's text; {@code publishedOnly} leaves drafts out and refuses a draft timeline. */
    @Transactional
    public String yaml(String slug, boolean publishedOnly) {
        Timeline t = Timeline.findBySlug(slug)
                .filter(x -> !publishedOnly || x.status == PublicationStatus.PUBLISHED)
                .orElseThrow(() -> new NotFound("There is no published timeline called \u201c" + slug + "\u201d."));
        List<Event> events = publishedOnly ? t.events.stream().filter(Event::isPublished).toList() : t.events;
        return TimelineFileReader.write(TimelineFiles.export(t, events));
    }

    /**
     * Every timeline's file, drafts included (timelines and events), read in one transaction so a
     * backup is one consistent state; keyed by slug in slug order.
     */
    @Transactional
    public java.util.SortedMap<String, String> allFiles() {
        java.util.SortedMap<String, String> files = new java.util.TreeMap<>();
        for (Timeline t : Timeline.<Timeline>listAll()) {
            files.put(t.slug, TimelineFileReader.write(TimelineFiles.export(t, t.events)));
        }
        return files;
    }
}
