package org.tradeline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeline.account.Browserless;
import org.tradeline.editor.Revision;
import org.tradeline.event.Event;
import org.tradeline.timeline.Timeline;

/** The extract page through HTTP, as a browser posts it: find, tick and edit, add as drafts (Post/Redirect/Get). */
@QuarkusTest
class ExtractPagesTest {

    static final String ARTICLE = """
            Acme Corp. sued the government on Friday, the company said.
            The judge will rule on Jan. 20, lawyers for both sides said.
            Acme's chief executive said on Monday that talks with the ministry had failed.""";

    Browserless editor;
    String slug;

    @BeforeEach
    void timelineWithOneEvent() {
        editor = Browserless.signIn("admin", "admin-test-password");
        slug = "extract-" + UUID.randomUUID().toString().substring(0, 8);
        editor.get("/editor/timelines/new");
        editor.post("/editor/timelines/new", Map.of("slug", slug, "title", "Extract test " + slug, "status", "published",
                "actor-id-0", "acme", "actor-name-0", "Acme Corp", "actor-aliases-0", "Acme Corporation",
                "actor-id-1", "gov", "actor-name-1", "The Government", "actor-aliases-1", "the government, the ministry"))
                .then().statusCode(303);
        editor.get("/editor/timelines/" + slug + "/events/new");
        editor.post("/editor/timelines/" + slug + "/events/new", Map.of("id", "acme-sues", "headline", "Acme sues the government",
                "date", "2025-01-03", "precision", "day", "category", "litigation", "actors", List.of("acme", "gov"),
                "source-title-0", "Acme files suit", "source-publisher-0", "Test Wire", "importance", "major", "status", "published"))
                .then().statusCode(303);
    }

    Response find(String text, String published) {
        String path = "/editor/timelines/" + slug + "/extract";
        editor.get(path).then().statusCode(200);
        return editor.post(path, Map.of("text", text, "published", published, "action", "find"));
    }

    @Test
    void shouldShowTheFormWithItsLabelsAndNoFetchButtonWhenFetchingIsOff() {
        Document page = Jsoup.parse(editor.get("/editor/timelines/" + slug).then().statusCode(200).extract().asString());
        assertThat(page.select("a:containsOwn(Draft events from an article)").attr("href")).isEqualTo("/editor/timelines/" + slug + "/extract");
        Document form = Jsoup.parse(editor.get("/editor/timelines/" + slug + "/extract").then().statusCode(200).extract().asString());
        assertThat(form.select("label").eachText()).contains("Article text", "Published on", "Article title", "Publisher", "Article URL");
        assertThat(form.select("button").eachText()).contains("Find events").doesNotContain("Fetch the article from its URL");
    }

