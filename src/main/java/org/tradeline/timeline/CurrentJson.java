package org.tradeline.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.tradeline.cache.PublicCache;
import org.tradeline.cache.Representation;
import org.tradeline.web.Links;

/**
 * The read API's JSON of a timeline or an event as a GET of the current request's address is
 * answered now (the same bytes, from the cache or built as {@link TimelineApi} builds them), with
 * the version of the record it shows. A conditional write compares its If-Match with these ETags.
 */
@ApplicationScoped
public class CurrentJson {

    /** The strong ETags of the current answer, plain and gzip, and the version of the record they show. */
    public record Tagged(int version, String etag, String gzipEtag) {

        /** Strong comparison (RFC 9110, 8.8.3.2) of an opaque tag, without its quotes. */
        public boolean matches(String opaqueTag) {
            return etag.equals(opaqueTag) || gzipEtag.equals(opaqueTag);
        }
    }

    private final TimelineSnapshots snapshots;
    private final PublicCache cache;
    private final Links links;

    private final TimelineJsonBody bodies;

    CurrentJson(TimelineSnapshots snapshots, PublicCache cache, Links links, TimelineJsonBody bodies) {
        this.snapshots = snapshots;
        this.cache = cache;
        this.links = links;
        this.bodies = bodies;
    }

    /** {@code GET /api/timelines/{slug}} now; empty when it is not published (a GET would be a 404). */
    public Optional<Tagged> timeline(String slug, UriInfo uri) {
        return snapshots.published(slug).map(t -> tagged(t.version(), bodies.current(t, links.base(uri))));
    }

    /** {@code GET /api/timelines/{slug}/events/{id}} now; empty when a GET would be a 404. */
    public Optional<Tagged> event(String slug, String id, UriInfo uri) {
        return snapshots.published(slug).flatMap(t -> t.event(id).map(e -> tagged(e.version(),
                cache.jsonAtThisAddress(t, e.updatedAt(), () -> TimelineJson.event(slug, e, links.base(uri))))));
    }

    private static Tagged tagged(int version, Representation r) {
        return new Tagged(version, r.etag(), r.gzipEtag());
    }
}
