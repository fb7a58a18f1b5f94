package org.tradeline.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged app shows as "Updated" when the published content last changed: a first import on a
 * new database takes the seed file's newest date (not the day of the import); a restart, and a
 * re-import of the same file read afresh from another folder, leave it alone; a draft does not move
 * it; an editor's published change does.
 */
class UpdatedDateIT {

    static final String SLUG = "nippon-steel-us-steel";
    static final String SEED_NEWEST = "2025-09-04T00:00:00Z";

    private static String updatedAt(AppProcess app) {
        HttpResponse<String> r = app.get("/api/timelines/" + SLUG);
        assertThat(r.statusCode()).isEqualTo(200);
        return AppProcess.json(r).path("updatedAt").asText();
    }

    private static String pageUpdated(AppProcess app) {
        String page = app.get("/timelines/" + SLUG).body();
        int at = page.indexOf("Updated <time");
        assertThat(at).as("the timeline page says when it was updated").isPositive();
        return page.substring(at, page.indexOf("</time>", at));
    }

    @Test
    void updatedStaysThroughRestartsAndReImportsAndMovesWithAPublishedChange() throws Exception {
        try (AppProcess.Database db = AppProcess.Database.create("updated")) {
            String onFirstStart;
            try (AppProcess app = AppProcess.start(db)) {
                assertThat(updatedAt(app)).isEqualTo(SEED_NEWEST);
                onFirstStart = pageUpdated(app);
                assertThat(onFirstStart).contains("Sept. 4, 2025");
            }
            try (AppProcess app = AppProcess.start(db)) {
                assertThat(updatedAt(app)).as("after a restart").isEqualTo(SEED_NEWEST);
                assertThat(pageUpdated(app)).isEqualTo(onFirstStart);
            }
            // The same file in a second import folder: a path the database has not seen, so it is parsed
            // and stored again, and finds nothing to change.
            Path copy = Files.createTempDirectory("tradeline-it-reimport");
            Files.copy(Path.of("timelines", SLUG + ".yaml"), copy.resolve(SLUG + ".yaml"));
            db.env.put("TRADELINE_IMPORTING_DIRS", Path.of("timelines").toAbsolutePath() + "," + copy);
            try (AppProcess app = AppProcess.start(db)) {
                assertThat(updatedAt(app)).as("after re-importing the unchanged file").isEqualTo(SEED_NEWEST);
                assertThat(pageUpdated(app)).isEqualTo(onFirstStart);

                HttpResponse<String> draft = app.write("POST", "/api/timelines/" + SLUG + "/events",
                        Map.of("headline", "A draft", "date", "2025-09-10", "precision", "day", "category", "deal",
                                "status", "draft", "sources", java.util.List.of(Map.of("title", "S", "publisher", "P"))));
                assertThat(draft.statusCode()).isEqualTo(201);
                assertThat(updatedAt(app)).as("after adding a draft").isEqualTo(SEED_NEWEST);

                Instant before = Instant.now().minusSeconds(1);
                HttpResponse<String> published = app.write("POST", "/api/timelines/" + SLUG + "/events",
                        AppProcess.event("A published change", "Published by an editor."));
                assertThat(published.statusCode()).isEqualTo(201);
                Instant moved = Instant.parse(updatedAt(app));
                assertThat(moved).as("after an editor published a change").isAfter(before);
                assertThat(pageUpdated(app)).isNotEqualTo(onFirstStart);
            } finally {
                Files.deleteIfExists(copy.resolve(SLUG + ".yaml"));
                Files.deleteIfExists(copy);
            }
            try (AppProcess app = AppProcess.start(db)) {
                assertThat(Instant.parse(updatedAt(app))).as("the published change's date survives a restart")
                        .isAfter(Instant.parse(SEED_NEWEST));
            }
        }
    }
}
