package org.tradeline.web;

import org.tradeline.config.TradelineConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

/** Builds absolute URLs from the configured base URL, or from the request when none is set. */
@ApplicationScoped
public class Links {

    private final TradelineConfig config;

    Links(TradelineConfig config) {
        this.config = config;
    }

    /** The site's base URL without a trailing slash, e.g. {@code https://timelines.example.org}. */
    public String base(UriInfo uri) {
        String base = config.site().baseUrl().orElseGet(() -> uri.getBaseUri().toString());
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static String timelinePath(String slug) {
        return "/timelines/" + slug;
    }

    public static String eventPath(String slug, String eventId) {
        return "/timelines/" + slug + "/events/" + eventId;
    }

    public static String apiTimelinePath(String slug) {
        return "/api/timelines/" + slug;
    }
}
