package org.tradeline.cache;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Tradeline's own metrics at {@code /q/metrics}, next to Quarkus's HTTP server and JVM ones: how
 * often the public cache answers without rebuilding. In Prometheus: {@code tradeline_cache_hits_total},
 * {@code tradeline_cache_misses_total} and {@code tradeline_cache_hit_ratio} (hits / all lookups since
 * start; prefer {@code rate(hits) / (rate(hits) + rate(misses))} over a window in dashboards);
 * {@code tradeline_cache_revisions_in_memory} (1 while reads learn of writes from memory, 0 while each
 * asks the database) and {@code tradeline_cache_revisions_listens_total} (push mode: how often the
 * instance started listening for notifications and read every revision, 1 plus one per outage).
 */
@ApplicationScoped
public class Metrics {

    /** Held here so Micrometer (which keeps only weak references) never loses the cache. */
    private final PublicCache cache;
    private final ContentRevisions revisions;
    private final RevisionListener listener;

    Metrics(PublicCache cache, ContentRevisions revisions, RevisionListener listener) {
        this.cache = cache;
        this.revisions = revisions;
        this.listener = listener;
    }

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        FunctionCounter.builder("tradeline.cache.hits", this, m -> m.cache.hits())
                .description("Public answers served from the in-memory cache").register(registry);
        FunctionCounter.builder("tradeline.cache.misses", this, m -> m.cache.misses())
                .description("Public answers built because the cache had none or a stale one").register(registry);
        Gauge.builder("tradeline.cache.hit.ratio", this, Metrics::hitRatio)
                .description("Cache hits over all cache lookups since start").register(registry);
        Gauge.builder("tradeline.cache.revisions.in.memory", this, m -> m.revisions.fromMemory() ? 1 : 0)
                .description("1 while reads learn of writes from memory, 0 while each read asks the database").register(registry);
        FunctionCounter.builder("tradeline.cache.revisions.listens", this, m -> m.listener.listens())
                .description("Times this instance started listening for revision notifications and read every revision")
                .register(registry);
    }

    double hitRatio() {
        long hits = cache.hits();
        long all = hits + cache.misses();
        return all == 0 ? 0 : (double) hits / all;
    }
}
