package org.tradeline.cache;

import org.tradeline.config.TradelineConfig;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Public responses, built once per content revision and kept as bytes (plain and gzip). A
 * request names the representation (its absolute URL) and the revision of the content it shows;
 * a changed revision means a rebuild, so a write invalidates exactly the timeline it touched.
 * Answers carry a strong ETag, Last-Modified and CDN-friendly Cache-Control, and 304 on a
 * matching If-None-Match.
 *
 * <p>Answers that depend on one timeline ({@link Versioned}) are also served by
 * {@link CachedResponses} straight from the HTTP event loop while their revision is current.
 */
@ApplicationScoped
public class PublicCache {

    static final int MAX_ENTRIES = 5_000;
    /** Bytes kept at most; the least recently used representations go first. */
    static final long MAX_BYTES = 48L * 1024 * 1024;
    /** Disk kept at most for file-backed exports. */
    static final long MAX_FILE_BYTES = 1024L * 1024 * 1024;
    static final int MAX_AGE_SECONDS = 60;
    static final int STALE_SECONDS = 600;
    public static final String CACHE_CONTROL = "public, max-age=" + MAX_AGE_SECONDS + ", stale-while-revalidate=" + STALE_SECONDS;

    /** One cached answer; {@code slug} is null when it depends on more than one timeline. */
    static final class Entry {
        final String revision;
        final String slug;
        final long contentRev;
        final Representation representation;
        volatile long used;

        Entry(String revision, String slug, long contentRev, Representation representation) {
            this.revision = revision;
            this.slug = slug;
            this.contentRev = contentRev;
            this.representation = representation;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    private final RoutingContext routing;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final ContentRevisions revisions;

    private final java.nio.file.Path files;
    private final int fileThreshold;
    private final AtomicLong fileBytes = new AtomicLong();
    private final java.util.concurrent.ScheduledExecutorService deleter = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tradeline-export-files");
                t.setDaemon(true);
                return t;
            });

    PublicCache(RoutingContext routing, com.fasterxml.jackson.databind.ObjectMapper json, ContentRevisions revisions,
            TradelineConfig config) {
        this.routing = routing;
        this.json = json;
        this.revisions = revisions;
        // A folder of this process's own: instances may share a data folder (PostgreSQL setups).
        java.nio.file.Path all = java.nio.file.Path.of(config.dataDir(), "exports");
        this.files = all.resolve(java.util.UUID.randomUUID().toString());
        this.fileThreshold = config.cache().fileThreshold();
        clearOldFiles(all);
    }