    @Test
    void shouldListCandidatesThenAddTheTickedOnesAsDraftsCitingTheArticle() {
        Document page = Jsoup.parse(find(ARTICLE, "2025-01-07").then().statusCode(200).extract().asString());
        List<Element> candidates = page.select("fieldset.candidate");
        assertThat(candidates).hasSize(3);
        // The lawsuit of Friday, Jan. 3 is on the timeline already: linked, and unticked.
        Element first = candidates.get(0);
        assertThat(first.select("mark").text()).isEqualTo("on Friday");
        assertThat(first.select("legend").text()).contains("Jan. 3, 2025");
        assertThat(first.select(".already-note a").attr("href")).endsWith("#event-acme-sues");
        assertThat(first.select("input[name=c0-pick]").hasAttr("checked")).isFalse();
        assertThat(first.select("input[name=c0-actors][checked]").eachAttr("value")).containsExactly("acme", "gov");
        assertThat(first.select("select[name=c0-category] option[selected]").attr("value")).isEqualTo("litigation");
        assertThat(candidates.get(1).select("input[name=c1-date]").val()).isEqualTo("2025-01-20");
        assertThat(candidates.get(1).select("input[name=c1-pick]").hasAttr("checked")).isTrue();
        assertThat(candidates.get(2).select("input[name=c2-date]").val()).isEqualTo("2025-01-06");
        assertThat(candidates.get(2).select("input[name=c2-actors][checked]").eachAttr("value"))
                .as("Acme by its alias without the suffix, the government by the alias “the ministry”").containsExactly("acme", "gov");

        Map<String, Object> form = posted(page);
        form.put("title", "Acme takes the government to court");
        form.put("publisher", "Test Wire");
        form.put("url", "https://example.org/acme-court");
        form.put("c1-headline", "Judge to rule on Acme's suit");
        Response added = editor.post("/editor/timelines/" + slug + "/extract/drafts", form);
        added.then().statusCode(303).header("Location", containsString("/editor/timelines/" + slug + "?done=drafts-added&drafted="));

        Document after = Jsoup.parse(editor.get(added.header("Location").replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .extract().asString());
        assertThat(after.select(".flash").text()).contains("added as drafts");
        assertThat(after.select(".new-drafts li > a:first-child").eachText())
                .containsExactlyInAnyOrder("Judge to rule on Acme's suit", "Acme's chief executive said talks with the ministry had failed");
        QuarkusTransaction.requiringNew().run(() -> {
            Timeline t = Timeline.findBySlug(slug).orElseThrow();
            List<Event> drafts = Event.list("timeline = ?1 and status = org.tradeline.timeline.PublicationStatus.DRAFT order by startDate", t);
            assertThat(drafts).hasSize(2);
            Event judge = drafts.stream().filter(e -> e.headline.startsWith("Judge")).findFirst().orElseThrow();
            assertThat(judge.startDate).hasToString("2025-01-20");
            assertThat(judge.body).isEqualTo("The judge will rule on Jan. 20, lawyers for both sides said.");
            assertThat(judge.sources).singleElement().satisfies(s -> {
                assertThat(s.title).isEqualTo("Acme takes the government to court");
                assertThat(s.publisher).isEqualTo("Test Wire");
                assertThat(s.publishedOn).hasToString("2025-01-07");
                assertThat(s.url).isEqualTo("https://example.org/acme-court");
            });
            assertThat(Revision.<Revision>list("timeline = ?1 and eventSlug = ?2", t, judge.slug))
                    .extracting(r -> r.action).containsExactly("drafted");
        });
        // Drafts stay unseen by readers.
        io.restassured.RestAssured.given().get("/api/timelines/" + slug).then().statusCode(200)
                .body("events.headline", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("Judge to rule on Acme's suit")));
    }

