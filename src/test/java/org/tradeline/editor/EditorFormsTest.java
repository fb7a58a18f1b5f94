package org.tradeline.editor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tradeline.account.Browserless;
import org.tradeline.event.Event;

@QuarkusTest
class EditorFormsTest {

    Browserless editor;
    String slug;

    /** Each test works in a timeline of its own, made through the form. */
    @BeforeEach
    void newTimeline() {
        editor = Browserless.signIn("admin", "admin-test-password");
        slug = "forms-" + UUID.randomUUID().toString().substring(0, 8);
        editor.get("/editor/timelines/new").then().statusCode(200);
        editor.post("/editor/timelines/new", Map.of("slug", slug, "title", "Forms test " + slug, "summary", "For tests.",
                "status", "published", "actor-id-0", "acme", "actor-name-0", "Acme Corp", "actor-id-1", "gov",
                "actor-name-1", "The Government")).then().statusCode(303)
                .header("Location", containsString("/editor/timelines/" + slug + "?done=timeline-created"));
    }

    Map<String, Object> event(String headline) {
        Map<String, Object> f = new HashMap<>();
        f.put("headline", headline);
        f.put("date", "2025-01-03");
        f.put("precision", "day");
        f.put("category", "executive-action");
        f.put("actors", List.of("acme", "gov"));
        f.put("body", "What happened, with a [link](https://example.org/a).");
        f.put("source-title-0", "First source");
        f.put("source-publisher-0", "Wire One");
        f.put("source-date-0", "2025-01-03");
        f.put("source-url-0", "https://example.org/one");
        f.put("source-title-1", "Second source");
        f.put("source-publisher-1", "Wire Two");
        f.put("importance", "major");
        f.put("status", "published");
        return f;
    }

    String newEventPath() {
        return "/editor/timelines/" + slug + "/events/new";
    }

    String create(Map<String, Object> form) {
        editor.get(newEventPath()).then().statusCode(200);
        Response r = editor.post(newEventPath(), form);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
        String location = r.header("Location");
        return location.substring(location.indexOf("#event-") + 7);
    }

    static Document html(Response r) {
        return Jsoup.parse(r.asString());
    }

    @Test
    void shouldShowEveryLabelAnEditorExpects() {
        Document form = html(editor.get(newEventPath()));
        List<String> labels = form.select("label, legend").eachText();
        assertThat(labels).contains("Headline", "Date", "Date precision", "End date", "Category", "Actors", "Body",
                "Source title", "Source publisher", "Source date", "Source URL", "Importance", "Status", "Update note");
        for (var input : form.select("form.event-form input:not([type=hidden]), form.event-form select, form.event-form textarea")) {
            assertThat(form.select("label[for=" + input.id() + "]")).as("label for %s", input.attr("name")).hasSize(1);
        }
    }

    @Test
    void shouldCreateAnEventWithTwoSourcesAndConfirmIt() {
        String id = create(event("Acme order is blocked"));
        Response list = editor.get("/editor/timelines/" + slug + "?done=event-created");
        assertThat(html(list).select(".flash").text()).isEqualTo("The event was created.");
        given().get("/api/timelines/" + slug + "/events/" + id).then().statusCode(200)
                .body("headline", org.hamcrest.Matchers.equalTo("Acme order is blocked"))
                .body("sources.title", org.hamcrest.Matchers.contains("First source", "Second source"))
                .body("actors.id", org.hamcrest.Matchers.contains("acme", "gov"));
        assertThat(id).isEqualTo("2025-01-03-acme-order-is-blocked");
    }

