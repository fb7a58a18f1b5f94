package org.tradeline.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database when what pushes revisions fails: an instance whose
 * listening connection is gone checks every revision in the database (so it shows a write made
 * meanwhile on its next read) and reads every revision again when it listens again (so a
 * notification lost in the gap leaves nothing stale); a PostgreSQL restart with both instances up
 * is answered with current content or a clear 503, never a stale read. PostgreSQL only.
 */
class InstanceFaultsIT {

    static final String IN_MEMORY = "tradeline_cache_revisions_in_memory";
    static final String LISTENS = "tradeline_cache_revisions_listens_total";
    static final String LISTENERS = "select count(*) from pg_stat_activity where application_name = ?";

    static AppProcess.Database db;
    static AppProcess a;
    static AppProcess b;

    @BeforeAll
    static void startTwoInstances() {
        if (!AppProcess.onPostgresql()) {
            return; // each test is reported as skipped (requirePostgresql)
        }
        db = AppProcess.Database.create("faults");
        a = AppProcess.start(db);
        b = AppProcess.start(db);
    }

    @BeforeEach
    void requirePostgresql() {
        Assumptions.assumeTrue(AppProcess.onPostgresql(), "revisions are pushed on PostgreSQL only (build with -Ppostgresql)");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, db}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }

    static void createEvent(AppProcess app, String slug, String headline) {
        HttpResponse<String> r = app.write("POST", "/api/timelines/" + slug + "/events", AppProcess.event(headline, "Body."));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    static String json(AppProcess app, String slug) {
        return app.get("/api/timelines/" + slug).body();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 30 s: " + what);
            }
            AppProcess.sleep(10);
        }
    }

    /**
     * B's listening connection is terminated in PostgreSQL; A writes to two timelines B has cached
     * before B listens again. B's next read of one shows the write (it asks the database meanwhile);
     * the other, not read until B listens again, shows it then (B read every revision again: the
     * notification sent while it was not listening never reached it).
     */
    @Test
    void shouldShowWritesMadeWhileTheListenerIsDownAtOnceAndAfterListeningAgain() {
        String readInGap = a.createTimeline("faults-read");
        String readAfter = a.createTimeline("faults-after");
        for (String slug : List.of(readInGap, readAfter)) {
            createEvent(a, slug, "Before the gap");
            await("B shows " + slug, () -> json(b, slug).contains("Before the gap"));
        }
        await("B listens", () -> b.metric(IN_MEMORY) == 1);
        for (int attempt = 1; attempt <= 3; attempt++) {
            double listens = b.metric(LISTENS);
            assertThat(db.queryLong("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?",
                    b.listenerName())).as("B's listening connection terminated").isEqualTo(1);
            await("the terminated backend gone", () -> db.queryLong(LISTENERS, b.listenerName()) == 0);
            String headline = "Written in the gap " + attempt;
            createEvent(a, readInGap, headline);
            createEvent(a, readAfter, headline);
            boolean inGap = db.queryLong(LISTENERS, b.listenerName()) == 0 && b.metric(LISTENS) == listens;

            assertThat(json(b, readInGap)).as("B's next read").contains(headline);
            if (!inGap) {
                continue; // B listened again before the writes were acknowledged: no gap to test
            }
            await("B listens again", () -> b.metric(LISTENS) > listens);
            assertThat(b.metric(IN_MEMORY)).isEqualTo(1);
            assertThat(json(b, readAfter)).as("B's first read after listening again").contains(headline);

            // and pushed again from then on
            createEvent(a, readAfter, "After the gap");
            long acked = System.nanoTime();
            await("B shows a write made after it listens again", () -> json(b, readAfter).contains("After the gap"));
            assertThat((System.nanoTime() - acked) / 1e6).isLessThan(Visibility.LIMIT.toMillis());
            return;
        }
        fail("B listened again before A's writes were acknowledged, three times: no write fell in the gap");
    }

    /**
     * Every connection the two instances hold is terminated in PostgreSQL, again and again for a few
     * seconds, while readers read through both. A connection can die between a read's query and its
     * commit; the commit's failure then reaches the error mapper with PostgreSQL's reason only among
     * suppressed exceptions, and it is still a clear 503, never another 5xx. Both listen again after.
     */
    @Test
    void shouldAnswerCurrentContentOrAClear503WhileConnectionsAreTerminated() throws Exception {
        String slug = a.createTimeline("faults-terminated");
        createEvent(a, slug, "Before the terminations");
        List<AppProcess> apps = List.of(a, b);
        for (AppProcess app : apps) {
            await("port " + app.port() + " shows the event", () -> json(app, slug).contains("Before the terminations"));
        }
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger current = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2 * apps.size());
        List<Future<?>> readers = new ArrayList<>();
        int terminated = 0;
        try {
            for (int i = 0; i < 2 * apps.size(); i++) {
                AppProcess app = apps.get(i % apps.size());
                readers.add(pool.submit(() -> {
                    while (running.get()) {
                        HttpResponse<String> r = app.get("/api/timelines/" + slug);
                        if (r.statusCode() == 200 && r.body().contains("Before the terminations")) {
                            current.incrementAndGet();
                        } else if (clearUnavailable(r)) {
                            unavailable.incrementAndGet();
                        } else {
                            problems.add("read on port " + app.port() + ": " + r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (System.nanoTime() < end) {
                terminated += (int) db.queryLong("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                        + " where datname = current_database() and pid <> pg_backend_pid() and backend_type = ?", "client backend");
                AppProcess.sleep(50);
            }
            finish(running, readers);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        System.out.printf("InstanceFaultsIT, connections terminated: %d terminated, %d current answers, %d clear 503s%n",
                terminated, current.get(), unavailable.get());
        assertThat(problems).as("answers other than current content or a clear 503").isEmpty();
        assertThat(unavailable.get()).as("reads that met a terminated connection").isPositive();
        assertThat(current.get()).as("reads answered").isPositive();
        for (AppProcess app : apps) {
            await("port " + app.port() + " listens again", () -> app.metric(IN_MEMORY) == 1);
        }
    }

    /** Stops the workers and waits for each, so that what one of them threw fails the test. */
    static void finish(AtomicBoolean running, List<Future<?>> workers) throws Exception {
        running.set(false);
        for (Future<?> f : workers) {
            f.get(1, TimeUnit.MINUTES);
        }
    }

    record Acked(String headline, long nanos) {
    }

    static int ackedCount(Map<String, List<Acked>> acked) {
        return acked.values().stream().mapToInt(List::size).sum();
    }

    /** A 503 that says what is wrong and when to come back, as the README promises during an outage. */
    static boolean clearUnavailable(HttpResponse<String> r) {
        return r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()
                && r.body().contains("The database is unavailable for a moment");
    }

    /**
     * PostgreSQL restarts (fast shutdown, then start) while a writer creates events through both
     * instances, round robin over four timelines, and readers read each timeline through each
     * instance: every answer is current content or a clear 503 (never another 5xx), no read misses
     * a write acknowledged a second before it began, and both instances listen again afterwards.
     */
    @Test
    void shouldAnswerCurrentContentOrAClear503WhilePostgresqlRestarts() throws Exception {
        Assumptions.assumeTrue(AppProcess.Database.canRestartServer(),
                "restarting PostgreSQL needs TRADELINE_IT_PG_RESTART (run through .ci/postgresql)");
        List<AppProcess> apps = List.of(a, b);
        // made through both, so both are signed in before the clock starts
        List<String> slugs = IntStream.range(0, 4).mapToObj(i -> apps.get(i % 2).createTimeline("faults-restart")).toList();
        Map<String, List<Acked>> acked = new ConcurrentHashMap<>();
        slugs.forEach(s -> acked.put(s, new CopyOnWriteArrayList<>()));
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger current = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        long staleAfter = TimeUnit.SECONDS.toNanos(1);
        ExecutorService pool = Executors.newFixedThreadPool(1 + apps.size());
        List<Future<?>> all = new ArrayList<>();
        try {
            all.add(pool.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String slug = slugs.get(i % slugs.size());
                    AppProcess app = apps.get(i % apps.size());
                    String headline = "Restart write " + i;
                    HttpResponse<String> r = app.write("POST", "/api/timelines/" + slug + "/events",
                            AppProcess.event(headline, "Body."));
                    if (r.statusCode() == 201) {
                        acked.get(slug).add(new Acked(headline, System.nanoTime()));
                    } else if (clearUnavailable(r)) {
                        unavailable.incrementAndGet();
                    } else {
                        problems.add("write through port " + app.port() + ": " + r.statusCode() + " " + r.body());
                    }
                    AppProcess.sleep(50);
                }
                return null;
            }));
            for (AppProcess app : apps) {
                all.add(pool.submit(() -> {
                    while (running.get()) {
                        for (String slug : slugs) {
                            long started = System.nanoTime();
                            List<Acked> due = acked.get(slug).stream().filter(w -> started - w.nanos() > staleAfter).toList();
                            HttpResponse<String> r = app.get("/api/timelines/" + slug);
                            if (r.statusCode() == 200) {
                                current.incrementAndGet();
                                due.stream().filter(w -> !r.body().contains(w.headline() + "\"")).findFirst().ifPresent(w ->
                                        problems.add("stale read on port " + app.port() + ": " + slug + " without \""
                                                + w.headline() + "\", acknowledged " + (started - w.nanos()) / 1_000_000
                                                + " ms before the read began"));
                            } else if (clearUnavailable(r)) {
                                unavailable.incrementAndGet();
                            } else {
                                problems.add("read on port " + app.port() + ": " + r.statusCode() + " " + r.body());
                            }
                        }
                    }
                    return null;
                }));
            }
            await("writes acknowledged before the restart", () -> ackedCount(acked) >= 3);
            db.restartServer();
            int before = ackedCount(acked);
            for (AppProcess app : apps) {
                await("port " + app.port() + " listens again after the restart", () -> app.metric(IN_MEMORY) == 1);
            }
            await("writes acknowledged after the restart", () -> ackedCount(acked) >= before + 6);
            finish(running, all);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        System.out.printf("InstanceFaultsIT, PostgreSQL restart: %d current answers, %d clear 503s, %d writes acknowledged%n",
                current.get(), unavailable.get(), ackedCount(acked));
        assertThat(problems).as("answers other than current content or a clear 503").isEmpty();
        for (AppProcess app : apps) {
            assertThat(app.metric(LISTENS)).as("port %d listened again", app.port()).isGreaterThanOrEqualTo(2);
            for (String slug : slugs) {
                await("every acknowledged write to " + slug + " on port " + app.port(), () -> {
                    String body = json(app, slug);
                    return acked.get(slug).stream().allMatch(w -> body.contains(w.headline() + "\""));
                });
            }
        }
    }
}
