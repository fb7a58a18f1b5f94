package org.tradeline.cache;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The fast path for public reads: a GET whose answer is in the {@link PublicCache} and whose
 * timeline revision is still current (checked in memory, see {@link ContentRevisions}) is answered
 * right here on the HTTP event loop, with the same bytes and headers the resource would send, and
 * never reaches a worker thread, a transaction or the database. Everything else (a miss, a stale
 * revision, revisions that must be read from the database, HEAD, If-Modified-Since without an ETag)
 * goes on to the resources.
 */
@ApplicationScoped
public class CachedResponses {

    private final PublicCache cache;
    private final ContentRevisions revisions;

    CachedResponses(PublicCache cache, ContentRevisions revisions) {
        this.cache = cache;
        this.revisions = revisions;
    }

    void install(@Observes Router router) {
        // Right after HttpPolicy (Integer.MIN_VALUE), which adds the security and caching policy headers.
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    private static final CharSequence CACHE_CONTROL_NAME = io.vertx.core.http.HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence CACHE_CONTROL = io.vertx.core.http.HttpHeaders.createOptimized(PublicCache.CACHE_CONTROL);
    private static final CharSequence VARY_NAME = io.vertx.core.http.HttpHeaders.createOptimized("Vary");
    private static final CharSequence VARY = io.vertx.core.http.HttpHeaders.createOptimized("Accept-Encoding");
    private static final CharSequence ETAG_NAME = io.vertx.core.http.HttpHeaders.createOptimized("ETag");

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!revisions.fromMemory() || request.method() != HttpMethod.GET
                || (request.getHeader("If-Modified-Since") != null && request.getHeader("If-None-Match") == null)) {
            ctx.next();
            return;
        }
        Representation r = cache.current(request);
        if (r == null) {
            ctx.next();
            return;
        }
        boolean gzip = PublicCache.acceptsGzip(request, r);
        if (gzip && !r.inFile() && r.gzipped().ready() == null) {
            ctx.next(); // the gzip variant is made once, on a worker thread, not here on the event loop
            return;
        }
        String etag = '"' + (gzip ? r.gzipEtag() : r.etag()) + '"';
        HttpServerResponse response = ctx.response();
        MultiMap h = response.headers();
        h.set(CACHE_CONTROL_NAME, CACHE_CONTROL).set(VARY_NAME, VARY).set(ETAG_NAME, etag);
        if (r.lastModifiedHttp() != null) {
            h.set("Last-Modified", r.lastModifiedHttp());
        }
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatusCode(304).end();
            return;
        }
        h.set("Content-Type", r.mediaType());
        if (r.filename() != null) {
            h.set("Content-Disposition", r.contentDisposition());
        }
        if (gzip) {
            h.set("Content-Encoding", "gzip");
        } else if (r.precompressed()) {
            h.set("Content-Encoding", "identity"); // Vert.x drops it and leaves the PNG alone
        }
        if (r.inFile()) {
            response.sendFile((gzip ? r.gzipFile() : r.file()).toString());
        } else {
            response.end(gzip ? r.gzipped().ready() : r.plain());
        }
    }

    /** If-None-Match: weak comparison against a list of tags, or "*" (RFC 9110, 13.1.2). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals(etag) || c.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
