package org.tradeline.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down repeated failed sign-ins for one username (known or not, so it reveals nothing):
 * after {@value #FREE_ATTEMPTS} failures each further attempt must wait twice as long as the last,
 * up to five minutes. A success clears the count; failures are forgotten after an hour.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    Clock clock = Clock.systemUTC();

    private record Failures(int count, Instant last) {
    }

    /** Seconds to wait before this username may try again; 0 when it may try now. */
    public long secondsToWait(String username) {
        Failures f = failures.get(key(username));
        if (f == null || f.count() < FREE_ATTEMPTS) {
            return 0;
        }
        Instant now = clock.instant();
        if (Duration.between(f.last(), now).compareTo(FORGET_AFTER) > 0) {
            failures.remove(key(username));
            return 0;
        }
        long wait = Math.min(MAX_WAIT.toSeconds(), 1L << Math.min(20, f.count() - FREE_ATTEMPTS));
        long waited = Duration.between(f.last(), now).toSeconds();
        return Math.max(0, wait - waited);
    }

    public void failed(String username) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        Instant now = clock.instant();
        failures.merge(key(username), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
