package org.tradeline.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Public responses, built once per content revision and kept as bytes. A request names the
 * representation (path, query, base URL) and the revision of the content it shows; a changed
 * revision means a rebuild, so a write invalidates exactly the timeline it touched. Answers carry
 * a strong ETag, Last-Modified and CDN-friendly Cache-Control, and 304 on a matching
 * If-None-Match.
 */
@ApplicationScoped
public class PublicCache {

    static final int MAX_ENTRIES = 5_000;
    /** Bytes kept at most; the least recently used representations go first. */
    static final long MAX_BYTES = 48L * 1024 * 1024;
    static final int MAX_AGE_SECONDS = 60;
    static final int STALE_SECONDS = 600;
    public static final String CACHE_CONTROL = "public, max-age=" + MAX_AGE_SECONDS + ", stale-while-revalidate=" + STALE_SECONDS;

    private record Entry(String revision, Representation representation) {
    }

    private long bytes;
    private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            if (size() > MAX_ENTRIES || bytes > MAX_BYTES) {
                bytes -= eldest.getValue().representation().body().length;
                return true;
            }
            return false;
        }
    };

    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();

    /** Answers served from the cache since start (see {@link Metrics}). */
    public long hits() {
        return hits.sum();
    }

    /** Answers that had to be built (missing or stale) since start. */
    public long misses() {
        return misses.sum();
    }

    /** The representation for {@code key} at {@code revision}, built by {@code build} only when missing or stale. */
    public Representation get(String key, String revision, Supplier<Representation> build) {
        synchronized (entries) {
            Entry e = entries.get(key);
            if (e != null && e.revision().equals(revision)) {
                hits.increment();
                return e.representation();
            }
        }
        misses.increment();
        Representation fresh = build.get();
        synchronized (entries) {
            Entry old = entries.put(key, new Entry(revision, fresh));
            bytes += fresh.body().length - (old == null ? 0 : old.representation().body().length);
        }
        return fresh;
    }

    private final io.vertx.ext.web.RoutingContext routing;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    PublicCache(io.vertx.ext.web.RoutingContext routing, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.routing = routing;
        this.json = json;
    }

    /**
     * The answer for this request URL at {@code revision}: text built by {@code build} once per
     * revision (errors it throws are answered, never cached).
     */
    public Response text(Request request, jakarta.ws.rs.core.UriInfo uri, String revision, java.time.Instant lastModified,
            String mediaType, Supplier<String> build) {
        return respond(request, get(uri.getRequestUri().toString(), revision,
                () -> Representation.of(build.get(), mediaType, lastModified)));
    }

    /** The same for a JSON body, serialised with the application's ObjectMapper. */
    public Response json(Request request, jakarta.ws.rs.core.UriInfo uri, String revision, java.time.Instant lastModified,
            Supplier<Object> build) {
        return respond(request, get(uri.getRequestUri().toString(), revision, () -> {
            try {
                return Representation.of(json.writeValueAsBytes(build.get()), "application/json;charset=UTF-8", lastModified);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    /**
     * 200 with the bytes, or 304 when the client's copy is current. The gzip-encoded variant (which
     * the HTTP layer produces when the client accepts it) gets its own strong ETag, as RFC 9110 asks.
     */
    public Response respond(Request request, Representation r) {
        String accept = routing.request().getHeader("Accept-Encoding");
        boolean gzip = accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        EntityTag tag = new EntityTag(gzip ? r.etag() + "-gz" : r.etag());
        Response.ResponseBuilder notModified = r.lastModified() == null ? request.evaluatePreconditions(tag)
                : request.evaluatePreconditions(Date.from(r.lastModified()), tag);
        Response.ResponseBuilder builder = notModified != null ? notModified
                : Response.ok(r.body()).type(r.mediaType());
        builder.tag(tag).header("Cache-Control", CACHE_CONTROL).header("Vary", "Accept-Encoding");
        if (r.lastModified() != null) {
            builder.lastModified(Date.from(r.lastModified()));
        }
        return builder.build();
    }

}
