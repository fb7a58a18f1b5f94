package org.tradeline.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.tradeline.web.ErrorResponses;

/**
 * How a request proves who sent it: a session cookie (editors in a browser), HTTP Basic with an
 * editor's credentials, or a personal API token ({@code Authorization: Bearer tl_…}).
 * Unauthenticated requests for the editor area are sent to /login; API requests get 401.
 */
@ApplicationScoped
public class TradelineAuthentication implements HttpAuthenticationMechanism {

    public static final String SESSION_COOKIE = "tl_session";
    public static final String ACCOUNT_ID = "accountId";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext ctx, IdentityProviderManager identities) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null) {
            if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                String[] userPass = basic(authorization.substring(6).strip());
                if (userPass == null) {
                    return Uni.createFrom().failure(new AuthenticationFailedException("malformed Basic credentials"));
                }
                return identities.authenticate(new UsernamePasswordAuthenticationRequest(userPass[0],
                        new PasswordCredential(userPass[1].toCharArray())));
            }
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return identities.authenticate(new TokenRequest(authorization.substring(7).strip()));
            }
            return Uni.createFrom().failure(new AuthenticationFailedException("unsupported Authorization scheme"));
        }
        Cookie session = ctx.request().getCookie(SESSION_COOKIE);
        if (session != null) {
            // A stale or forged cookie makes the request anonymous (and the editor area asks to sign in);
            // a database that cannot be asked is not a reason to sign anyone out: that failure goes on (a 503).
            return identities.authenticate(new SessionRequest(session.getValue()))
                    .onFailure(AuthenticationFailedException.class).recoverWithNull();
        }
        return Uni.createFrom().nullItem();
    }

    private static String[] basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 1 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (ErrorResponses.isApiPath(path)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"Tradeline\", charset=\"UTF-8\""));
        }
        String next = "GET".equals(ctx.request().method().name()) ? ctx.request().uri() : "/editor";
        return Uni.createFrom().item(new ChallengeData(302, "Location",
                "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(UsernamePasswordAuthenticationRequest.class, TokenRequest.class, SessionRequest.class);
    }

    static SecurityIdentity identity(Account a) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(a.username))
                .addRole(Role.EDITOR_ROLE)
                .addAttribute(ACCOUNT_ID, a.id);
        if (a.isAdmin()) {
            b.addRole(Role.ADMIN_ROLE);
        }
        return b.build();
    }

    /** A session cookie to check. */
    public static final class SessionRequest extends BaseAuthenticationRequest {
        final String cookie;

        SessionRequest(String cookie) {
            this.cookie = cookie;
        }
    }

    /** A personal API token to check. */
    public static final class TokenRequest extends BaseAuthenticationRequest {
        final String token;

        TokenRequest(String token) {
            this.token = token;
        }
    }

    private static Uni<SecurityIdentity> blocking(AuthenticationRequestContext context,
            java.util.function.Supplier<Optional<Account>> lookup) {
        return context.runBlocking(() -> lookup.get().map(TradelineAuthentication::identity)
                .orElseThrow(() -> new AuthenticationFailedException("not authenticated")));
    }

    @ApplicationScoped
    static class Sessions implements IdentityProvider<SessionRequest> {
        private final AccountService accounts;

        Sessions(AccountService accounts) {
            this.accounts = accounts;
        }

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            return blocking(context, () -> accounts.fromSession(request.cookie));
        }
    }

    @ApplicationScoped
    static class Tokens implements IdentityProvider<TokenRequest> {
        private final AccountService accounts;

        Tokens(AccountService accounts) {
            this.accounts = accounts;
        }

        @Override
        public Class<TokenRequest> getRequestType() {
            return TokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenRequest request, AuthenticationRequestContext context) {
            return blocking(context, () -> accounts.fromToken(request.token));
        }
    }

    @ApplicationScoped
    static class BasicCredentials implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
        private final AccountService accounts;

        BasicCredentials(AccountService accounts) {
            this.accounts = accounts;
        }

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                AuthenticationRequestContext context) {
            return blocking(context, () -> accounts.signIn(request.getUsername(),
                    new String(request.getPassword().getPassword())) instanceof AccountService.SignIn.Success s
                            ? Optional.of(s.account()) : Optional.empty());
        }
    }
}
