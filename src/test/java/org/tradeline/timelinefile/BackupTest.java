package org.tradeline.timelinefile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeline.account.AccountService;
import org.tradeline.account.Role;
import org.tradeline.timeline.Timeline;

/**
 * Backup and restore as the README describes them: GET /api/backup, wipe every timeline through the
 * API, import the unzipped files, and the next backup is identical, drafts included. Runs on a
 * database of its own (it deletes everything).
 */
@QuarkusTest
@TestProfile(BackupTest.OwnDatabase.class)
// Its own database is an in-memory H2 one, which the PostgreSQL build cannot open; there it would
// have to delete the shared test database's timelines, so it runs on the H2 build only.
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "quarkus.datasource.db-kind", matches = "postgresql")
class BackupTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:backup-test;DB_CLOSE_DELAY=-1");
        }
    }

    static final String ADMIN = "admin";
    static final String PASSWORD = "admin-test-password";

    @Inject
    TimelineImporter importer;

    @Inject
    AccountService accounts;

    @TempDir
    Path restoreDir;

    static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic(ADMIN, PASSWORD);
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static Map<String, String> backup() throws IOException {
        Response r = admin().get("/api/backup");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/zip");
        assertThat(r.header("Content-Disposition")).startsWith("attachment; filename=\"tradeline-backup-");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        return unzip(r.asByteArray());
    }

    static List<String> slugs() {
        return QuarkusTransaction.requiringNew().call(() -> Timeline.<Timeline>listAll().stream().map(t -> t.slug).sorted().toList());
    }

    @Test
    void shouldRefuseAnyoneButAnAdmin() {
        given().get("/api/backup").then().statusCode(401);
        given().auth().preemptive().basic(ADMIN, "wrong").get("/api/backup").then().statusCode(401);
        QuarkusTransaction.requiringNew().run(() -> accounts.create("backup-editor", "editor-password-123", Role.EDITOR));
        given().auth().preemptive().basic("backup-editor", "editor-password-123").get("/api/backup").then().statusCode(403);
    }

    @Test
    void shouldRestoreEveryTimelineDraftsIncludedFromABackup() throws Exception {
        // A draft timeline, and a draft event on a published one: readers never see them, a backup must.
        admin().contentType("application/json")
                .body(Map.of("slug", "backup-draft", "title", "Unpublished work", "summary", "Not yet.", "status", "draft",
                        "actors", List.of(Map.of("id", "acme", "name", "Acme"))))
                .post("/api/timelines").then().statusCode(201);
        admin().contentType("application/json")
                .body(Map.of("headline", "A draft event", "date", "2025-03", "precision", "month", "category", "deal",
                        "actors", List.of("acme"), "status", "draft", "body", "Body *with* [a link](https://example.org).",
                        "sources", List.of(Map.of("title", "S", "publisher", "P", "url", "https://example.org/s"))))
                .post("/api/timelines/backup-draft/events").then().statusCode(201);
        admin().contentType("application/json")
                .body(Map.of("id", "backup-draft-event", "headline", "Draft on a published timeline", "date", "2025-07-01",
                        "precision", "day", "category", "litigation", "status", "draft",
                        "sources", List.of(Map.of("title", "S", "publisher", "P"))))
                .post("/api/timelines/nippon-steel-us-steel/events").then().statusCode(201);

        List<String> slugs = slugs();
        Map<String, String> before = backup();
        assertThat(before.keySet()).containsExactlyElementsOf(slugs.stream().map(s -> s + ".yaml").toList());
        assertThat(before.get("backup-draft.yaml")).contains("status: draft", "A draft event");
        assertThat(before.get("nippon-steel-us-steel.yaml")).contains("backup-draft-event");

        // Wipe: every timeline deleted through the API.
        for (String slug : slugs) {
            int version = QuarkusTransaction.requiringNew().call(() -> Timeline.findBySlug(slug).orElseThrow().version);
            admin().header("If-Match", "\"v" + version + "\"").delete("/api/timelines/" + slug).then().statusCode(204);
        }
        assertThat(slugs()).isEmpty();
        given().get("/api/timelines/nippon-steel-us-steel").then().statusCode(404);

        // Restore: the unzipped files in an import folder, imported as at start.
        for (var file : before.entrySet()) {
            Files.writeString(restoreDir.resolve(file.getKey()), file.getValue());
        }
        List<TimelineImporter.Result> results = importer.importDirectory(restoreDir);
        assertThat(results).hasSize(slugs.size());

        assertThat(slugs()).isEqualTo(slugs);
        assertThat(backup()).isEqualTo(before);
        given().get("/api/timelines/nippon-steel-us-steel/events/biden-blocks-acquisition").then().statusCode(200);
        given().get("/api/timelines/nippon-steel-us-steel/events/backup-draft-event").then().statusCode(404);
        given().get("/api/timelines/backup-draft").then().statusCode(404);
    }
}
