package org.tradeline.timelinefile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeline.event.Event;
import org.tradeline.timeline.Timeline;

@QuarkusTest
class TimelineImporterTest {

    @Inject
    TimelineImporter importer;

    @TempDir
    Path dir;

    /** A small valid timeline file; {@code headlineSuffix} lets a test change the file. */
    static String file(String slug, String headlineSuffix) {
        return """
                slug: %1$s
                title: Import test %1$s
                summary: Built by TimelineImporterTest.
                status: published
                actors:
                  - id: acme
                    name: Acme
                events:
                  - id: first
                    date: 2024-01-02
                    headline: First event%2$s
                    category: deal
                    actors: [acme]
                    body: The first event.
                    sources:
                      - publisher: Test Wire
                        title: First source
                        date: 2024-01-02
                        url: https://example.org/first
                  - id: second
                    date: 2024-02
                    headline: Second event%2$s
                    category: litigation
                    sources:
                      - publisher: Test Wire
                        title: Second source
                """.formatted(slug, headlineSuffix);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static long eventCount(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Event.count("timeline.slug", slug));
    }

    private static String headline(String slug, String event) {
        return QuarkusTransaction.requiringNew().call(() ->
                Event.<Event>find("timeline.slug = ?1 and slug = ?2", slug, event).singleResult().headline);
    }

    static ParsedTimeline seedFile() throws Exception {
        return TimelineFileReader.read("seed", Files.readString(Path.of("timelines/nippon-steel-us-steel.yaml")));
    }

    @Test
    void shouldImportTheSeededTimelineOnStart() {
        assertThat(eventCount("nippon-steel-us-steel")).isGreaterThanOrEqualTo(20);
    }

    @Test
    void shouldNotDuplicateAnythingWhenImportedAgain() throws Exception {
        long before = eventCount("nippon-steel-us-steel");
        TimelineImporter.Result again = importer.importFile(Path.of("timelines/nippon-steel-us-steel.yaml"));
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(seedFile().events().size());
        assertThat(eventCount("nippon-steel-us-steel")).isEqualTo(before);

        Path p = write("idem.yaml", file("import-idempotent", ""));
        assertThat(importer.importFile(p).created()).isEqualTo(2);
        long rev = QuarkusTransaction.requiringNew().call(() -> Timeline.findBySlug("import-idempotent").orElseThrow().contentRev);
        TimelineImporter.Result second = importer.importFile(p);
        assertThat(second).isEqualTo(new TimelineImporter.Result("import-idempotent", 0, 0, 0, 2));
        assertThat(eventCount("import-idempotent")).isEqualTo(2);
        long revAfter = QuarkusTransaction.requiringNew().call(() -> Timeline.findBySlug("import-idempotent").orElseThrow().contentRev);
        assertThat(revAfter).as("an import that changes nothing leaves caches valid").isEqualTo(rev);
    }

    @Test
    void shouldFollowAChangedFileWhereNobodyEditedTheDatabase() throws Exception {
        Path p = write("follow.yaml", file("import-follow", ""));
        importer.importFile(p);
        write("follow.yaml", file("import-follow", " (revised)"));
        TimelineImporter.Result r = importer.importFile(p);
        assertThat(r.updated()).isEqualTo(2);
        assertThat(headline("import-follow", "first")).isEqualTo("First event (revised)");
        given().get("/api/timelines/import-follow/events/first").then().statusCode(200)
                .body("headline", equalTo("First event (revised)"));
    }

    @Test
    void shouldNeverOverwriteAnEventChangedInTheDatabase() throws Exception {
        Path p = write("edited.yaml", file("import-edited", ""));
        importer.importFile(p);
        given().get("/api/timelines/import-edited/events/first").then().body("headline", equalTo("First event"));
        QuarkusTransaction.requiringNew().run(() -> {
            Event e = Event.<Event>find("timeline.slug = ?1 and slug = ?2", "import-edited", "first").singleResult();
            e.headline = "Edited by an editor";
            e.timeline.touch(null);
        });

        write("edited.yaml", file("import-edited", " (from the file)"));
        TimelineImporter.Result r = importer.importFile(p);

        assertThat(r.keptEdited()).isEqualTo(1);
        assertThat(r.updated()).isEqualTo(1);
        assertThat(headline("import-edited", "first")).isEqualTo("Edited by an editor");
        assertThat(headline("import-edited", "second")).isEqualTo("Second event (from the file)");
        given().get("/api/timelines/import-edited/events/first").then().body("headline", equalTo("Edited by an editor"));
        given().get("/api/timelines/import-edited/events/second").then().body("headline", equalTo("Second event (from the file)"));

        // And on the next start (same file again) the editor's version still stands.
        assertThat(importer.importFile(p).keptEdited()).isEqualTo(1);
        assertThat(headline("import-edited", "first")).isEqualTo("Edited by an editor");
    }

