package org.tradeline.account;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.tradeline.web.ErrorResponses;
import org.tradeline.config.TradelineConfig;

/**
 * CSRF protection by signed double-submit: the {@value #COOKIE} cookie holds a random value and
 * its HMAC; every form POST must carry the same value in {@value #FIELD}, and a browser JSON write
 * authenticated by the session cookie must carry it in {@value #HEADER}. Another site can neither
 * read the cookie nor forge a signed value, and another session's token does not match.
 * Writes with Basic or Bearer credentials carry no ambient authority and need no token.
 */
@ApplicationScoped
public class Csrf {

    public static final String COOKIE = "tl_csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final String NEW_TOKEN = "tradeline.csrf.new";
    private static final String TOKEN = "tradeline.csrf.token";

    private final Secrets secrets;
    private final ErrorResponses errors;
    private final TradelineConfig config;

    Csrf(Secrets secrets, ErrorResponses errors, TradelineConfig config) {
        this.secrets = secrets;
        this.errors = errors;
        this.config = config;
    }

    /** The token for forms on this response (the cookie's, or a new one that the response will set). */
    public String token(RoutingContext routing) {
        String current = routing.get(TOKEN);
        if (current != null) {
            return current;
        }
        Cookie cookie = routing.request().getCookie(COOKIE);
        String token = cookie != null && isValid(cookie.getValue()) ? cookie.getValue() : null;
        if (token == null) {
            String random = Passwords.random(32);
            token = random + "." + secrets.sign(random);
            routing.put(NEW_TOKEN, Boolean.TRUE);
        }
        routing.put(TOKEN, token);
        return token;
    }

    private boolean isValid(String token) {
        if (token == null || token.length() > 200) {
            return false;
        }
        int dot = token.indexOf('.');
        return dot > 0 && Secrets.constantTimeEquals(secrets.sign(token.substring(0, dot)), token.substring(dot + 1));
    }

    @ServerRequestFilter
    @WithFormRead
    public Response verify(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return null;
        }
        String path = routing.normalizedPath();
        Cookie cookie = routing.request().getCookie(COOKIE);
        String cookieToken = cookie == null ? null : cookie.getValue();
        if (ErrorResponses.isApiPath(path)) {
            boolean ambient = request.getHeaderString("Authorization") == null
                    && routing.request().getCookie(TradelineAuthentication.SESSION_COOKIE) != null;
            if (!ambient || matches(cookieToken, request.getHeaderString(HEADER))) {
                return null;
            }
            return reject(path, "A write with the session cookie needs the " + HEADER + " header.");
        }
        MediaType type = request.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) && !type.isWildcardType();
        if (!form) {
            return reject(path, "Forms must be sent as application/x-www-form-urlencoded or multipart/form-data.");
        }
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        Object field = context.getFormParameter(FIELD, true, false);
        if (matches(cookieToken, field instanceof String s ? s : null)) {
            return null;
        }
        return reject(path, "This form has expired or did not come from this site. Go back, reload the page and try again.");
    }

    private boolean matches(String cookieToken, String sent) {
        return isValid(cookieToken) && Secrets.constantTimeEquals(cookieToken, sent);
    }

    private Response reject(String path, String message) {
        return errors.respond(path, 403, message, null, null);
    }

    @ServerResponseFilter
    public void setCookie(ContainerResponseContext response, RoutingContext routing) {
        if (Boolean.TRUE.equals(routing.get(NEW_TOKEN))) {
            Cookie c = Cookie.cookie(COOKIE, routing.get(TOKEN));
            c.setPath("/");
            c.setHttpOnly(true);
            c.setSameSite(CookieSameSite.STRICT);
            c.setSecure(config.session().secureCookies() || routing.request().isSSL());
            routing.response().addCookie(c);
        }
    }
}
