package org.tradeline.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An acknowledged write survives {@code kill -9}: writers make creates and updates through the API;
 * the moment the N-th write is acknowledged the process gets SIGKILL (other writes still in flight);
 * after a restart on the same database every acknowledged write is there with its last acknowledged
 * content. Runs on H2 (the default file URL, WRITE_DELAY=0) and on PostgreSQL.
 */
class CrashSafetyIT {

    static final int ACKNOWLEDGED = 200;
    static final int WRITERS = 4;

    /** What one writer knows about one of its events. */
    static final class Expected {
        volatile boolean created;
        volatile String body;
        volatile int version;
        /** A write sent but not answered when the process died: it may or may not have happened. */
        volatile String inFlight;
    }

    @Test
    void shouldKeepEveryAcknowledgedWriteThroughKill9() throws Exception {
        try (AppProcess.Database db = AppProcess.Database.create("crash")) {
            AppProcess app = AppProcess.start(db);
            String slug;
            Map<String, Expected> events = new ConcurrentHashMap<>();
            AtomicInteger acks = new AtomicInteger();
            AtomicInteger creates = new AtomicInteger();
            AtomicInteger updates = new AtomicInteger();
            AtomicReference<Integer> exitCode = new AtomicReference<>();
            try {
                slug = app.createTimeline("crash");
                String base = "/api/timelines/" + slug + "/events";
                ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.add(pool.submit(() -> {
                        Random random = new Random(writer);
                        List<String> mine = new ArrayList<>();
                        for (int n = 0; exitCode.get() == null; n++) {
                            boolean update = !mine.isEmpty() && random.nextInt(4) == 0;
                            String id = update ? mine.get(random.nextInt(mine.size())) : "w" + writer + "-" + n;
                            Expected e = update ? events.get(id) : new Expected();
                            String body = "Write " + n + " of writer " + writer + " to " + id + ".";
                            Map<String, Object> json = AppProcess.event("Crash test event " + id, body);
                            if (update) {
                                json.put("version", e.version);
                            } else {
                                json.put("id", id);
                                events.put(id, e);
                            }
                            e.inFlight = body;
                            HttpResponse<String> r;
                            try {
                                r = update ? app.write("PUT", base + "/" + id, json) : app.write("POST", base, json);
                            } catch (UncheckedIOException killed) {
                                if (exitCode.get() == null && acks.get() < ACKNOWLEDGED) {
                                    throw killed;
                                }
                                return null; // the process is gone: this write stays in flight
                            }
                            assertThat(r.statusCode()).as("%s %s: %s", update ? "PUT" : "POST", id, r.body())
                                    .isEqualTo(update ? 200 : 201);
                            e.version = AppProcess.json(r).path("version").asInt();
                            e.body = body;
                            e.created = true;
                            e.inFlight = null;
                            (update ? updates : creates).incrementAndGet();
                            if (!update) {
                                mine.add(id);
                            }
                            if (acks.incrementAndGet() == ACKNOWLEDGED) {
                                exitCode.set(app.kill()); // right after the N-th acknowledgement
                                return null;
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : writers) {
                    f.get(10, TimeUnit.MINUTES);
                }
                pool.shutdown();
            } finally {
                app.close();
            }
            assertThat(exitCode.get()).as("exit code of the killed process (128 + SIGKILL)").isEqualTo(137);
            long inFlight = events.values().stream().filter(e -> e.inFlight != null).count();

            try (AppProcess restarted = AppProcess.start(db)) {
                JsonNode timeline = AppProcess.json(restarted.get("/api/timelines/" + slug));
                Map<String, String> found = new HashMap<>();
                for (JsonNode e : timeline.path("events")) {
                    found.put(e.path("id").asText(), e.path("body").asText());
                }
                int kept = 0;
                for (Map.Entry<String, Expected> entry : events.entrySet()) {
                    Expected e = entry.getValue();
                    String body = found.get(entry.getKey());
                    if (e.created) {
                        assertThat(body).as("acknowledged event %s after the restart", entry.getKey()).isNotNull();
                        assertThat(body).as("content of %s", entry.getKey())
                                .isIn(e.inFlight == null ? Set.of(e.body) : Set.of(e.body, e.inFlight));
                        kept++;
                    } else if (body != null) {
                        assertThat(body).as("unacknowledged create %s", entry.getKey()).isEqualTo(e.inFlight);
                    }
                }
                assertThat(events.keySet()).as("events in the database").containsAll(found.keySet());
                assertThat(kept).isEqualTo(creates.get());
                System.out.printf("Crash test (%s): %d acknowledged writes (%d creates, %d updates), kill -9 (exit %d) with"
                        + " %d more in flight; after the restart all %d acknowledged events were found with their last"
                        + " acknowledged content (%d events in the database)%n",
                        AppProcess.onPostgresql() ? "PostgreSQL" : "H2", acks.get(), creates.get(), updates.get(),
                        exitCode.get(), inFlight, kept, found.size());
                assertThat(acks.get()).isGreaterThanOrEqualTo(ACKNOWLEDGED);
            }
        }
    }
}