    @Test
    void shouldSkipAMalformedFileAndImportTheOthers() throws Exception {
        write("a-good.yaml", file("import-good-neighbour", ""));
        write("b-bad.yaml", file("import-bad", "").replace("category: litigation", "category: warfare"));
        write("c-good.yaml", file("import-good-after", ""));

        List<TimelineImporter.Result> results = importer.importDirectory(dir);

        assertThat(results).extracting(TimelineImporter.Result::slug)
                .containsExactly("import-good-neighbour", "import-good-after");
        assertThat(eventCount("import-bad")).isZero();
        given().get("/timelines/import-good-after").then().statusCode(200);
        given().get("/timelines/import-bad").then().statusCode(404);
    }

    @Test
    void shouldHaveSkippedTheBrokenFixtureAtStartAndServedTheRest() {
        given().get("/timelines/broken-fixture").then().statusCode(404);
        given().get("/timelines/precision-fixture").then().statusCode(200);
        given().get("/timelines/nippon-steel-us-steel").then().statusCode(200);
    }

    @Test
    void shouldSayWhichLineIsWrongAndWhy() {
        assertProblem(file("x", "").replace("category: litigation", "category: warfare"),
                "line 20: event \"second\" category: \u201cwarfare\u201d is not one of");
        assertProblem(file("x", "").replace("date: 2024-01-02\n    headline", "date: 2024-02-30\n    headline"),
                "line 9: event \"first\" date: \u201c2024-02-30\u201d is not a real date");
        assertProblem(file("x", "").replace("actors: [acme]", "actors: [acme, nobody]"),
                "line 9: event \"first\" actors: \u201cnobody\u201d is not an actor of this timeline");
        assertProblem(file("x", "").replace("body: The first event.", "body: See [this](javascript:alert(1))."),
                "body: Links must be web addresses starting with http:// or https://");
        assertProblem(file("x", "").replace("url: https://example.org/first", "url: data:text/html,hi"),
                "line 9: event \"first\" sources[0].url: Enter a web address starting with http:// or https://");
        assertProblem(file("x", "").replace("  - id: second", "  - id: first"),
                "line 20: event id \"first\" is used twice");
        assertProblem(file("x", "").replace("title: Import test x", "titel: Import test x"),
                "unknown key \"titel\"");
        assertProblem(file("x", "").replace("    sources:\n      - publisher: Test Wire\n        title: Second source\n", ""),
                "event \"second\" sources: Add at least one source");
        assertProblem(file("x", "").replace("headline: First event", "headline: [unclosed"), "line 11");
        assertProblem(file("x", "").replace("date: 2024-02\n", "date: 2024-02\n    end: 2024-01\n"),
                "endDate: The end date (2024-01) is before the date (2024-02)");
        assertProblem(file("x", "").replace("date: 2024-02\n", "date: 2024-02\n    end: 2024-03-05\n"),
                "endDate: Write the end date at the same precision as the date");
        assertProblem(file("x", "").replace("headline: First event", "headline: " + "x".repeat(201)),
                "headline: Keep this to 200 characters (it has 201)");
        assertProblem(file("Bad Slug", ""), "slug: Use lower-case letters, digits and single hyphens");
        assertProblem("- just\n- a list\n", "the file must be a mapping");
    }

    private static void assertProblem(String text, String expected) {
        assertThatThrownBy(() -> TimelineFileReader.read("test.yaml", text))
                .isInstanceOf(TimelineFileException.class)
                .satisfies(e -> assertThat(((TimelineFileException) e).problems())
                        .anySatisfy(p -> assertThat(p).contains(expected)));
    }

