package org.tradeline.account;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.tradeline.config.TradelineConfig;

/** Accounts, sign-in, sessions and API tokens. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");
    static final String TOKEN_PREFIX = "tl_";

    private final TradelineConfig config;
    private final Secrets secrets;
    private final LoginThrottle throttle;

    AccountService(TradelineConfig config, Secrets secrets, LoginThrottle throttle) {
        this.config = config;
        this.secrets = secrets;
        this.throttle = throttle;
    }

    /** The outcome of a sign-in attempt. */
    public sealed interface SignIn {
        record Success(Account account) implements SignIn {
        }

        record WrongCredentials() implements SignIn {
        }

        record Throttled(long seconds) implements SignIn {
        }
    }

    /** Creates the first admin when there is no account at all. */
    void bootstrap(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Account.count() > 0) {
                return;
            }
            String username = config.admin().username().strip().toLowerCase(Locale.ROOT);
            Optional<String> given = config.admin().password().filter(p -> !p.isBlank());
            String password = given.orElseGet(() -> Passwords.random(15));
            create(username, password, Role.ADMIN);
            if (given.isPresent()) {
                LOG.infof("Created the admin account \"%s\" with the configured password", username);
            } else {
                LOG.warnf("Created the admin account \"%s\" with the generated password %s (shown only this once: "
                        + "sign in and change it, or set TRADELINE_ADMIN_PASSWORD before the first start)", username, password);
            }
        });
    }

    /** Checks a username and password, slowing down repeated failures for one username. */
    @Transactional
    public SignIn signIn(String username, String password) {
        long wait = throttle.secondsToWait(username);
        if (wait > 0) {
            return new SignIn.Throttled(wait);
        }
        Optional<Account> account = Account.findByUsername(username);
        if (account.isEmpty()) {
            Passwords.burn(password);
            throttle.failed(username);
            return new SignIn.WrongCredentials();
        }
        Account a = account.get();
        if (!Passwords.matches(password, a.passwordHash) || !a.enabled) {
            throttle.failed(username);
            return new SignIn.WrongCredentials();
        }
        throttle.succeeded(username);
        return new SignIn.Success(a);
    }

    /** The value of the session cookie for a signed-in account. */
    public String sessionCookie(Account a) {
        return secrets.seal("s1|" + a.id + "|" + a.sessionVersion + "|" + Instant.now().getEpochSecond());
    }

    /**
     * The account of a valid session cookie: not forged, not expired, not ended by a password change.
     * Read without a transaction of its own (one statement, not three): it runs before every signed-in request.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @ActivateRequestContext
    public Optional<Account> fromSession(String cookie) {
        String plain = secrets.open(cookie);
        if (plain == null) {
            return Optional.empty();
        }
        String[] parts = plain.split("\\|");
        if (parts.length != 4 || !"s1".equals(parts[0])) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(parts[1]);
            int sessionVersion = Integer.parseInt(parts[2]);
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[3]));
            if (Duration.between(issued, Instant.now()).compareTo(config.session().maxAge()) > 0) {
                return Optional.empty();
            }
            return Account.<Account>findByIdOptional(id)
                    .filter(a -> a.enabled && a.sessionVersion == sessionVersion);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The account of an active API token. Read without a transaction of its own, as {@link #fromSession}
     * is; when it was last used is written (in a transaction) at most once a minute.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @ActivateRequestContext
    public Optional<Account> fromToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        // The account in the same statement: a write authenticated by token costs one query for it, not two.
        Optional<ApiToken> found = ApiToken.find("from ApiToken t join fetch t.account where t.tokenHash = ?1", sha256(token))
                .firstResultOptional();
        return found.filter(ApiToken::isActive).map(t -> {
            Instant now = Instant.now();
            if (t.lastUsedAt == null || Duration.between(t.lastUsedAt, now).toMinutes() >= 1) {
                QuarkusTransaction.requiringNew().run(() -> ApiToken.update("lastUsedAt = ?1 where id = ?2", now, t.id));
            }
            return t.account;
        }).filter(a -> a.enabled);
    }

    @Transactional
    public Account create(String username, String password, Role role) {
        Account a = new Account();
        a.username = username.strip().toLowerCase(Locale.ROOT);
        a.passwordHash = Passwords.hash(password);
        a.role = role;
        a.enabled = true;
        a.sessionVersion = 0;
        a.createdAt = Instant.now();
        a.persist();
        return a;
    }

    @Transactional
    public void setEnabled(long accountId, boolean enabled) {
        Account a = Account.findById(accountId);
        a.enabled = enabled;
        a.sessionVersion++;
    }

    /** Gives the account a new random password (shown once to the admin) and ends its sessions. */
    @Transactional
    public String resetPassword(long accountId) {
        Account a = Account.findById(accountId);
        String password = Passwords.random(12);
        a.passwordHash = Passwords.hash(password);
        a.sessionVersion++;
        return password;
    }

    /** Changes the account's own password; other sessions end, this one gets a fresh cookie. */
    @Transactional
    public Account changePassword(long accountId, String newPassword) {
        Account a = Account.findById(accountId);
        a.passwordHash = Passwords.hash(newPassword);
        a.sessionVersion++;
        return a;
    }

    /** Creates a token and returns it in clear: the only time anyone sees it. */
    @Transactional
    public String createToken(long accountId, String name) {
        String token = TOKEN_PREFIX + Passwords.random(32);
        ApiToken t = new ApiToken();
        t.account = Account.findById(accountId);
        t.name = name.strip();
        t.tokenHash = sha256(token);
        t.prefix = token.substring(0, 10);
        t.createdAt = Instant.now();
        t.persist();
        return token;
    }

    /** Revokes one of the account's own tokens; false when it has no such token. */
    @Transactional
    public boolean revokeToken(long accountId, long tokenId) {
        ApiToken t = ApiToken.findById(tokenId);
        if (t == null || !t.account.id.equals(accountId) || !t.isActive()) {
            return false;
        }
        t.revokedAt = Instant.now();
        return true;
    }

    @Transactional
    public List<ApiToken> tokens(long accountId) {
        return ApiToken.list("account.id = ?1 order by createdAt desc", accountId);
    }

    @Transactional
    public List<Account> accounts() {
        return Account.listAll(io.quarkus.panache.common.Sort.by("username"));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
