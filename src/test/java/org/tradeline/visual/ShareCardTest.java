package org.tradeline.visual;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Share images: decoded, 1200 x 630, not blank, with the title drawn where a rendering of the same
 * text in the same font puts it; cached with ETag and 304 like every public GET; the pages' og:image
 * resolves to them.
 */
@QuarkusTest
class ShareCardTest {

    static final String SEED = "nippon-steel-us-steel";

    static BufferedImage decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG Java can read").isNotNull();
        return image;
    }

    static BufferedImage card(String path) throws Exception {
        Response r = given().get(path).then().statusCode(200).contentType("image/png").extract().response();
        BufferedImage image = decode(r.asByteArray());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).as("colours on the card (not blank)").hasSizeGreaterThan(20);
        return image;
    }

    @Test
    void theTimelinesCardShowsItsTitleAsTheFontDrawsIt() throws Exception {
        BufferedImage card = card("/timelines/" + SEED + "/card.png");
        // The same text, same font and size, drawn on white at the same place: its ink must be the card's.
        BufferedImage reference = new BufferedImage(1200, 630, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = reference.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1200, 630);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setFont(ShareCard.BOLD.deriveFont(ShareCard.TITLE_SIZE));
        g.setColor(ShareCard.INK);
        g.drawString("Nippon Steel's bid for U.S. Steel", ShareCard.LEFT, ShareCard.TITLE_BASELINE);
        int textWidth = g.getFontMetrics().stringWidth("Nippon Steel's bid for U.S. Steel");
        g.dispose();
        int ink = 0;
        int same = 0;
        for (int y = ShareCard.TITLE_BASELINE - 60; y < ShareCard.TITLE_BASELINE + 16; y++) {
            for (int x = ShareCard.LEFT; x < ShareCard.LEFT + textWidth; x++) {
                boolean dark = (reference.getRGB(x, y) & 0xff) < 128;
                if (dark) {
                    ink++;
                    same += (card.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
                }
            }
        }
        assertThat(ink).as("ink of the reference title").isGreaterThan(5_000);
        assertThat(same / (double) ink).as("share of the title's ink found on the card").isGreaterThan(0.98);
        // And a different text would not match: the comparison can fail.
        assertThat(darkShare(card, ShareCard.TITLE_BASELINE + 200)).isLessThan(0.98);
    }

    /** Share of pixels in a title-sized box at {@code baseline} that are dark. */
    private static double darkShare(BufferedImage card, int baseline) {
        int dark = 0;
        int all = 0;
        for (int y = baseline - 60; y < Math.min(630, baseline + 16); y++) {
            for (int x = ShareCard.LEFT; x < 900; x++) {
                all++;
                dark += (card.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
            }
        }
        return dark / (double) all;
    }

    @Test
    void anEventsCardIsAPngOfTheRightSize() throws Exception {
        card("/timelines/" + SEED + "/events/biden-blocks-acquisition/card.png");
        card("/timelines/precision-fixture/events/hostile-text/card.png");
        card("/timelines/precision-fixture/card.png");
        given().get("/timelines/" + SEED + "/events/no-such-event/card.png").then().statusCode(404);
        given().get("/timelines/no-such-timeline/card.png").then().statusCode(404);
    }

    @Test
    void cardsAreCachedWithAnETagAndRevalidatedWith304() {
        for (String path : new String[] {"/timelines/" + SEED + "/card.png", "/timelines/" + SEED + "/events/companies-file-lawsuits/card.png"}) {
            Response first = given().get(path).then().statusCode(200).extract().response();
            String etag = first.header("ETag");
            assertThat(etag).startsWith("\"");
            assertThat(first.header("Cache-Control")).contains("public");
            assertThat(first.header("Content-Encoding")).as("a PNG is not gzipped again").isNull();
            assertThat(given().header("Accept-Encoding", "gzip").get(path).header("Content-Encoding")).isNull();
            Response again = given().get(path).then().statusCode(200).extract().response();
            assertThat(again.header("ETag")).isEqualTo(etag);
            assertThat(again.asByteArray()).isEqualTo(first.asByteArray());
            given().header("If-None-Match", etag).get(path).then().statusCode(304);
        }
    }

    @Test
    void pagesNameTheirCardInOpenGraph() throws Exception {
        for (String page : new String[] {"/timelines/" + SEED, "/timelines/" + SEED + "/events/cfius-review-period"}) {
            Document doc = Jsoup.parse(given().get(page).then().statusCode(200).extract().asString());
            String image = doc.select("meta[property=og:image]").attr("content");
            assertThat(image).startsWith("http").endsWith("/card.png");
            assertThat(doc.select("meta[property=og:image:width]").attr("content")).isEqualTo("1200");
            assertThat(doc.select("meta[property=og:image:height]").attr("content")).isEqualTo("630");
            assertThat(doc.select("meta[property=og:image:alt]").attr("content")).isNotBlank();
            assertThat(doc.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
            String path = java.net.URI.create(image).getPath();
            assertThat(decode(given().get(path).then().statusCode(200).contentType("image/png").extract().asByteArray()).getWidth())
                    .isEqualTo(1200);
        }
    }

    @Test
    void aCardIsDrawnAgainWhenItsTimelineChangesAndOnlyThen() throws Exception {
        String slug = "card-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        given().auth().preemptive().basic("admin", "admin-test-password").contentType("application/json")
                .body(java.util.Map.of("slug", slug, "title", "Card test", "status", "published")).post("/api/timelines")
                .then().statusCode(201);
        Response before = given().get("/timelines/" + slug + "/card.png").then().statusCode(200).extract().response();
        String seeded = given().get("/timelines/" + SEED + "/card.png").header("ETag");
        assertThat(given().get("/timelines/" + slug + "/card.png").header("ETag")).as("unchanged: same card")
                .isEqualTo(before.header("ETag"));

        given().auth().preemptive().basic("admin", "admin-test-password").contentType("application/json")
                .body(java.util.Map.of("headline", "A first event", "date", "2025-01-01", "precision", "day", "category", "deal",
                        "sources", java.util.List.of(java.util.Map.of("title", "S", "publisher", "P"))))
                .post("/api/timelines/" + slug + "/events").then().statusCode(201);

        Response after = given().get("/timelines/" + slug + "/card.png").then().statusCode(200).extract().response();
        assertThat(after.header("ETag")).as("changed timeline: new card").isNotEqualTo(before.header("ETag"));
        assertThat(after.asByteArray()).isNotEqualTo(before.asByteArray());
        given().header("If-None-Match", before.header("ETag")).get("/timelines/" + slug + "/card.png").then().statusCode(200);
        assertThat(given().get("/timelines/" + SEED + "/card.png").header("ETag")).as("another timeline's card").isEqualTo(seeded);
        decode(after.asByteArray());
    }
}
