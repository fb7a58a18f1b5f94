package org.tradeline.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * An editor's browser session against one or more instances: keeps the cookies and the CSRF token
 * of the forms it was served, and takes them to whichever instance it calls next (as a browser
 * behind a load balancer would).
 */
final class EditorSession {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    static EditorSession signIn(AppProcess app) {
        return signIn(app.base());
    }

    /** Signs in at {@code base}: an instance, or a load balancer in front of several. */
    static EditorSession signIn(String base) {
        EditorSession s = new EditorSession();
        s.get(base, "/login");
        HttpResponse<String> r = s.post(base, "/login", Map.of("username", AppProcess.ADMIN,
                "password", AppProcess.ADMIN_PASSWORD, "next", "/editor"));
        if (r.statusCode() != 303) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.body());
        }
        return s;
    }

    private HttpResponse<String> send(String base, String path, HttpRequest.Builder b) {
        b.uri(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> r;
        try {
            r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (String setCookie : r.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('=')).strip();
            String value = pair.substring(pair.indexOf('=') + 1).strip();
            if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            String token = Jsoup.parse(r.body()).select("input[name=_csrf]").attr("value");
            if (!token.isEmpty()) {
                csrf = token;
            }
        }
        return r;
    }

    HttpResponse<String> get(AppProcess app, String path) {
        return get(app.base(), path);
    }

    HttpResponse<String> get(String base, String path) {
        return send(base, path, HttpRequest.newBuilder().GET());
    }

    HttpResponse<String> post(AppProcess app, String path, Map<String, ?> fields) {
        return post(app.base(), path, fields);
    }

    /** Posts a form with this session's CSRF token, as the page's form would. */
    HttpResponse<String> post(String base, String path, Map<String, ?> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", csrf == null ? "" : csrf);
        String form = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(base, path, HttpRequest.newBuilder()
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }
}
