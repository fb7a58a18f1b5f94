package org.tradeline.editor;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;
import org.tradeline.account.Csrf;
import org.tradeline.account.Role;
import org.tradeline.account.TradelineAuthentication;

/** Who is signed in on this request, and what every editor page needs (name, role, CSRF token). */
@RequestScoped
public class EditorContext {

    private final SecurityIdentity identity;
    private final RoutingContext routing;
    private final Csrf csrf;

    EditorContext(SecurityIdentity identity, RoutingContext routing, Csrf csrf) {
        this.identity = identity;
        this.routing = routing;
        this.csrf = csrf;
    }

    public String username() {
        return identity.getPrincipal().getName();
    }

    public long accountId() {
        Long id = identity.getAttribute(TradelineAuthentication.ACCOUNT_ID);
        return id;
    }

    public boolean isAdmin() {
        return identity.hasRole(Role.ADMIN_ROLE);
    }

    public String csrfToken() {
        return csrf.token(routing);
    }

    /** Variables for an editor page. */
    public Map<String, Object> page(String done) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("user", username());
        vars.put("isAdmin", isAdmin());
        vars.put("csrf", csrfToken());
        vars.put("flash", Flash.message(done));
        vars.put("errors", Forms.noErrors());
        vars.put("errorLinks", java.util.List.of());
        return vars;
    }
}
