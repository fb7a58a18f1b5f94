package org.tradeline.timelinefile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Updated" is when published content last changed: not the day a file was imported, not a
 * restart's re-import, not a draft; it moves when an editor publishes a change.
 */
@QuarkusTest
class UpdatedDateTest {

    static final String SEED_NEWEST = "2025-09-04T00:00:00Z"; // the newest source date in the seed file

    @Inject
    TimelineImporter importer;

    @TempDir
    Path dir;

    /** The seed timeline under a slug of this test's own. */
    private String importSeedCopy(String extraHeader) throws Exception {
        String slug = "updated-" + UUID.randomUUID().toString().substring(0, 8);
        String text = Files.readString(Path.of("timelines/nippon-steel-us-steel.yaml"))
                .replace("slug: nippon-steel-us-steel", "slug: " + slug + extraHeader);
        Path file = dir.resolve(slug + ".yaml");
        Files.writeString(file, text);
        importer.importFile(file);
        return slug;
    }

    private static String updatedAt(String slug) {
        return given().get("/api/timelines/" + slug).then().statusCode(200).extract().path("updatedAt");
    }

    @Test
    void aFirstImportTakesTheNewestEventOrSourceDateNotToday() throws Exception {
        String slug = importSeedCopy("");
        assertThat(updatedAt(slug)).isEqualTo(SEED_NEWEST);
        String page = given().get("/timelines/" + slug).then().statusCode(200).extract().asString();
        assertThat(page).contains("Updated <time datetime=\"" + SEED_NEWEST + "\">Sept. 4, 2025</time>")
                .contains("\"dateModified\":\"" + SEED_NEWEST + "\"");
        assertThat(given().get("/").asString()).contains("<time datetime=\"" + SEED_NEWEST + "\">Sept. 4, 2025</time>");
        List<String> listed = given().get("/api/timelines").jsonPath()
                .getList("timelines.findAll { it.slug == '" + slug + "' }.updatedAt");
        assertThat(listed).containsExactly(SEED_NEWEST);
        assertThat(given().get("/timelines/" + slug + "/feed.atom").asString())
                .contains("<updated>2025-09-04T00:00:00Z</updated>");
        // Each event: its own newest date, not the import's.
        assertThat(given().get("/api/timelines/" + slug + "/events/biden-blocks-acquisition").jsonPath().getString("updatedAt"))
                .isEqualTo("2025-01-13T00:00:00Z");
    }

    @Test
    void aFileCanCarryItsOwnUpdatedDate() throws Exception {
        String slug = importSeedCopy("\nupdated: 2025-10-01");
        assertThat(updatedAt(slug)).isEqualTo("2025-10-01T00:00:00Z");
        // The export writes it back, so a restore into a new database keeps it.
        assertThat(given().get("/timelines/" + slug + ".yaml").asString()).containsPattern("(?m)^updated: '?2025-10-01'?$");
    }

    @Test
    void aBadUpdatedDateIsReportedWithItsLine() throws Exception {
        Path file = dir.resolve("bad-updated.yaml");
        Files.writeString(file, TimelineImporterTest.file("bad-updated", "").replace("status: published",
                "status: published\nupdated: last Tuesday"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.importFile(file))
                .isInstanceOf(TimelineFileException.class)
                .satisfies(e -> assertThat(((TimelineFileException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith("line 5: updated:")));
    }

    @Test
    void reImportingAnUnchangedFileOrAddingADraftDoesNotMoveIt() throws Exception {
        String slug = importSeedCopy("");
        Path file = dir.resolve(slug + ".yaml");
        assertThat(importer.importFile(file).unchanged()).isPositive();
        assertThat(importer.importDirectory(dir)).isNotEmpty();
        assertThat(updatedAt(slug)).isEqualTo(SEED_NEWEST);

        editor().body(event("A draft nobody sees yet", "draft")).post("/api/timelines/" + slug + "/events")
                .then().statusCode(201);
        assertThat(updatedAt(slug)).isEqualTo(SEED_NEWEST);
        assertThat(given().get("/timelines/" + slug).asString()).contains("Updated <time datetime=\"" + SEED_NEWEST + "\"");
    }

    @Test
    void itMovesWhenAnEditorPublishesAChange() throws Exception {
        String slug = importSeedCopy("");
        Instant before = Instant.now().minusSeconds(1);
        editor().body(event("Published today", "published")).post("/api/timelines/" + slug + "/events").then().statusCode(201);
        Instant moved = Instant.parse(updatedAt(slug));
        assertThat(moved).isAfter(before).isBefore(Instant.now().plus(Duration.ofSeconds(5)));
        String today = org.tradeline.event.DisplayDate.single(moved.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                org.tradeline.event.Precision.DAY);
        assertThat(given().get("/timelines/" + slug).asString()).contains(">" + today + "</time>");
    }

    @Test
    void aChangedFileMovesItToNowOrToTheFilesDate() throws Exception {
        String slug = "updated-changed-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve(slug + ".yaml");
        Files.writeString(file, TimelineImporterTest.file(slug, ""));
        importer.importFile(file);
        assertThat(updatedAt(slug)).isEqualTo("2024-02-01T00:00:00Z"); // the February event, the newest
        Instant before = Instant.now().minusSeconds(1);
        Files.writeString(file, TimelineImporterTest.file(slug, " (corrected)"));
        importer.importFile(file);
        assertThat(Instant.parse(updatedAt(slug))).isAfter(before);
        Files.writeString(file, TimelineImporterTest.file(slug, " (corrected again)").replace("status: published",
                "status: published\nupdated: 2030-01-01"));
        importer.importFile(file);
        assertThat(Instant.parse(updatedAt(slug))).as("a date in the future is taken as now").isBefore(Instant.now().plusSeconds(1));
    }

    static io.restassured.specification.RequestSpecification editor() {
        return given().auth().preemptive().basic("admin", "admin-test-password").contentType("application/json");
    }

    static Map<String, Object> event(String headline, String status) {
        return Map.of("headline", headline, "date", "2025-03-14", "precision", "day", "category", "deal",
                "status", status, "sources", List.of(Map.of("title", "S", "publisher", "P", "url", "https://example.org/s")));
    }
}
