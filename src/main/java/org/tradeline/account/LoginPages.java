package org.tradeline.account;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.tradeline.editor.Flash;
import org.tradeline.web.Templates;
import org.tradeline.config.TradelineConfig;

/** Sign-in and sign-out. The session is an encrypted cookie, so it survives restarts and works on every instance. */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
class LoginPages {

    private final AccountService accounts;
    private final Templates templates;
    private final Csrf csrf;
    private final TradelineConfig config;

    LoginPages(AccountService accounts, Templates templates, Csrf csrf, TradelineConfig config) {
        this.accounts = accounts;
        this.templates = templates;
        this.csrf = csrf;
        this.config = config;
    }

    @GET
    @Path("login")
    public String form(@RestQuery String next, @RestQuery String done, RoutingContext routing) {
        return page(routing, next, null, null, Flash.message(done));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String username, @RestForm String password, @RestForm String next,
            RoutingContext routing) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return Response.status(400).entity(page(routing, next, username, "Enter your username and password.", null)).build();
        }
        AccountService.SignIn result = accounts.signIn(username, password.length() > 1000 ? "" : password);
        if (result instanceof AccountService.SignIn.Success success) {
            return Response.seeOther(URI.create(safeNext(next)))
                    .cookie(sessionCookie(accounts.sessionCookie(success.account()), routing)).build();
        }
        if (result instanceof AccountService.SignIn.Throttled throttled) {
            return Response.status(429).header("Retry-After", throttled.seconds())
                    .entity(page(routing, next, username, "Too many failed sign-ins for this account. Wait "
                            + throttled.seconds() + " seconds, then try again.", null)).build();
        }
        return Response.status(401).entity(page(routing, next, username,
                "The username or password is not right. Check both and try again.", null)).build();
    }

    @POST
    @Path("logout")
    public Response signOut(RoutingContext routing) {
        NewCookie gone = new NewCookie.Builder(TradelineAuthentication.SESSION_COOKIE).value("").path("/").maxAge(0)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).secure(secure(routing)).build();
        return Response.seeOther(URI.create("/login?done=signed-out")).cookie(gone).build();
    }

    NewCookie sessionCookie(String value, RoutingContext routing) {
        return new NewCookie.Builder(TradelineAuthentication.SESSION_COOKIE).value(value).path("/")
                .maxAge((int) config.session().maxAge().toSeconds())
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).secure(secure(routing)).build();
    }

    private boolean secure(RoutingContext routing) {
        return config.session().secureCookies() || routing.request().isSSL();
    }

    /** Only our own editor pages: never an absolute or protocol-relative URL (no open redirect). */
    static String safeNext(String next) {
        if (next != null && next.startsWith("/editor") && !next.startsWith("//") && !next.contains("\\")
                && !next.contains("\r") && !next.contains("\n") && next.length() < 500) {
            return next;
        }
        return "/editor";
    }

    private String page(RoutingContext routing, String next, String username, String error, String flash) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("csrf", csrf.token(routing));
        vars.put("next", safeNext(next));
        vars.put("username", username);
        vars.put("error", error);
        vars.put("flash", flash);
        return templates.render("account/login", vars);
    }
}