    @Test
    void shouldRejectAFileThatIsNotUtf8() throws Exception {
        Path p = dir.resolve("latin1.yaml");
        Files.write(p, "slug: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> importer.importFile(p)).isInstanceOf(TimelineFileException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void shouldRoundTripThroughTheFileFormat() throws Exception {
        ParsedTimeline parsed = seedFile();
        java.util.Set<String> seeded = new java.util.HashSet<>(parsed.events().stream().map(e -> e.slug()).toList());
        TimelineFile written = QuarkusTransaction.requiringNew().call(() -> {
            Timeline t = Timeline.findBySlug("nippon-steel-us-steel").orElseThrow();
            return TimelineFiles.file(t, t.events.stream().filter(e -> seeded.contains(e.slug)).toList());
        });
        ParsedTimeline reread = TimelineFileReader.read("export", TimelineFileReader.write(written));
        assertThat(reread.events()).hasSameSizeAs(parsed.events());
        assertThat(reread.events().stream().map(e -> TimelineFiles.hash(TimelineFiles.entry(e))).sorted().toList())
                .isEqualTo(parsed.events().stream().map(e -> TimelineFiles.hash(TimelineFiles.entry(e))).sorted().toList());
        assertThat(TimelineFiles.hash(reread)).isEqualTo(TimelineFiles.hash(parsed));
    }

    @Test
    void startUpSkipsAFileUnchangedSinceItsImportUnlessItsTimelineIsGone() throws IOException {
        Path file = dir.resolve("skip-test.yaml");
        Files.writeString(file, file("skip-test", ""));
        assertThat(importer.importDirectory(dir, true)).extracting(TimelineImporter.Result::created).containsExactly(2);
        assertThat(importer.importDirectory(dir, true)).as("same bytes: not parsed again").isEmpty();

        Files.writeString(file, file("skip-test", " (changed)"));
        assertThat(importer.importDirectory(dir, true)).extracting(TimelineImporter.Result::updated).containsExactly(2);
        given().get("/api/timelines/skip-test").then().body("events[0].headline", equalTo("First event (changed)"));
        assertThat(importer.importDirectory(dir, true)).isEmpty();

        int version = given().get("/api/timelines/skip-test").jsonPath().getInt("version");
        given().auth().preemptive().basic("admin", "admin-test-password").header("If-Match", "\"v" + version + "\"")
                .delete("/api/timelines/skip-test").then().statusCode(204);
        assertThat(importer.importDirectory(dir, true)).as("its timeline was deleted: the file brings it back, as before")
                .extracting(TimelineImporter.Result::created).containsExactly(2);
    }

    @Test
    void startUpComparesSizeAndTimeBeforeReadingTheFile() throws IOException {
        Path file = dir.resolve("stat-test.yaml");
        Files.writeString(file, file("stat-test", " one"));
        assertThat(importer.importDirectory(dir, true)).extracting(TimelineImporter.Result::created).containsExactly(2);

        // The same bytes written again: the time moved, so the file is hashed; the hash matches, nothing is imported.
        java.time.Instant first = Files.getLastModifiedTime(file).toInstant();
        Files.writeString(file, file("stat-test", " one"));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(first.plusSeconds(5)));
        assertThat(importer.importDirectory(dir, true)).as("touched, same bytes").isEmpty();

        // The size and time recorded by that check: taken as unchanged without reading the file, as make does
        // (so an edit that keeps both, which editors' tools do not make, is not seen).
        java.nio.file.attribute.FileTime recorded = Files.getLastModifiedTime(file);
        Files.writeString(file, file("stat-test", " two"));
        Files.setLastModifiedTime(file, recorded);
        assertThat(importer.importDirectory(dir, true)).as("same size and time: not read").isEmpty();

        // Once its time moves the file is read again, and the edit imported.
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(first.plusSeconds(10)));
        assertThat(importer.importDirectory(dir, true)).extracting(TimelineImporter.Result::updated).containsExactly(2);
        given().get("/api/timelines/stat-test").then().body("events[0].headline", equalTo("First event two"));
    }
}
