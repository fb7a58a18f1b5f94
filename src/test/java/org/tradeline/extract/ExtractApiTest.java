package org.tradeline.extract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tradeline.account.AccountService;
import org.tradeline.event.Event;
import org.tradeline.extract.text.ArticleExtractor;

/** {@code POST /api/timelines/{slug}/extract} through HTTP: the seed article's candidates, and every bad input. */
@QuarkusTest
class ExtractApiTest {

    static final String SLUG = "nippon-steel-us-steel";
    static final String PATH = "/api/timelines/" + SLUG + "/extract";

    @BeforeAll
    static void log() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static RequestSpecification editor() {
        return given().auth().preemptive().basic("admin", "admin-test-password").contentType("application/json");
    }

    @Inject
    AccountService accounts;

    static long events() {
        return QuarkusTransaction.requiringNew().call(() -> Event.count());
    }

    @Nested
    class SeedArticle {

        @Test
        void shouldListTheDatedStatementsOfTheSeedArticleInArticleOrder() {
            String text = SharedFacts.seedArticle();
            long before = events();
            JsonPath json = editor().body(Map.of("text", text, "published", "2025-01-07", "title",
                            "Blinken Lauds Japan Ties While Skirting Nippon Steel Dispute", "publisher", "Bloomberg"))
                    .post(PATH).then().statusCode(200).contentType(startsWith("application/json"))
                    .body("published", equalTo("2025-01-07"))
                    .extract().jsonPath();
            List<Map<String, Object>> candidates = json.getList("candidates");

            Map<String, Object> tokyo = find(candidates, "Blinken met with Prime Minister");
            assertThat(tokyo).containsEntry("date", "2025-01-07").containsEntry("precision", "day").containsEntry("tense", "past");
            assertThat(strings(tokyo.get("actors"))).contains("antony-blinken", "shigeru-ishiba", "takeshi-iwaya");
            assertThat(strings(tokyo.get("matches"))).contains("blinken-tokyo-visit");

            Map<String, Object> ishiba = find(candidates, "who said on Monday");
            assertThat(ishiba).containsEntry("date", "2025-01-06").containsEntry("expression", "on Monday");
            assertThat(strings(ishiba.get("actors"))).contains("shigeru-ishiba");

            Map<String, Object> decision = find(candidates, "decision last week to block");
            assertThat(decision).containsEntry("date", "2024-12-30").containsEntry("endDate", "2025-01-05")
                    .containsEntry("precision", "day").containsEntry("expression", "last week");
            assertThat(strings(decision.get("actors"))).contains("joe-biden", "nippon-steel", "us-steel");
            assertThat(strings(decision.get("matches"))).as("the decision is the existing event of Jan. 3").contains("biden-blocks-acquisition");
            assertThat(decision.get("category")).isEqualTo("executive-action");

            Map<String, Object> hashimoto = find(candidates, "Eiji Hashimoto said");
            assertThat(hashimoto).containsEntry("date", "2025-01-07");
            assertThat(strings(hashimoto.get("actors"))).contains("nippon-steel", "eiji-hashimoto");

            Map<String, Object> korea = find(candidates, "visited South Korea");
            assertThat(korea).containsEntry("date", "2025-01-06");

            Map<String, Object> trump = find(candidates, "return to the White House");
            assertThat(trump).containsEntry("expression", "in about two weeks").containsEntry("tense", "future");
            assertThat((String) trump.get("date")).isLessThanOrEqualTo("2025-01-20");
            assertThat((String) trump.get("endDate")).isGreaterThanOrEqualTo("2025-01-21");

            // In article order, each quote exactly a sentence of the text, each headline short.
            List<Integer> positions = candidates.stream().map(c -> text.indexOf((String) c.get("quote"))).toList();
            assertThat(positions).doesNotContain(-1).isSorted();
            candidates.forEach(c -> assertThat(((String) c.get("headline")).length()).isBetween(10, 120));
            candidates.forEach(c -> assertThat((String) c.get("quote")).contains((String) c.get("expression")));
            assertThat(events()).as("extraction writes nothing").isEqualTo(before);
        }

        @SuppressWarnings("unchecked")
        private List<String> strings(Object list) {
            return (List<String>) list;
        }

