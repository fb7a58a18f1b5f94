package org.tradeline.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;

/** bcrypt hashing and checking of passwords, and random secrets. */
public final class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A valid hash of a random password, checked when the username is unknown, so timing tells nothing. */
    private static final String DUMMY_HASH = hash(random(16));

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password, 12);
    }

    public static boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, WildFlyElytronPasswordProvider.getInstance());
            Password stored = factory.translate(ModularCrypt.decode(hash));
            return factory.verify(stored, password.toCharArray());
        } catch (InvalidKeySpecException | java.security.InvalidKeyException | java.security.NoSuchAlgorithmException e) {
            return false;
        }
    }

    /** Spends the same time as a real check, for unknown usernames. */
    public static void burn(String password) {
        matches(password == null ? "" : password, DUMMY_HASH);
    }

    /** A URL-safe random string of {@code bytes} random bytes. */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Why a new password is not acceptable, or null when it is. */
    public static String problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters.";
        }
        if (password.length() > MAX_LENGTH) {
            return "Use at most " + MAX_LENGTH + " characters.";
        }
        return null;
    }
}
