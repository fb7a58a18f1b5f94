package org.tradeline.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tradeline.web.Links;
import org.tradeline.web.PageMeta;
import org.tradeline.timeline.TimelineSnapshot.EventView;
import org.tradeline.visual.ShareCards;

/** The head of timeline and event pages: Open Graph, Twitter card, schema.org JSON-LD, alternates. */
final class PageMetas {

    /**
     * Keys in order: {@code Map.of} iterates in an order each JVM draws at random, and the bytes (so
     * the ETag) of a page must be the same whichever instance built it, or a CDN's revalidation
     * against another instance is a full answer instead of a 304.
     */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private PageMetas() {
    }

    /**
     * {@code shown}: the events on this page (a 10,000-event timeline must not put all of them in every head).
     * Their items carry no description: the page shows each event's text right below, and each item's
     * url leads to the event's page, whose head describes it; repeating every text here would cost the
     * page an eighth of its weight.
     */
    static PageMeta timeline(TimelineSnapshot t, List<EventView> shown, int firstPosition, String base, String siteName) {
        String url = base + Links.timelinePath(t.slug());
        List<Map<String, Object>> items = new ArrayList<>();
        int position = firstPosition;
        for (EventView e : shown) {
            items.add(Map.of("@type", "ListItem", "position", position++, "item", event(t, e, base, false)));
        }
        Map<String, Object> page = webPage(t.title(), t.summary(), url, t, siteName);
        page.put("mainEntity", Map.of("@type", "ItemList", "name", t.title(), "itemListOrder",
                "https://schema.org/ItemListOrderAscending", "numberOfItems", t.events().size(), "itemListElement", items));
        return new PageMeta(t.title(), description(t.summary(), t.title()), url, "website", json(page), alternates(t, url, base),
                ShareCards.timeline(t, base));
    }

    static PageMeta event(TimelineSnapshot t, EventView e, String base, String siteName) {
        String url = base + Links.eventPath(t.slug(), e.id());
        Map<String, Object> page = webPage(e.headline(), e.bodyText(), url, t, siteName);
        page.put("mainEntity", event(t, e, base, true));
        page.put("isPartOf", Map.of("@type", "WebPage", "name", t.title(), "url", base + Links.timelinePath(t.slug())));
        return new PageMeta(e.headline() + " \u2014 " + t.title(), description(e.displayDate().text() + ": " + e.bodyText(), e.headline()),
                url, "article", json(page), alternates(t, url, base), ShareCards.event(t, e, base));
    }

    private static Map<String, Object> webPage(String name, String description, String url, TimelineSnapshot t, String siteName) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "WebPage");
        page.put("name", name);
        page.put("description", description(description, name));
        page.put("url", url);
        page.put("dateModified", t.updatedIso());
        page.put("publisher", Map.of("@type", "Organization", "name", siteName));
        return page;
    }

    private static Map<String, Object> event(TimelineSnapshot t, EventView e, String base, boolean described) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("@type", "Event");
        event.put("name", e.headline());
        event.put("startDate", e.displayDate().startIso());
        if (e.displayDate().endIso() != null) {
            event.put("endDate", e.displayDate().endIso());
        }
        if (described) {
            event.put("description", description(e.bodyText(), e.headline()));
        }
        event.put("url", base + Links.eventPath(t.slug(), e.id()));
        List<Map<String, Object>> sources = new ArrayList<>();
        e.sources().stream().filter(s -> s.url() != null).forEach(s -> sources.add(Map.of("@type", "CreativeWork",
                "name", s.title(), "url", s.url(), "publisher", Map.of("@type", "Organization", "name", s.publisher()))));
        if (!sources.isEmpty()) {
            event.put("subjectOf", sources);
        }
        return event;
    }

    private static List<PageMeta.Alternate> alternates(TimelineSnapshot t, String pageUrl, String base) {
        String enc = URLEncoder.encode(pageUrl, StandardCharsets.UTF_8);
        return List.of(
                new PageMeta.Alternate("application/json+oembed", base + "/oembed?url=" + enc + "&format=json", t.title()),
                new PageMeta.Alternate("application/atom+xml", base + Links.timelinePath(t.slug()) + "/feed.atom", t.title() + " (Atom)"),
                new PageMeta.Alternate("application/json", base + Links.apiTimelinePath(t.slug()), t.title() + " (JSON)"));
    }

    /** At most 300 characters of plain text, cut at a word. */
    static String description(String text, String fallback) {
        String s = text == null || text.isBlank() ? fallback : text.replaceAll("\\s+", " ").strip();
        if (s.length() <= 300) {
            return s;
        }
        int cut = s.lastIndexOf(' ', 297);
        return s.substring(0, cut > 200 ? cut : 297) + "\u2026";
    }

    /** JSON that can sit inside a script element: no "<" can close it. */
    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