        private Map<String, Object> find(List<Map<String, Object>> candidates, String quotePart) {
            return candidates.stream().filter(c -> ((String) c.get("quote")).contains(quotePart)).findFirst()
                    .orElseThrow(() -> new AssertionError("no candidate from the sentence with \u201c" + quotePart + "\u201d in " + candidates));
        }
    }

    @Nested
    class Answers {

        @Test
        void shouldAnswerNoCandidatesForATextWithoutDates() {
            editor().body(Map.of("text", "Steel prices are high. Analysts expect more consolidation.", "published", "2025-01-07"))
                    .post(PATH).then().statusCode(200).body("candidates", empty()).body("truncated", equalTo(false));
        }

        @Test
        void shouldTakePastedHtmlAndABearerToken() {
            String token = accounts.createToken(QuarkusTransaction.requiringNew().call(() ->
                    org.tradeline.account.Account.<org.tradeline.account.Account>find("username", "admin").firstResult().id), "extract test");
            given().header("Authorization", "Bearer " + token).contentType("application/json")
                    .body(Map.of("text", "<article><p>Harbor Alloys <b>sued</b> the agency on Monday.</p><script>alert(1)</script></article>",
                            "published", "2025-01-07"))
                    .post(PATH).then().statusCode(200)
                    .body("candidates[0].date", equalTo("2025-01-06"))
                    .body("candidates[0].quote", equalTo("Harbor Alloys sued the agency on Monday."))
                    .body("candidates[0].category", equalTo("litigation"));
        }

        @Test
        void shouldCutALongListAndSaySo() {
            String text = "Output rose on Jan. 3. ".repeat(ArticleExtractor.MAX_CANDIDATES + 50);
            editor().body(Map.of("text", text, "published", "2025-01-07")).post(PATH).then().statusCode(200)
                    .body("candidates.size()", equalTo(ArticleExtractor.MAX_CANDIDATES)).body("truncated", equalTo(true));
        }
    }

    @Nested
    class BadInput {

        @Test
        void shouldRefuseEachBadInputWithAProblemAndWriteNothing() {
            long before = events();
            problem(editor().body("{\"published\": \"2025-01-07\"}"), 422, "text");
            problem(editor().body("{\"text\": \"   \", \"published\": \"2025-01-07\"}"), 422, "text");
            problem(editor().body("{\"text\": \"It rose on Monday.\"}"), 422, "published");
            problem(editor().body("{\"text\": \"It rose on Monday.\", \"published\": \"2025-02-30\"}"), 422, "published");
            problem(editor().body("{\"text\": \"It rose on Monday.\", \"published\": \"January 7\"}"), 422, "published");
            problem(editor().body("{\"text\": \"It rose on Monday.\", \"published\": \"2025-01-07\", \"url\": \"javascript:alert(1)\"}"), 422, "url");
            editor().body(Map.of("text", "x".repeat(ArticleRules.MAX_TEXT + 1), "published", "2025-01-07")).post(PATH)
                    .then().statusCode(413).contentType(startsWith("application/problem+json")).body("detail", containsString("100,000"));
            editor().body("{\"text\": \"It rose").post(PATH).then().statusCode(400).contentType(startsWith("application/problem+json"));
            editor().body("{\"text\": \"It rose on Monday.\", \"published\": \"2025-01-07\", \"extra\": 1}").post(PATH)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"));
            editor().body("[1, 2]").post(PATH).then().statusCode(400);
            given().auth().preemptive().basic("admin", "admin-test-password").contentType("text/plain").body("It rose on Monday.")
                    .post(PATH).then().statusCode(415).contentType(startsWith("application/problem+json"));
            given().auth().preemptive().basic("admin", "admin-test-password").body("{\"text\": \"a\"}").post(PATH)
                    .then().statusCode(415);
            given().contentType("application/json").body(Map.of("text", "It rose on Monday.", "published", "2025-01-07"))
                    .post(PATH).then().statusCode(401);
            editor().body(Map.of("text", "It rose on Monday.", "published", "2025-01-07")).post("/api/timelines/no-such-timeline/extract")
                    .then().statusCode(404).contentType(startsWith("application/problem+json"));
            assertThat(events()).isEqualTo(before);
        }

        private void problem(RequestSpecification request, int status, String field) {
            request.post(PATH).then().statusCode(status).contentType(startsWith("application/problem+json"))
                    .body("errors.field", hasItem(field));
        }
    }
}