    @Test
    void shouldKeepEveryEditAndAddNothingWhenSomethingIsMissing() {
        Document page = Jsoup.parse(find(ARTICLE, "2025-01-07").then().statusCode(200).extract().asString());
        Map<String, Object> form = posted(page);
        form.put("c1-headline", "My edited headline");
        form.put("c2-date", "2025-02-30");
        long before = QuarkusTransaction.requiringNew().call(() -> Event.count());
        Document again = Jsoup.parse(editor.post("/editor/timelines/" + slug + "/extract/drafts", form).then().statusCode(422)
                .extract().asString());
        assertThat(again.select(".error-summary").text()).contains("Article title", "Publisher", "Date (candidate 3)");
        assertThat(again.select("input[name=c1-headline]").val()).isEqualTo("My edited headline");
        assertThat(again.select("input[name=c2-date]").val()).isEqualTo("2025-02-30");
        assertThat(again.select("#f-c2-date-error").text()).contains("not a real date");
        assertThat(again.select("fieldset.candidate")).hasSize(3);
        assertThat(again.select("textarea[name=text]").text()).contains("Acme Corp. sued the government");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Event.count())).isEqualTo(before);

        Map<String, Object> none = posted(again);
        none.keySet().removeIf(k -> k.endsWith("-pick"));
        none.put("title", "A title");
        none.put("publisher", "A publisher");
        assertThat(Jsoup.parse(editor.post("/editor/timelines/" + slug + "/extract/drafts", none).then().statusCode(422)
                .extract().asString()).select(".error-summary").text()).contains("Tick \u201cAdd as draft\u201d");
    }

    @Test
    void shouldKeepActorsAliasesInTheFormAndTheTimelineFile() {
        Document form = Jsoup.parse(editor.get("/editor/timelines/" + slug + "/edit").then().statusCode(200).extract().asString());
        assertThat(form.select("label[for=f-actor-aliases-1]").text()).isEqualTo("Aliases");
        assertThat(form.select("#f-actor-aliases-1").val()).isEqualTo("the government, the ministry");
        String yaml = editor.get("/editor/timelines/" + slug + "/export.yaml").then().statusCode(200).extract().asString();
        assertThat(yaml).contains("aliases:", "the ministry", "Acme Corporation");
        io.restassured.RestAssured.given().auth().preemptive().basic("admin", "admin-test-password").contentType("application/json")
                .body(Map.of("slug", slug + "-x", "title", "Aliases", "actors", List.of(Map.of("id", "a", "name", "A",
                        "aliases", List.of("x".repeat(121))))))
                .post("/api/timelines").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("actors[0].aliases"));
    }

    @Test
    void shouldSayInWordsWhenTheTextHasNoDatedStatement() {
        Document page = Jsoup.parse(find("Steel prices are high. Analysts expect more mergers.", "2025-01-07").then().statusCode(200)
                .extract().asString());
        assertThat(page.select("#candidates-heading").text()).isEqualTo("No candidate events");
        assertThat(page.select(".candidates .empty").text()).contains("No dated statement was found");
    }

    @Test
    void shouldShowProblemsWithTheArticleNextToTheirFields() {
        Document page = Jsoup.parse(find("", "2025-13-01").then().statusCode(422).extract().asString());
        assertThat(page.select("#f-text-error").text()).contains("Paste the article");
        assertThat(page.select("#f-published-error").text()).contains("not a real date");
        Document fetch = Jsoup.parse(editor.post("/editor/timelines/" + slug + "/extract", Map.of("text", "", "published", "2025-01-07",
                "url", "https://example.org/a", "action", "fetch")).then().statusCode(422).extract().asString());
        assertThat(fetch.select("#f-url-error").text()).contains("Fetching articles is turned off");
    }

    @Test
    void shouldShowScriptFromTheArticleAsText() {
        String text = "Acme said on Monday that \"<img src=x onerror=alert(1)>\" and {{7*7}} [[${7*7}]] were its words.";
        Document page = Jsoup.parse(find(text, "2025-01-07").then().statusCode(200).extract().asString());
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("fieldset.candidate").text()).doesNotContain("49");
    }

    @Test
    void shouldRefuseAPostWithoutCsrfTokenAndAnonymousVisitors() {
        editor.get("/editor/timelines/" + slug + "/extract");
        editor.postRaw("/editor/timelines/" + slug + "/extract", Map.of("text", ARTICLE, "published", "2025-01-07")).then().statusCode(403);
        Browserless.anonymous().get("/editor/timelines/" + slug + "/extract").then().statusCode(302)
                .header("Location", containsString("/login"));
        editor.get("/editor/timelines/no-such-timeline/extract").then().statusCode(404).contentType(startsWith("text/html"));
    }

    /** The page's form fields as the browser would post them (ticked boxes only, selected options). */
    static Map<String, Object> posted(Document page) {
        Map<String, Object> form = new HashMap<>();
        Map<String, List<String>> multi = new HashMap<>();
        Element f = page.selectFirst("form.extract-form");
        for (Element in : f.select("input, textarea, select")) {
            String name = in.attr("name");
            if (name.isEmpty() || in.tagName().equals("input") && in.attr("type").equals("checkbox") && !in.hasAttr("checked")) {
                continue;
            }
            String value = in.tagName().equals("select") ? in.select("option[selected]").attr("value")
                    : in.tagName().equals("textarea") ? in.text() : in.val();
            if (name.endsWith("-actors")) {
                multi.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
            } else {
                form.put(name, value);
            }
        }
        form.putAll(multi);
        return form;
    }
}
