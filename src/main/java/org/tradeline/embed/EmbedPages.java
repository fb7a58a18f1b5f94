package org.tradeline.embed;

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
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.tradeline.web.Links;
import org.tradeline.web.NotFound;
import org.tradeline.cache.PublicCache;
import org.tradeline.web.Templates;
import org.tradeline.timeline.FilterParams;
import org.tradeline.timeline.TimelinePages;
import org.tradeline.timeline.TimelineSnapshot;
import org.tradeline.timeline.TimelineSnapshots;

/**
 * Timelines and events for other sites' articles: no site chrome, links open in the top window,
 * framable by anyone (the CSP says so for /embed only), and a tiny script that reports the page's
 * height to the host in pym.js messages so the iframe sizes itself.
 */
@Path("/embed")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
class EmbedPages {

    static final int PAGE_SIZE = 50;
    static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final TimelineSnapshots snapshots;
    private final Templates templates;
    private final PublicCache cache;
    private final Links links;

    EmbedPages(TimelineSnapshots snapshots, Templates templates, PublicCache cache, Links links) {
        this.snapshots = snapshots;
        this.templates = templates;
        this.cache = cache;
        this.links = links;
    }

    @GET
    @Path("timelines/{slug}")
    public Response timeline(@RestPath String slug, @BeanParam FilterParams params,
            @Context Request request, @Context UriInfo uri) {
        TimelineSnapshot t = snapshots.require(slug);
        boolean keyOnly = params.keyOnly();
        return cache.text(request, t, t.updatedAt(), HTML, () -> {
            Map<String, Object> vars = TimelinePages.timelineView(t, params, PAGE_SIZE, keyOnly, true, links.base(uri));
            vars.put("base", links.base(uri));
            return templates.render("embed/timeline", vars);
        });
    }

    @GET
    @Path("timelines/{slug}/events/{id}")
    public Response event(@RestPath String slug, @RestPath String id, @Context Request request, @Context UriInfo uri) {
        TimelineSnapshot t = snapshots.require(slug);
        var e = t.event(id).orElseThrow(() -> new NotFound("The timeline has no event \u201c" + id + "\u201d."));
        return cache.text(request, t, e.updatedAt(), HTML, () -> {
            Map<String, Object> vars = new HashMap<>();
            vars.put("timeline", t);
            vars.put("event", e);
            vars.put("base", links.base(uri));
            return templates.render("embed/event", vars);
        });
    }
}
