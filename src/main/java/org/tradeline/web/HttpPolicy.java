package org.tradeline.web;

import org.tradeline.cache.PublicCache;
import org.tradeline.config.TradelineConfig;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Headers every answer gets, in one place, before any route runs:
 * <ul>
 * <li>CORS for public reads only: {@code Access-Control-Allow-Origin: *} on GET/HEAD of the JSON
 * API, feeds and exports, and preflights answered for those; never on writes or the editor area;</li>
 * <li>security headers: a Content-Security-Policy without inline scripts, nosniff, a referrer
 * policy, a permissions policy; framing refused everywhere except the embed routes;</li>
 * <li>{@code Cache-Control: no-store} on the editor area and sign-in pages; a signed-in editor's
 * public pages are {@code private, no-cache}, so what they just published shows at once (always
 * revalidated by ETag) while readers and CDNs keep the shared caching;</li>
 * <li>{@code Strict-Transport-Security} when {@code tradeline.http.hsts=true} (the site is HTTPS only);</li>
 * <li>{@code Cache-Control: no-store} on {@code /q/*} (health, metrics): never kept by a CDN;</li>
 * <li>the OpenAPI document ({@code /openapi}) is a public read: CORS and the public answers' Cache-Control.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpPolicy {

    /** Public, read-only resources other sites may fetch from a browser. */
    static final Pattern CORS_READS = Pattern.compile(
            "/api/timelines(/[^/]+(/events(/[^/]+)?|/timelinejs)?)?|/timelines/[^/]+(\\.yaml|/feed\\.atom|/calendar\\.ics|/events\\.csv)|/oembed"
                    + "|/openapi");
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors ";
    /** One year, this host only: a newsroom's other subdomains may not all be on HTTPS. */
    static final String HSTS = "max-age=31536000";

    private final boolean hsts;

    HttpPolicy(TradelineConfig config) {
        this.hsts = config.http().hsts();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    // Names and values encoded once (Netty AsciiString), not on every answer.
    private static final CharSequence NOSNIFF_NAME = io.vertx.core.http.HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = io.vertx.core.http.HttpHeaders.createOptimized("nosniff");
    private static final CharSequence REFERRER_NAME = io.vertx.core.http.HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence REFERRER = io.vertx.core.http.HttpHeaders.createOptimized("strict-origin-when-cross-origin");
    private static final CharSequence PERMISSIONS_NAME = io.vertx.core.http.HttpHeaders.createOptimized("Permissions-Policy");
    private static final CharSequence PERMISSIONS = io.vertx.core.http.HttpHeaders
            .createOptimized("camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    private static final CharSequence CSP_NAME = io.vertx.core.http.HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence CSP_EMBED = io.vertx.core.http.HttpHeaders.createOptimized(CSP + "*");
    private static final CharSequence CSP_PAGE = io.vertx.core.http.HttpHeaders.createOptimized(CSP + "'none'");
    private static final CharSequence FRAME_NAME = io.vertx.core.http.HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence DENY = io.vertx.core.http.HttpHeaders.createOptimized("DENY");
    private static final CharSequence ORIGIN_NAME = io.vertx.core.http.HttpHeaders.createOptimized("Access-Control-Allow-Origin");
    private static final CharSequence ANY = io.vertx.core.http.HttpHeaders.createOptimized("*");
    private static final CharSequence EXPOSE_NAME = io.vertx.core.http.HttpHeaders.createOptimized("Access-Control-Expose-Headers");
    private static final CharSequence EXPOSE = io.vertx.core.http.HttpHeaders.createOptimized("ETag, Last-Modified, Link");

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.headers().getAll("Host").size() > 1) { // RFC 9112, 3.2: a request with two Hosts is a 400
            ctx.response().setStatusCode(400).putHeader("Content-Type", "text/html;charset=UTF-8")
                    .end("<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>Bad request</title>"
                            + "<h1>Bad request</h1><p>The request had more than one Host header.</p></html>\n");
            return;
        }
        String path = ctx.normalizedPath();
        boolean corsRead = CORS_READS.matcher(path).matches();
        if (request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null) {
            preflight(ctx, corsRead);
            return;
        }
        boolean embed = path.startsWith("/embed/") || path.equals("/embed.js");
        boolean editor = path.equals("/editor") || path.startsWith("/editor/") || path.equals("/login")
                || path.equals("/logout");
        boolean operations = path.startsWith("/q/");
        boolean openapi = path.equals("/openapi");
        boolean safeMethod = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        boolean signedIn = request.getCookie("tl_session") != null;
        ctx.addHeadersEndHandler(v -> {
            MultiMap h = ctx.response().headers();
            h.set(NOSNIFF_NAME, NOSNIFF);
            h.set(REFERRER_NAME, REFERRER);
            h.set(PERMISSIONS_NAME, PERMISSIONS);
            h.set(CSP_NAME, embed ? CSP_EMBED : CSP_PAGE);
            if (!embed) {
                h.set(FRAME_NAME, DENY);
            }
            if (corsRead && safeMethod) {
                h.set(ORIGIN_NAME, ANY);
                h.set(EXPOSE_NAME, EXPOSE);
            }
            if (hsts) {
                h.set("Strict-Transport-Security", HSTS);
            }
            if (openapi) { // SmallRye's handler sends neither; the document is YAML or JSON by Accept
                h.set("Cache-Control", PublicCache.CACHE_CONTROL);
                h.set("Vary", "Accept");
            }
            if (editor || operations) {
                h.set("Cache-Control", "no-store");
            } else if (signedIn && h.contains("Cache-Control")) {
                h.set("Cache-Control", "private, no-cache");
            }
        });
        ctx.next();
    }

    private static void preflight(RoutingContext ctx, boolean corsRead) {
        String method = ctx.request().getHeader("Access-Control-Request-Method");
        boolean allowed = corsRead && ("GET".equals(method) || "HEAD".equals(method));
        var response = ctx.response().setStatusCode(allowed ? 204 : 403);
        response.putHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        if (allowed) {
            response.putHeader("Access-Control-Allow-Origin", "*")
                    .putHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
                    .putHeader("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since, Accept")
                    .putHeader("Access-Control-Max-Age", "86400");
        }
        response.end();
    }
}
