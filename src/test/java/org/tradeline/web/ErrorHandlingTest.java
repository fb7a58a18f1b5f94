package org.tradeline.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** One error mapper: HTML for a browser, problem+json for an API client, never a stack trace. */
@QuarkusTest
class ErrorHandlingTest {

    @Test
    void shouldAnswerAnHtmlPageForPages() {
        given().accept("text/html").get("/timelines/unknown").then()
                .statusCode(404).contentType("text/html")
                .body(containsString("<h1>Page not found</h1>"), not(containsString("NotFound")));
    }

    @Test
    void shouldAnswerProblemJsonForTheApi() {
        given().accept("application/json").get("/api/timelines/unknown").then()
                .statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Page not found"))
                .body("instance", equalTo("/api/timelines/unknown"));
    }

    @Test
    void shouldRefuseWritesToReadOnlyRoutesWithoutA500() {
        given().contentType("application/json").body("{}").post("/api/timelines/nippon-steel-us-steel/events/x").then()
                .statusCode(405).contentType("application/problem+json");
        given().delete("/timelines/nippon-steel-us-steel").then()
                .statusCode(405).contentType("text/html");
    }

    @Test
    void shouldNotLeakDetailsForOddPaths() {
        given().urlEncodingEnabled(false).get("/timelines/%2e%2e%2f%2e%2e%2fetc%2fpasswd").then()
                .statusCode(404).body(not(containsString("root:")));
        given().urlEncodingEnabled(false).get("/timelines/" + "a".repeat(500)).then().statusCode(404);
    }
}
