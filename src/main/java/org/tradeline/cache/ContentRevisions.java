package org.tradeline.cache;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The committed content revision of each timeline, as far as this process can know it.
 *
 * <p>When this process is the only one that can write the database (an embedded H2 file or
 * in-memory database, which H2 locks to one process), every change passes through here: a
 * timeline's row change registers a hook that, once the transaction has committed and before the
 * writer's response is sent, raises the known revision. Readers then check a revision with a map
 * lookup instead of a database query, and the HTTP layer can answer cached bytes without leaving
 * the event loop. With a shared database (PostgreSQL, H2 server mode) other instances write too,
 * so {@link #inMemory()} is false and readers check the database on every request.
 */
@ApplicationScoped
public class ContentRevisions {

    private final boolean inMemory;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, Long> known = new ConcurrentHashMap<>();
    /** Raised when a timeline is deleted, so a reader's older lookup cannot bring it back. */
    private long epoch;

    ContentRevisions(TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "tradeline.cache.revisions", defaultValue = "auto") String mode,
            @ConfigProperty(name = "quarkus.datasource.db-kind", defaultValue = "h2") String dbKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url", defaultValue = "") String url) {
        this.transactions = transactions;
        this.inMemory = switch (mode.toLowerCase(Locale.ROOT)) {
            case "memory" -> true;
            case "database" -> false;
            default -> singleProcess(dbKind, url);
        };
    }

    /** Embedded H2 (file or memory, no server mode) is opened by one process only. */
    static boolean singleProcess(String dbKind, String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return "h2".equalsIgnoreCase(dbKind) && u.startsWith("jdbc:h2:") && !u.startsWith("jdbc:h2:tcp:")
                && !u.startsWith("jdbc:h2:ssl:") && !u.contains("auto_server=true");
    }

    public static ContentRevisions get() {
        return Arc.container().instance(ContentRevisions.class).get();
    }

    /** True when revisions are known in memory; false when each read must ask the database. */
    public boolean inMemory() {
        return inMemory;
    }

    /** The committed revision of the timeline, or null when it must be read from the database. */
    public Long current(String slug) {
        return inMemory ? known.get(slug) : null;
    }

    /** A marker to pass to {@link #learned} after reading a revision from the database. */
    public synchronized long epoch() {
        return epoch;
    }

    /**
     * A revision read from the database in a transaction of its own (so committed). Ignored when a
     * deletion happened since {@code epochBefore}, or when a newer revision is already known.
     */
    public synchronized void learned(String slug, long revision, long epochBefore) {
        if (inMemory && epoch == epochBefore) {
            known.merge(slug, revision, Math::max);
        }
    }

    /** True when the caller runs inside a transaction (which may hold uncommitted writes). */
    public boolean inTransaction() {
        return transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    /** Called when a timeline's row is written; takes effect when (and only if) the transaction commits. */
    public void written(String slug, long revision) {
        afterCommit(() -> {
            synchronized (this) {
                known.merge(slug, revision, Math::max);
            }
        });
    }

    /** Called when a timeline's row is deleted; takes effect when the transaction commits. */
    public void deleted(String slug) {
        afterCommit(() -> {
            synchronized (this) {
                epoch++;
                known.remove(slug);
            }
        });
    }

    private void afterCommit(Runnable action) {
        if (!inMemory) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
