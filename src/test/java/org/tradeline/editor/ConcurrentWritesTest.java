package org.tradeline.editor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Writers at once on one timeline: each one's event is visible on its very next read of the
 * permalink page and the JSON (the content revision is counted under a row lock, so two
 * concurrent writes can never share one and leave a snapshot that misses one of them).
 */
@QuarkusTest
class ConcurrentWritesTest {

    static final int WRITERS = 4;
    static final int EACH = 6;

    @Test
    void everyAcknowledgedWriteIsVisibleOnTheNextRead() throws Exception {
        String slug = "concurrent-" + UUID.randomUUID().toString().substring(0, 8);
        WriteApiTest.asAdmin().body(WriteApiTest.timeline(slug)).post("/api/timelines").then().statusCode(201);

        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < EACH; i++) {
                    String headline = "Writer " + writer + " event " + i;
                    Map<String, Object> body = new java.util.HashMap<>(WriteApiTest.event(headline));
                    String id = WriteApiTest.asAdmin().body(body).post("/api/timelines/" + slug + "/events")
                            .then().statusCode(201).extract().path("id");
                    created.add(id);
                    int page = given().get("/timelines/" + slug + "/events/" + id).statusCode();
                    if (page != 200) {
                        problems.add(id + ": permalink answered " + page);
                    }
                    List<String> ids = given().get("/api/timelines/" + slug).jsonPath().getList("events.id", String.class);
                    if (!ids.contains(id)) {
                        problems.add(id + ": missing from the JSON read right after its 201");
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(problems).isEmpty();
        assertThat(created).hasSize(WRITERS * EACH);
        assertThat(given().get("/api/timelines/" + slug).jsonPath().getList("events.id", String.class))
                .containsExactlyInAnyOrderElementsOf(created);
    }
}
