package org.tradeline.feed;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;

/** What the JSON read API says is published, to compare every export with. */
final class FeedFixtures {

    static final String SEEDED = "nippon-steel-us-steel";
    static final String FIXTURE = "precision-fixture";
    static final String DRAFT_TIMELINE = "draft-fixture";
    static final String HOSTILE_HEADLINE = "<script>alert(1)</script> & \"quotes\"";

    private FeedFixtures() {
    }

    static JsonPath timeline(String slug) {
        return given().get("/api/timelines/" + slug).then().statusCode(200).extract().jsonPath();
    }

    /** Ids of the timeline's published events in date order, as the JSON API gives them. */
    static List<String> publishedIds(String slug) {
        return timeline(slug).getList("events.id", String.class);
    }
}
