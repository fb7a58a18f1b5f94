package org.tradeline.production;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * An editor's browser session against one or more instances: keeps the cookies and the CSRF token
 * of the forms it was served, and can take them to another instance (as a load balancer would).
 */
final class EditorSession {

    private final Map<String, String> cookies = new HashMap<>();
    private String csrf;

    static EditorSession signIn(AppProcess app) {
        EditorSession s = new EditorSession();
        s.get(app, "/login");
        Response r = s.post(app, "/login", Map.of("username", AppProcess.ADMIN, "password", AppProcess.ADMIN_PASSWORD,
                "next", "/editor"));
        if (r.statusCode() != 303) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.asString());
        }
        return s;
    }

    private RequestSpecification spec(AppProcess app) {
        return given().baseUri(app.base()).redirects().follow(false).cookies(cookies);
    }

    private Response keep(Response r) {
        r.getDetailedCookies().asList().forEach(c -> {
            if (c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        if (r.getContentType() != null && r.getContentType().startsWith("text/html")) {
            String token = Jsoup.parse(r.asString()).select("input[name=_csrf]").attr("value");
            if (!token.isEmpty()) {
                csrf = token;
            }
        }
        return r;
    }

    Response get(AppProcess app, String path) {
        return keep(spec(app).get(path));
    }

    Response post(AppProcess app, String path, Map<String, ?> fields) {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", csrf == null ? "" : csrf);
        return keep(spec(app).contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(all).post(path));
    }

    Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }
}
