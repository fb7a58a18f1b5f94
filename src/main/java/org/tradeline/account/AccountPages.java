package org.tradeline.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.tradeline.editor.EditorContext;
import org.tradeline.web.NotFound;
import org.tradeline.web.Templates;

/** An editor's own account (password, API tokens) and, for admins, everyone's accounts. */
@Path("/editor")
@RolesAllowed(Role.EDITOR_ROLE)
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
class AccountPages {

    private final AccountService accounts;
    private final EditorContext context;
    private final Templates templates;
    private final LoginPages login;

    AccountPages(AccountService accounts, EditorContext context, Templates templates, LoginPages login) {
        this.accounts = accounts;
        this.context = context;
        this.templates = templates;
        this.login = login;
    }

    @GET
    @Path("account")
    public String account(@RestQuery String done) {
        return accountPage(done, new LinkedHashMap<>(), null);
    }

    @POST
    @Path("account/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@RestForm String currentPassword, @RestForm String newPassword,
            @RestForm String confirmPassword, RoutingContext routing) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!(accounts.signIn(context.username(), currentPassword == null ? "" : currentPassword)
                instanceof AccountService.SignIn.Success)) {
            errors.put("currentPassword", "This is not your current password.");
        }
        String problem = Passwords.problem(newPassword);
        if (problem != null) {
            errors.put("newPassword", problem);
        } else if (!newPassword.equals(confirmPassword)) {
            errors.put("confirmPassword", "The two new passwords are not the same.");
        }
        if (!errors.isEmpty()) {
            return Response.status(422).entity(accountPage(null, errors, null)).build();
        }
        Account a = accounts.changePassword(context.accountId(), newPassword);
        return Response.seeOther(URI.create("/editor/account?done=password-changed"))
                .cookie(login.sessionCookie(accounts.sessionCookie(a), routing)).build();
    }

    @POST
    @Path("account/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@RestForm String name) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            errors.put("name", "Name the token after where it will be used, e.g. \u201cnewsroom CMS\u201d.");
        } else if (name.strip().length() > 80) {
            errors.put("name", "Keep the name to 80 characters.");
        } else if (org.tradeline.event.Limits.badCharacter(name) != null) {
            errors.put("name", org.tradeline.event.Limits.badCharacter(name));
        }
        if (!errors.isEmpty()) {
            return Response.status(422).entity(accountPage(null, errors, null)).build();
        }
        String token = accounts.createToken(context.accountId(), name);
        // Shown once, on this response only; it is never stored in clear.
        return Response.ok(accountPage("token-created", new LinkedHashMap<>(), token)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("account/tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@RestPath long id) {
        if (!accounts.revokeToken(context.accountId(), id)) {
            throw new NotFound("You have no active token with that number.");
        }
        return Response.seeOther(URI.create("/editor/account?done=token-revoked")).build();
    }

    private String accountPage(String done, Map<String, String> errors, String newToken) {
        Map<String, Object> vars = context.page(done);
        vars.put("tokens", accounts.tokens(context.accountId()));
        vars.put("errors", errors);
        vars.put("newToken", newToken);
        return templates.render("account/account", vars);
    }

    // --- admin ------------------------------------------------------------------------

    @GET
    @Path("users")
    @RolesAllowed(Role.ADMIN_ROLE)
    public String users(@RestQuery String done) {
        return usersPage(done, new LinkedHashMap<>(), null, null, null);
    }

    @POST
    @Path("users")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createUser(@RestForm String username, @RestForm String role) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!AccountService.USERNAME.matcher(name).matches()) {
            errors.put("username", "Use 2 to 60 lower-case letters, digits, dots, hyphens or underscores.");
        } else if (Account.findByUsername(name).isPresent()) {
            errors.put("username", "There is already an account called \u201c" + name + "\u201d.");
        }
        Role r = org.tradeline.config.Coded.byCode(Role.class, role == null ? "" : role).orElse(null);
        if (r == null) {
            errors.put("role", "Choose editor or admin.");
        }
        if (!errors.isEmpty()) {
            return Response.status(422).entity(usersPage(null, errors, username, null, null)).build();
        }
        String password = Passwords.random(12);
        accounts.create(name, password, r);
        return Response.ok(usersPage("account-created", new LinkedHashMap<>(), null, name, password))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("users/{id}/disable")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@RestPath long id) {
        if (id == context.accountId()) {
            return Response.status(422).entity(usersPage(null, Map.of("account", "You cannot disable your own account."),
                    null, null, null)).build();
        }
        accounts.setEnabled(requireAccount(id), false);
        return Response.seeOther(URI.create("/editor/users?done=account-disabled")).build();
    }

    @POST
    @Path("users/{id}/enable")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@RestPath long id) {
        accounts.setEnabled(requireAccount(id), true);
        return Response.seeOther(URI.create("/editor/users?done=account-enabled")).build();
    }

    @POST
    @Path("users/{id}/reset")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@RestPath long id) {
        long accountId = requireAccount(id);
        String password = accounts.resetPassword(accountId);
        String name = accounts.accounts().stream().filter(a -> a.id == accountId).findFirst().map(a -> a.username).orElse("");
        return Response.ok(usersPage(null, new LinkedHashMap<>(), null, name, password)).header("Cache-Control", "no-store").build();
    }

    private long requireAccount(long id) {
        if (accounts.accounts().stream().noneMatch(a -> a.id == id)) {
            throw new NotFound("There is no account with that number.");
        }
        return id;
    }

    private String usersPage(String done, Map<String, String> errors, String typedName, String passwordFor, String password) {
        Map<String, Object> vars = context.page(done);
        vars.put("accounts", accounts.accounts());
        vars.put("errors", errors);
        vars.put("typedName", typedName);
        vars.put("passwordFor", passwordFor);
        vars.put("newPassword", password);
        vars.put("me", context.accountId());
        return templates.render("account/users", vars);
    }
}
