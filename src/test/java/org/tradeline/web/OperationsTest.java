package org.tradeline.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /q/health (liveness, readiness with the database) and /q/metrics (Prometheus): rates, latencies, cache hits. */
@QuarkusTest
class OperationsTest {

    @Test
    void shouldReportLiveAndReadyWithTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*\\})? ([0-9.Ee+-]+)$").matcher(metrics);
        assertThat(m.find()).as(series + " in\n" + metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void shouldCountRequestsByRouteTemplateNeverByRawPath() {
        given().get("/timelines/nippon-steel-us-steel").then().statusCode(200);
        given().get("/api/timelines/nippon-steel-us-steel/events/biden-blocks-acquisition").then().statusCode(200);
        given().get("/static/tradeline.css").then().statusCode(200);
        String hostile = UUID.randomUUID().toString();
        for (int i = 0; i < 30; i++) {
            given().get("/timelines/" + hostile + i);
            given().get("/" + hostile + "/x" + i);
            given().get("/static/" + hostile + i + ".css");
            given().get("/api/timelines/nippon-steel-us-steel/events/" + hostile + i);
        }
        String metrics = metrics();
        assertThat(metrics).contains("http_server_requests_seconds_count{")
                .contains("uri=\"/timelines/{slug}\"")
                .contains("uri=\"/api/timelines/{slug}/events/{id}\"")
                .contains("http_server_requests_seconds_sum{")
                .doesNotContain(hostile);
        long uris = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{"))
                .map(l -> l.replaceAll(".*uri=\"([^\"]*)\".*", "$1")).distinct().count();
        assertThat(uris).as("distinct uri tags").isLessThanOrEqualTo(100);
    }

    @Test
    void shouldExposeThePublicCacheHitRatio() {
        given().get("/api/timelines/nippon-steel-us-steel/timelinejs").then().statusCode(200);
        String before = metrics();
        double hits = value(before, "tradeline_cache_hits_total");
        double misses = value(before, "tradeline_cache_misses_total");
        for (int i = 0; i < 5; i++) {
            given().get("/api/timelines/nippon-steel-us-steel/timelinejs").then().statusCode(200);
        }
        String after = metrics();
        assertThat(value(after, "tradeline_cache_hits_total")).isGreaterThanOrEqualTo(hits + 5);
        assertThat(value(after, "tradeline_cache_misses_total")).isGreaterThanOrEqualTo(misses);
        double h = value(after, "tradeline_cache_hits_total");
        double m = value(after, "tradeline_cache_misses_total");
        assertThat(value(after, "tradeline_cache_hit_ratio")).isBetween(0.0, 1.0).isCloseTo(h / (h + m),
                org.assertj.core.data.Offset.offset(0.05));
    }
}
