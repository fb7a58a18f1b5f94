package org.tradeline.production;

import static org.assertj.core.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * How long an acknowledged write may be missing from other instances: after the acknowledgement, the
 * writer's own instance is read once (it must show the write at once: read-your-writes) and the
 * others are read until each shows it. Staleness is measured from the acknowledgement to the start
 * of the first read that showed the write (a read begun later shows it too; one begun earlier may
 * not): that is the window the README states. How long that read then took to answer (the instance
 * rebuilding the changed answer, which any first reader after a write waits for, on the writer's
 * instance too) is collected apart, as "answered".
 */
final class Visibility {

    /** How long the README says a write may take to show elsewhere (p99). */
    static final Duration WINDOW = Duration.ofMillis(100);
    /** Past this a write is not late but lost: the test fails at once. */
    static final Duration LIMIT = Duration.ofSeconds(5);

    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "visibility-reader");
        t.setDaemon(true);
        return t;
    });

    private final List<Double> delays = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> answered = Collections.synchronizedList(new ArrayList<>());
    private final List<String> ownMisses = Collections.synchronizedList(new ArrayList<>());

    /**
     * Called right after {@code writer} acknowledged a write at {@code ackedNanos}: {@code path} read
     * through each instance must satisfy {@code shows}. Every instance is read at the same time, by a
     * thread each, so that no instance's read waits for another's.
     */
    void await(AppProcess writer, List<AppProcess> all, long ackedNanos, String path, Predicate<HttpResponse<String>> shows) {
        List<Future<?>> reads = new ArrayList<>();
        reads.add(READERS.submit(() -> {
            if (!shows.test(writer.get(path))) {
                ownMisses.add(path + " on port " + writer.port());
            }
        }));
        for (AppProcess app : all) {
            if (app == writer) {
                continue;
            }
            reads.add(READERS.submit(() -> {
                long started = System.nanoTime();
                while (!shows.test(app.get(path))) {
                    if (System.nanoTime() - ackedNanos > LIMIT.toNanos()) {
                        fail("a write acknowledged by port %d is not on port %d after %s: %s", writer.port(), app.port(),
                                LIMIT, path);
                    }
                    AppProcess.sleep(2); // a read every 2 ms, not a busy loop that takes the CPU from what it measures
                    started = System.nanoTime();
                }
                delays.add((started - ackedNanos) / 1e6);
                answered.add((System.nanoTime() - ackedNanos) / 1e6);
            }));
        }
        for (Future<?> read : reads) {
            try {
                read.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof AssertionError failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Reads on the writer's own instance, right after its acknowledgement, that did not show the write. */
    List<String> ownMisses() {
        return List.copyOf(ownMisses);
    }

    int count() {
        return delays.size();
    }

    /** The staleness that {@code q} of the (write, other instance) pairs did not exceed, in ms. */
    double percentile(double q) {
        return percentile(delays, q);
    }

    private static double percentile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(q * sorted.size()) - 1);
    }

    @Override
    public String toString() {
        return String.format("%d (write, instance) pairs: stale for p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
                + " answered p50 %.1f ms, p99 %.1f ms", count(), percentile(0.5), percentile(0.99), percentile(1.0),
                percentile(answered, 0.5), percentile(answered, 0.99));
    }
}