    /** Export files left by runs that ended without cleaning up (kill -9) and untouched for a day. */
    private static void clearOldFiles(java.nio.file.Path all) {
        if (!java.nio.file.Files.isDirectory(all)) {
            return;
        }
        java.time.Instant dayAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(1));
        try (var dirs = java.nio.file.Files.list(all)) {
            for (java.nio.file.Path dir : dirs.toList()) {
                if (java.nio.file.Files.getLastModifiedTime(dir).toInstant().isBefore(dayAgo)) {
                    deleteFolder(dir);
                }
            }
        } catch (java.io.IOException e) {
            // nothing to clean
        }
    }

    private static void deleteFolder(java.nio.file.Path dir) {
        try (var list = java.nio.file.Files.list(dir)) {
            list.forEach(PublicCache::delete);
        } catch (java.io.IOException e) {
            // gone already
        }
        delete(dir);
    }

    @jakarta.annotation.PreDestroy
    void removeFiles() {
        deleter.shutdownNow();
        deleteFolder(files);
    }

    private static void delete(java.nio.file.Path p) {
        try {
            java.nio.file.Files.deleteIfExists(p);
        } catch (java.io.IOException e) {
            // left for the next start
        }
    }

    /** Frees what a dropped entry held; files go a minute later, as a send may still be reading them. */
    private void release(Entry e) {
        if (e == null) {
            return;
        }
        Representation r = e.representation;
        if (r.inFile()) {
            fileBytes.addAndGet(-r.fileBytes());
            deleter.schedule(() -> {
                delete(r.file());
                delete(r.gzipFile());
            }, 60, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Answers served from memory. */
    public long hits() {
        return hits.sum();
    }

    /** Answers that had to be built. */
    public long misses() {
        return misses.sum();
    }

    /** The cache key of a request: its absolute URL (links in the bytes depend on host and scheme). */
    static String key(HttpServerRequest request) {
        return request.absoluteURI();
    }

    /** The key of a GET of the same address as this request: its absolute URL without the query. */
    static String addressKey(HttpServerRequest request) {
        String key = key(request);
        int query = key == null ? -1 : key.indexOf('?');
        return query < 0 ? key : key.substring(0, query);
    }

    /** The representation for {@code key} at {@code revision}, built by {@code build} only when missing or stale. */
    Representation get(String key, String revision, Versioned content, Supplier<Representation> build) {
        Entry e = key == null ? null : entries.get(key);
        if (e != null && e.revision.equals(revision)) {
            e.used = clock.incrementAndGet();
            hits.increment();
            return e.representation;
        }
        misses.increment();
        Representation fresh = build.get();
        if (key != null) {
            Entry entry = new Entry(revision, content == null ? null : content.slug(),
                    content == null ? -1 : content.contentRev(), fresh);
            entry.used = clock.incrementAndGet();
            Entry old = entries.put(key, entry);
            bytes.addAndGet(fresh.size() - (old == null ? 0 : old.representation.size()));
            fileBytes.addAndGet(fresh.fileBytes());
            release(old);
            if (full()) {
                evict();
            }
        }
        return fresh;
    }

    /**
     * The cached answer for this URL when it is current by the in-memory revisions (see
     * {@link ContentRevisions}); null when the request must go the long way.
     */
    Representation current(HttpServerRequest request) {
        String key = key(request);
        Entry e = key == null ? null : entries.get(key);
        if (e == null || e.slug == null) {
            return null;
        }
        Long now = revisions.current(e.slug);
        if (now == null || now != e.contentRev) {
            return null;
        }
        e.used = clock.incrementAndGet();
        hits.increment();
        return e.representation;
    }

    /** Drops the least recently used entries until well under both limits. */
    private synchronized void evict() {
        if (!full()) {
            return;
        }
        List<Map.Entry<String, Entry>> all = new ArrayList<>(entries.entrySet());
        all.sort(Comparator.comparingLong(x -> x.getValue().used));
        for (Map.Entry<String, Entry> x : all) {
            if (bytes.get() <= MAX_BYTES * 9 / 10 && entries.size() <= MAX_ENTRIES * 9 / 10
                    && fileBytes.get() <= MAX_FILE_BYTES * 9 / 10) {
                break;
            }
            if (entries.remove(x.getKey(), x.getValue())) {
                bytes.addAndGet(-x.getValue().representation.size());
                release(x.getValue());
            }
        }
    }

    private boolean full() {
        return bytes.get() > MAX_BYTES || entries.size() > MAX_ENTRIES || fileBytes.get() > MAX_FILE_BYTES;
    }

    /** The answer for this request URL, built from one timeline's content by {@code build} once per revision. */
    public Response text(Request request, Versioned content, Instant lastModified, String mediaType, Supplier<String> build) {
        return download(request, content, lastModified, mediaType, null, build);
    }

    /** The same, as a file download named {@code filename}. */
    public Response download(Request request, Versioned content, Instant lastModified, String mediaType, String filename,
            Supplier<String> build) {
        return respond(request, get(key(routing.request()), revision(content), content,
                () -> Representation.of(build.get(), mediaType, lastModified, filename)));
    }

    /** An image (already compressed: no gzip variant) built from one timeline's content by {@code build} once per revision. */
    public Response image(Request request, Versioned content, Instant lastModified, String mediaType, Supplier<byte[]> build) {
        return respond(request, get(key(routing.request()), revision(content), content,
                () -> Representation.compressed(build.get(), mediaType, lastModified)));
    }

    /** The answer for this request URL at {@code revision}, text built by {@code build} (errors it throws are answered, never cached). */
    public Response text(Request request, String revision, Instant lastModified, String mediaType, Supplier<String> build) {
        return respond(request, get(key(routing.request()), revision, null,
                () -> Representation.of(build.get(), mediaType, lastModified, null)));
    }

    /** A JSON body built from one timeline's content, serialised with the application's ObjectMapper. */
    public Response json(Request request, Versioned content, Instant lastModified, Supplier<Object> build) {
        return respond(request, json(key(routing.request()), content, lastModified, build));
    }

    /**
     * The JSON a GET of this request's address (its URL without the query) is answered with now,
     * from the cache or built as that GET would build it: a write compares an If-Match with its ETags.
     */
    public Representation jsonAtThisAddress(Versioned content, Instant lastModified, Supplier<Object> build) {
        return json(addressKey(routing.request()), content, lastModified, build);
    }

    private Representation json(String key, Versioned content, Instant lastModified, Supplier<Object> build) {
        return get(key, revision(content), content, () -> jsonOf(build.get(), lastModified));
    }

    /** A JSON body at {@code revision}. */
    public Response json(Request request, String revision, Instant lastModified, Supplier<Object> build) {
        return respond(request, get(key(routing.request()), revision, null, () -> jsonOf(build.get(), lastModified)));
    }

    /**
     * A full export of one timeline ({@code items} events): kept in memory when small; above
     * {@code tradeline.cache.file-threshold} events written once, streaming, to a file and sent
     * from there, so the heap never holds it whole.
     */
    public Response export(Request request, Versioned content, int items, Instant lastModified, String mediaType,
            String filename, BodyWriter writer) {
        return respond(request, export(key(routing.request()), content, items, lastModified, mediaType, filename, writer));
    }

    private Representation export(String key, Versioned content, int items, Instant lastModified, String mediaType,
            String filename, BodyWriter writer) {
        return get(key, revision(content), content, () -> {
            try {
                if (items > fileThreshold) {
                    return Representation.file(files, mediaType, lastModified, filename, writer);
                }
                return Representation.of(BodyWriter.text(writer), mediaType, lastModified, filename);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** A full export as JSON (see {@link #export}), streamed by Jackson when large. */
    public Response exportJson(Request request, Versioned content, int items, Instant lastModified, Supplier<Object> build) {
        return respond(request, exportJson(key(routing.request()), content, items, lastModified, build));
    }

    /** The full JSON export a GET of this request's address gets now (see {@link #jsonAtThisAddress}). */
    public Representation exportJsonAtThisAddress(Versioned content, int items, Instant lastModified, Supplier<Object> build) {
        return exportJson(addressKey(routing.request()), content, items, lastModified, build);
    }

    private Representation exportJson(String key, Versioned content, int items, Instant lastModified, Supplier<Object> build) {
        return export(key, content, items, lastModified, "application/json;charset=UTF-8", null,
                out -> json.writeValue(out, build.get()));
    }

    /** An answer the caller assembles itself (see {@link Fragments}), built from one timeline's content once per revision. */
    public Response representation(Request request, Versioned content, Supplier<Representation> build) {
        return respond(request, get(key(routing.request()), revision(content), content, build));
    }

    /** The same answer a GET of this request's address gets now (see {@link #jsonAtThisAddress}). */
    public Representation representationAtThisAddress(Versioned content, Supplier<Representation> build) {
        return get(addressKey(routing.request()), revision(content), content, build);
    }

    private static String revision(Versioned content) {
        return content.slug() + ":" + content.contentRev();
    }

    private Representation jsonOf(Object body, Instant lastModified) {
        try {
            return Representation.of(json.writeValueAsBytes(body), "application/json;charset=UTF-8", lastModified, null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean acceptsGzip(HttpServerRequest request, Representation r) {
        String accept = request.getHeader("Accept-Encoding");
        return r.hasGzip() && accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
    }

    /**
     * 200 with the bytes (gzip-encoded when the client accepts it), or 304 when the client's copy
     * is current. The gzip variant has its own strong ETag.
     */
    Response respond(Request request, Representation r) {
        boolean gzip = acceptsGzip(routing.request(), r);
        EntityTag tag = new EntityTag(gzip ? r.gzipEtag() : r.etag());
        Response.ResponseBuilder notModified = r.lastModified() == null ? request.evaluatePreconditions(tag)
                : request.evaluatePreconditions(Date.from(r.lastModified()), tag);
        Response.ResponseBuilder builder;
        if (notModified != null) {
            builder = notModified;
        } else {
            Object body = r.inFile() ? (gzip ? r.gzipFile() : r.file()).toFile() : gzip ? r.gzipped().get() : r.plain();
            builder = Response.ok(body).type(r.mediaType());
            if (gzip) {
                builder.header("Content-Encoding", "gzip");
            } else if (r.precompressed()) {
                builder.header("Content-Encoding", "identity"); // Vert.x drops it and leaves the PNG alone
            }
            if (r.filename() != null) {
                builder.header("Content-Disposition", r.contentDisposition());
            }
        }
        builder.tag(tag).header("Cache-Control", CACHE_CONTROL).header("Vary", "Accept-Encoding");
        if (r.lastModified() != null) {
            builder.lastModified(Date.from(r.lastModified()));
        }
        return builder.build();
    }
}
