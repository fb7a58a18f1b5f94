package org.tradeline.account;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * A signed-in editor as REST Assured sees it: keeps the cookies like a browser and reads the CSRF
 * token from the forms it is served, so tests post forms exactly as a browser would.
 */
public final class Browserless {

    private final Map<String, String> cookies = new HashMap<>();
    private String csrf;

    private Browserless() {
    }

    public static Browserless signIn(String username, String password) {
        Browserless b = new Browserless();
        b.get("/login");
        Response r = b.post("/login", Map.of("username", username, "password", password, "next", "/editor"));
        if (r.statusCode() != 303) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + r.statusCode());
        }
        return b;
    }

    public static Browserless anonymous() {
        return new Browserless();
    }

    public RequestSpecification spec() {
        return given().redirects().follow(false).cookies(cookies);
    }

    private Response keep(Response r) {
        r.getDetailedCookies().asList().forEach(c -> {
            if (c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        String html = r.getContentType() != null && r.getContentType().startsWith("text/html") ? r.asString() : null;
        if (html != null) {
            String token = Jsoup.parse(html).select("input[name=_csrf]").attr("value");
            if (!token.isEmpty()) {
                csrf = token;
            }
        }
        return r;
    }

    public Response get(String path) {
        return keep(spec().get(path));
    }

    /** Posts a form with this session's CSRF token (as the page's form would). */
    public Response post(String path, Map<String, ?> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", csrf == null ? "" : csrf);
        return keep(spec().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(all).post(path));
    }

    /** Posts a form exactly as given: no CSRF token added. */
    public Response postRaw(String path, Map<String, ?> fields) {
        return keep(spec().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(fields).post(path));
    }

    public String csrf() {
        return csrf;
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public Map<String, String> cookies() {
        return cookies;
    }
}
