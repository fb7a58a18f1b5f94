package org.tradeline.embed;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestQuery;
import org.tradeline.web.InvalidParameterException;
import org.tradeline.web.Links;
import org.tradeline.web.NotFound;
import org.tradeline.web.Page;
import org.tradeline.config.TradelineConfig;
import org.tradeline.timeline.TimelineSnapshot;
import org.tradeline.timeline.TimelineSnapshots;

/** oEmbed 1.0 for timeline and event pages: a {@code rich} answer whose html is the self-sizing iframe. */
@Path("/oembed")
@Produces(MediaType.APPLICATION_JSON)
class OEmbedApi {

    static final int TIMELINE_WIDTH = 640;
    static final int TIMELINE_HEIGHT = 900;
    static final int EVENT_HEIGHT = 420;
    static final int CACHE_AGE = 3600;
    private static final Pattern PAGE = Pattern.compile("/(?:embed/)?timelines/([a-z0-9-]{1,80})(?:/events/([a-z0-9-]{1,80}))?/?");

    private final TimelineSnapshots snapshots;
    private final Links links;
    private final TradelineConfig config;

    OEmbedApi(TimelineSnapshots snapshots, Links links, TradelineConfig config) {
        this.snapshots = snapshots;
        this.links = links;
        this.config = config;
    }

    record OEmbed(String version, String type, String title, @JsonProperty("provider_name") String providerName,
            @JsonProperty("provider_url") String providerUrl, @JsonProperty("cache_age") int cacheAge, String html,
            int width, int height) {
    }

    @GET
    public Response oembed(@RestQuery String url, @RestQuery String format, @RestQuery String maxwidth,
            @RestQuery String maxheight, @Context UriInfo uri) {
        if (format != null && !format.isBlank() && !format.equals("json")) {
            return Response.status(501).type("text/plain").entity("Only format=json is supported.").build();
        }
        if (url == null || url.isBlank()) {
            throw new InvalidParameterException("url", "Give the address of a timeline or event page in url.");
        }
        String base = links.base(uri);
        String path = ownPath(url.strip(), base);
        Matcher m = path == null ? null : PAGE.matcher(path);
        if (m == null || !m.matches()) {
            throw new NotFound("That address is not a timeline or event page of this site.");
        }
        TimelineSnapshot t = snapshots.require(m.group(1));
        String eventId = m.group(2);
        String title = t.title();
        String src = base + "/embed/timelines/" + t.slug();
        int height = TIMELINE_HEIGHT;
        if (eventId != null) {
            title = t.event(eventId).orElseThrow(() -> new NotFound("The timeline has no event \u201c" + eventId + "\u201d."))
                    .headline();
            src += "/events/" + eventId;
            height = EVENT_HEIGHT;
        }
        int width = Math.min(TIMELINE_WIDTH, Page.parameter("maxwidth", maxwidth, Integer.MAX_VALUE, 100_000));
        height = Math.min(height, Page.parameter("maxheight", maxheight, Integer.MAX_VALUE, 100_000));
        String id = "tradeline-" + t.slug() + (eventId == null ? "" : "-" + eventId);
        String html = "<iframe data-tradeline-embed id=\"" + id + "\" src=\"" + attr(src + "?childId=" + id)
                + "\" title=\"" + attr(title) + "\" width=\"" + width + "\" height=\"" + height
                + "\" style=\"width:100%;max-width:" + width + "px;border:0\" loading=\"lazy\"></iframe>"
                + "<script src=\"" + attr(base) + "/embed.js\" async></script>";
        return Response.ok(new OEmbed("1.0", "rich", title, config.site().name(), base, CACHE_AGE, html, width, height))
                .header("Cache-Control", "public, max-age=" + CACHE_AGE).build();
    }

    /** The path of a URL on this site, or null for anyone else's URL. */
    private static String ownPath(String url, String base) {
        try {
            URI u = new URI(url);
            URI b = new URI(base);
            if (u.getHost() == null || !u.getHost().equalsIgnoreCase(b.getHost()) || u.getPort() != b.getPort()
                    || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
                return null;
            }
            return u.getPath();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