    @Test
    void shouldAddASourceRowWithoutSavingAnything() {
        editor.get(newEventPath());
        Map<String, Object> form = event("Not saved yet");
        form.put("action", "add-source");
        Document doc = html(editor.post(newEventPath(), form).then().statusCode(200).extract().response());
        assertThat(doc.select("fieldset.source-row")).hasSize(3);
        assertThat(doc.select("#f-headline").attr("value")).isEqualTo("Not saved yet");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Event.count("headline", "Not saved yet"))).isZero();
    }

    @Nested
    class Validation {

        Document rejected(Map<String, Object> form) {
            editor.get(newEventPath());
            Response r = editor.post(newEventPath(), form);
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(QuarkusTransaction.requiringNew().call(() ->
                    Event.count("timeline.slug = ?1", slug))).as("nothing saved").isZero();
            return html(r);
        }

        String errorOf(Document doc, String fieldId) {
            return doc.select("#" + fieldId + "-error").text().replace("Error: ", "");
        }

        @Test
        void shouldShowEachProblemNextToItsFieldAndKeepWhatWasTyped() {
            Map<String, Object> form = event("");
            form.put("date", "2025-02-30");
            form.put("endDate", "2024-01-01");
            form.put("category", "");
            form.put("source-url-0", "javascript:alert(1)");
            form.put("source-publisher-1", "");
            form.put("body", "Keep this text <b>and this</b>.");
            Document doc = rejected(form);
            assertThat(errorOf(doc, "f-headline")).isEqualTo("Enter a headline.");
            assertThat(errorOf(doc, "f-date")).contains("\u201c2025-02-30\u201d is not a real date");
            assertThat(errorOf(doc, "f-source-url-0")).contains("http:// or https://");
            assertThat(errorOf(doc, "f-source-publisher-1")).isEqualTo("Enter the publisher.");
            assertThat(doc.select("#f-category").parents().select(".field-error").text()).contains("Choose a category.");
            assertThat(doc.select(".error-summary li")).hasSizeGreaterThanOrEqualTo(4);
            assertThat(doc.select(".error-summary a").eachAttr("href")).contains("#f-headline", "#f-date", "#f-source-url-0");
            // Everything typed is still there.
            assertThat(doc.select("#f-date").attr("value")).isEqualTo("2025-02-30");
            assertThat(doc.select("#f-body").text()).isEqualTo("Keep this text <b>and this</b>.");
            assertThat(doc.select("#f-source-title-1").attr("value")).isEqualTo("Second source");
            assertThat(doc.select("#f-source-url-0").attr("value")).isEqualTo("javascript:alert(1)");
            assertThat(doc.select("input[name=actors][checked]").eachAttr("value")).containsExactly("acme", "gov");
            assertThat(doc.select("#f-date").attr("aria-invalid")).isEqualTo("true");
        }

        @Test
        void shouldRefuseLinksThatAreNotWebAddresses() {
            Map<String, Object> form = event("Bad link");
            form.put("body", "See [this](javascript:alert(1)).");
            assertThat(errorOf(rejected(form), "f-body")).contains("javascript:alert(1)");
            form.put("body", "See [this](data:text/html,hi).");
            assertThat(errorOf(rejected(form), "f-body")).contains("data:text/html");
        }

        @Test
        void shouldEnforceFieldLimits() {
            Map<String, Object> form = event("x".repeat(201));
            form.put("body", "y".repeat(8001));
            form.put("source-title-0", "z".repeat(301));
            form.put("updateNote", "n".repeat(301));
            Document doc = rejected(form);
            assertThat(errorOf(doc, "f-headline")).contains("200 characters");
            assertThat(errorOf(doc, "f-body")).contains("8000 characters");
            assertThat(errorOf(doc, "f-source-title-0")).contains("300 characters");
            assertThat(errorOf(doc, "f-updateNote")).contains("300 characters");
        }

        @Test
        void shouldRequireASourceAndKnownActors() {
            Map<String, Object> form = event("No sources");
            form.remove("source-title-0");
            form.remove("source-publisher-0");
            form.remove("source-date-0");
            form.remove("source-url-0");
            form.remove("source-title-1");
            form.remove("source-publisher-1");
            form.put("actors", List.of("acme", "someone-else"));
            Document doc = rejected(form);
            assertThat(doc.select(".sources-fieldset > .field-error").text()).contains("Add at least one source");
            assertThat(doc.select("#f-actors .field-error").text()).contains("someone-else");
        }

        @Test
        void shouldRefuseUnknownChoicesAndPrecisionMismatches() {
            Map<String, Object> form = event("Odd values");
            form.put("category", "warfare");
            form.put("importance", "huge");
            form.put("status", "secret");
            form.put("precision", "decade");
            Document doc = rejected(form);
            assertThat(doc.select(".error-summary").text()).contains("warfare", "huge", "secret", "Choose day, month or year");
            Map<String, Object> month = event("Month typed as a year");
            month.put("precision", "month");
            month.put("date", "2024");
            assertThat(errorOf(rejected(month), "f-date")).contains("YYYY-MM");
        }

        @Test
        void shouldEscapeEditorsTextEverywhere() {
            String id = create(event("<script>alert(1)</script> headline"));
            String page = given().get("/timelines/" + slug).then().statusCode(200).extract().asString();
            assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; headline");
            String edit = editor.get("/editor/timelines/" + slug + "/events/" + id + "/edit").asString();
            assertThat(edit).doesNotContain("<script>alert(1)</script>");
            String list = editor.get("/editor/timelines/" + slug).asString();
            assertThat(list).doesNotContain("<script>alert(1)</script>");
        }
    }

    @Nested
    class Drafts {

        @Test
        void shouldHideDraftsFromReadersUntilPublished() {
            Map<String, Object> form = event("A draft for now");
            form.put("status", "draft");
            String id = create(form);
            given().get("/timelines/" + slug).then().statusCode(200).body(not(containsString("A draft for now")));
            given().get("/timelines/" + slug + "/events/" + id).then().statusCode(404);
            given().get("/api/timelines/" + slug + "/events/" + id).then().statusCode(404);
            given().get("/api/timelines/" + slug).then().body("events.id", not(hasItem(id)));
            given().get("/timelines/" + slug + ".yaml").then().body(not(containsString("A draft for now")));

            // Editors see it in their list and can preview the public page.
            Document list = html(editor.get("/editor/timelines/" + slug));
            assertThat(list.select("#event-" + id + " td").eachText()).contains("A draft for now", "draft");
            Document preview = html(editor.get("/editor/timelines/" + slug + "/events/" + id + "/preview"));
            assertThat(preview.select("h1").text()).isEqualTo("A draft for now");
            assertThat(preview.select(".preview-banner").text()).contains("Preview");

            // Publish it.
            Map<String, Object> edit = new HashMap<>(form);
            edit.put("status", "published");
            edit.put("version", html(editor.get("/editor/timelines/" + slug + "/events/" + id + "/edit"))
                    .select("input[name=version]").attr("value"));
            editor.post("/editor/timelines/" + slug + "/events/" + id + "/edit", edit).then().statusCode(303);
            given().get("/timelines/" + slug + "/events/" + id).then().statusCode(200);
            given().get("/api/timelines/" + slug).then().body("events.id", hasItem(id));
        }
    }

    @Nested
    class EditingAndHistory {

        @Test
        void shouldRecordChangesFieldByFieldAndPublishTheUpdateNote() {
            String id = create(event("Original headline"));
            String editPath = "/editor/timelines/" + slug + "/events/" + id + "/edit";
            Document form = html(editor.get(editPath));
            Map<String, Object> edit = event("Revised headline");
            edit.put("version", form.select("input[name=version]").attr("value"));
            edit.put("updateNote", "Updates with the minister's remarks");
            editor.post(editPath, edit).then().statusCode(303)
                    .header("Location", containsString("done=event-saved"));

            Document history = html(editor.get("/editor/timelines/" + slug + "/events/" + id + "/history"));
            assertThat(history.select(".history > li")).hasSize(2);
            assertThat(history.select(".history > li").first().text())
                    .contains("updated by admin", "Updates with the minister's remarks");
            assertThat(history.select(".history > li").first().select("tbody tr th").eachText()).containsExactly("headline");
            assertThat(history.select(".history > li").first().select("tbody td").eachText())
                    .containsExactly("Original headline", "Revised headline");

            Document page = html(given().get("/timelines/" + slug).then().statusCode(200).extract().response());
            assertThat(page.select(".update-log li").first().text()).contains("Updates with the minister's remarks", "Revised headline");
            given().get("/api/timelines/" + slug).then()
                    .body("updates[0].note", org.hamcrest.Matchers.equalTo("Updates with the minister's remarks"))
                    .body("updates[0].event", org.hamcrest.Matchers.equalTo(id));
        }

        @Test
        void shouldNeverSilentlyOverwriteAnotherEditorsSave() {
            String id = create(event("Shared event"));
            String editPath = "/editor/timelines/" + slug + "/events/" + id + "/edit";
            Browserless second = Browserless.signIn("admin", "admin-test-password");
            String version = html(editor.get(editPath)).select("input[name=version]").attr("value");
            String sameVersion = html(second.get(editPath)).select("input[name=version]").attr("value");
            assertThat(sameVersion).isEqualTo(version);

            Map<String, Object> first = event("First editor's headline");
            first.put("version", version);
            editor.post(editPath, first).then().statusCode(303);

            Map<String, Object> late = event("Second editor's headline");
            late.put("version", sameVersion);
            late.put("body", "The second editor's careful text.");
            Response conflict = second.post(editPath, late);
            assertThat(conflict.statusCode()).isEqualTo(409);
            Document doc = html(conflict);
            assertThat(doc.select(".error-summary").text()).contains("Someone else changed this event");
            assertThat(doc.select(".current-version").text()).contains("First editor's headline");
            assertThat(doc.select("#f-headline").attr("value")).isEqualTo("Second editor's headline");
            assertThat(doc.select("#f-body").text()).isEqualTo("The second editor's careful text.");
            given().get("/api/timelines/" + slug + "/events/" + id).then()
                    .body("headline", org.hamcrest.Matchers.equalTo("First editor's headline"));

            // Saving again, having seen the other version, is a deliberate choice and goes through.
            late.put("version", doc.select("input[name=version]").attr("value"));
            second.post(editPath, late).then().statusCode(303);
            given().get("/api/timelines/" + slug + "/events/" + id).then()
                    .body("headline", org.hamcrest.Matchers.equalTo("Second editor's headline"));
        }

        @Test
        void shouldDeleteOnlyAfterConfirmation() {
            String id = create(event("To be deleted"));
            Document confirm = html(editor.get("/editor/timelines/" + slug + "/events/" + id + "/delete"));
            assertThat(confirm.select("h1").text()).isEqualTo("Delete this event?");
            given().get("/timelines/" + slug + "/events/" + id).then().statusCode(200);
            editor.post("/editor/timelines/" + slug + "/events/" + id + "/delete",
                    Map.of("version", confirm.select("input[name=version]").attr("value"), "updateNote", "Removes a duplicate"))
                    .then().statusCode(303).header("Location", containsString("done=event-deleted"));
            given().get("/timelines/" + slug + "/events/" + id).then().statusCode(404);
            Document history = html(editor.get("/editor/timelines/" + slug + "/events/" + id + "/history"));
            assertThat(history.select(".history > li").first().text()).contains("deleted by admin");
            assertThat(html(given().get("/timelines/" + slug).then().extract().response()).select(".update-log").text())
                    .contains("Removes a duplicate");
        }

        @Test
        void shouldEditTheTimelineAndItsActors() {
            String path = "/editor/timelines/" + slug + "/edit";
            Document form = html(editor.get(path));
            assertThat(form.select("#f-actor-name-0").attr("value")).isEqualTo("Acme Corp");
            Map<String, Object> edit = new HashMap<>(Map.of("title", "Renamed timeline", "summary", "New summary",
                    "status", "published", "actor-id-0", "acme", "actor-name-0", "Acme Corporation",
                    "actor-id-1", "gov", "actor-name-1", "The Government", "actor-id-2", "court", "actor-name-2", "The Court"));
            edit.put("version", form.select("input[name=version]").attr("value"));
            editor.post(path, edit).then().statusCode(303);
            given().get("/api/timelines/" + slug).then()
                    .body("title", org.hamcrest.Matchers.equalTo("Renamed timeline"))
                    .body("actors.name", org.hamcrest.Matchers.hasItems("Acme Corporation", "The Court"));
        }
    }

    @Test
    void shouldExportTheTimelineInTheFileFormat() {
        create(event("Exported event"));
        String yaml = given().get("/timelines/" + slug + ".yaml").then().statusCode(200)
                .contentType(containsString("application/yaml"))
                .header("Content-Disposition", containsString(slug + ".yaml"))
                .extract().asString();
        assertThat(yaml).contains("slug: " + slug, "headline: Exported event", "url: https://example.org/one");
        given().get("/timelines/no-such-timeline.yaml").then().statusCode(404);
    }
}
