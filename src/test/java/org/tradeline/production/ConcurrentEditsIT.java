package org.tradeline.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several clients edit one event at once, each sending the version it read: every PUT is either
 * 200, and then its change is in the final text (each client appends a token to the text it read,
 * so a later 200 built on it carries it along), or 409/412. Nothing is lost silently. On
 * PostgreSQL the clients are spread over two instances.
 */
class ConcurrentEditsIT {

    static final int CLIENTS = 6;
    static final int ATTEMPTS = 12;

    static AppProcess.Database db;
    static List<AppProcess> apps = new ArrayList<>();

    @BeforeAll
    static void start() {
        db = AppProcess.Database.create("concurrent");
        apps.add(AppProcess.start(db));
        if (AppProcess.onPostgresql()) {
            apps.add(AppProcess.start(db));
        }
    }

    @AfterAll
    static void stop() {
        apps.forEach(AppProcess::close);
        if (db != null) {
            db.close();
        }
    }

    record Read(int version, String body) {
    }

    /** What an editor reads before changing the event: its form, with the version and the text. */
    static Read read(AppProcess app, String slug, String id) {
        HttpResponse<String> r = app.getAsAdmin("/editor/timelines/" + slug + "/events/" + id + "/edit");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Document form = Jsoup.parse(r.body());
        return new Read(Integer.parseInt(form.select("input[name=version]").attr("value")),
                form.select("textarea[name=body]").val());
    }

    @Test
    void shouldNeverLoseAnUpdateSilently() throws Exception {
        AppProcess first = apps.get(0);
        String slug = first.createTimeline("concurrent");
        HttpResponse<String> created = first.write("POST", "/api/timelines/" + slug + "/events",
                AppProcess.event("Contested event", "start"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = AppProcess.json(created).path("id").asText();

        ConcurrentLinkedQueue<String> applied = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        AtomicInteger conflicts409 = new AtomicInteger();
        AtomicInteger conflicts412 = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            AppProcess app = apps.get(client % apps.size());
            boolean ifMatch = client % 2 == 1 || apps.size() == 1 && client % 3 == 0;
            clients.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < ATTEMPTS; i++) {
                    Read read = read(app, slug, id);
                    String token = "c" + client + "a" + i + "v" + read.version();
                    Map<String, Object> change = AppProcess.event("Contested event", read.body() + " " + token);
                    HttpResponse<String> r;
                    if (ifMatch) {
                        r = app.write("PUT", "/api/timelines/" + slug + "/events/" + id, change,
                                "If-Match", "\"v" + read.version() + "\"");
                    } else {
                        change.put("version", read.version());
                        r = app.write("PUT", "/api/timelines/" + slug + "/events/" + id, change);
                    }
                    switch (r.statusCode()) {
                        case 200 -> applied.add(token);
                        case 409 -> {
                            conflicts409.incrementAndGet();
                            refused.add(token);
                        }
                        case 412 -> {
                            conflicts412.incrementAndGet();
                            refused.add(token);
                        }
                        default -> throw new AssertionError("PUT answered " + r.statusCode() + ": " + r.body());
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : clients) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();

        for (AppProcess app : apps) {
            Read last = read(app, slug, id);
            List<String> tokens = Arrays.asList(last.body().split(" "));
            assertThat(tokens.get(0)).isEqualTo("start");
            assertThat(tokens.subList(1, tokens.size())).as("tokens in the final text")
                    .containsExactlyInAnyOrderElementsOf(applied);
            // each accepted update was built on the one before: the versions they read are 0, 1, 2, ...
            assertThat(tokens.subList(1, tokens.size()).stream().map(t -> Integer.parseInt(t.substring(t.indexOf('v') + 1))))
                    .as("versions the accepted updates were based on").containsExactlyElementsOf(
                            java.util.stream.IntStream.range(0, applied.size()).boxed().toList());
            assertThat(last.version()).as("one version per accepted update").isEqualTo(applied.size());
            assertThat(tokens).doesNotContainAnyElementsOf(refused);
            // the public JSON serves the same text
            assertThat(AppProcess.json(app.get("/api/timelines/" + slug + "/events/" + id)).path("body").asText())
                    .isEqualTo(last.body());
        }
        assertThat(applied.size() + conflicts409.get() + conflicts412.get()).isEqualTo(CLIENTS * ATTEMPTS);
        assertThat(applied).isNotEmpty();
        System.out.printf("Concurrent edits (%s, %d instance(s)): %d clients x %d PUTs of one event = %d accepted (200),"
                + " %d refused with 409 (stale version in the body), %d refused with 412 (stale If-Match), none lost%n",
                AppProcess.onPostgresql() ? "PostgreSQL" : "H2", apps.size(), CLIENTS, ATTEMPTS, applied.size(),
                conflicts409.get(), conflicts412.get());
    }
}
