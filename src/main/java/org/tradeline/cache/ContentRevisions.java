package org.tradeline.cache;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The committed content revision of each timeline, as far as this process can know it: the one
 * thing every cache (snapshots, and through them every page, JSON, feed, export, embed and image
 * in the {@link PublicCache}) compares before it answers from memory.
 *
 * <p>Three ways to know it ({@code tradeline.cache.revisions}):
 * <ul>
 * <li>{@code memory}: this process is the database's only writer (an embedded H2 file or in-memory
 * database, which H2 locks to one process). Every change passes through here: a timeline's row
 * change registers a hook that, once the transaction has committed and before the writer's response
 * is sent, raises the known revision. Readers check a revision with a map lookup, and the HTTP layer
 * can answer cached bytes without leaving the event loop.
 * <li>{@code push}: several instances share a PostgreSQL database. Each write also sends
 * {@code pg_notify} in its own transaction, which PostgreSQL delivers to every listening instance
 * when (and only if) it commits; {@link RevisionListener} applies them here, so readers again check
 * a map. The writer's own instance still learns from its commit hook, at once. While the listening
 * connection is down, or has not proved itself alive within {@link #LEASE_NANOS}, {@link #current}
 * answers null and every read asks the database, as in {@code database} mode; on listening again
 * every revision is read afresh, so a notification lost in the gap cannot leave anything stale.
 * <li>{@code database}: one indexed read per request, for shared databases without notifications.
 * </ul>
 */
@ApplicationScoped
public class ContentRevisions {

    /** How a read learns of a write. */
    public enum Mode {
        MEMORY, PUSH, DATABASE
    }

    /** The channel writes notify and instances listen on (per database: other databases never hear it). */
    static final String CHANNEL = "tradeline_revisions";
    /** Memory is trusted this long after the listening connection last proved itself alive. */
    static final long LEASE_NANOS = 3_000_000_000L;
    /** Marks a deletion heard while every revision is being read again. */
    private static final long DELETED = Long.MIN_VALUE;

    private final Mode mode;
    private final TransactionSynchronizationRegistry transactions;
    private final Instance<DataSource> dataSource;
    private final Map<String, Long> known = new ConcurrentHashMap<>();
    /** Raised when a timeline is deleted, so a reader's older lookup cannot bring it back. */
    private long epoch;

    /** Push mode: true while the listening connection is up and every revision has been read since it connected. */
    private volatile boolean listening;
    /** Push mode: {@link System#nanoTime()} until which memory may be trusted without a new sign of life. */
    private volatile long trustedUntil;
    /** Push mode, while every revision is read again: this instance's own commits meanwhile, to be kept. */
    private Map<String, Long> ownDuringResync;

    ContentRevisions(TransactionSynchronizationRegistry transactions, Instance<DataSource> dataSource,
            @ConfigProperty(name = "tradeline.cache.revisions", defaultValue = "auto") String mode,
            @ConfigProperty(name = "quarkus.datasource.db-kind", defaultValue = "h2") String dbKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url", defaultValue = "") String url) {
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.mode = mode(mode, dbKind, url);
    }

    static Mode mode(String configured, String dbKind, String url) {
        return switch (configured.toLowerCase(Locale.ROOT)) {
            case "memory" -> Mode.MEMORY;
            case "push" -> Mode.PUSH;
            case "database" -> Mode.DATABASE;
            case "auto" -> singleProcess(dbKind, url) ? Mode.MEMORY
                    : "postgresql".equalsIgnoreCase(dbKind) ? Mode.PUSH : Mode.DATABASE;
            default -> throw new IllegalArgumentException("tradeline.cache.revisions must be auto, memory, push or database, not "
                    + configured);
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

    public Mode mode() {
        return mode;
    }

    /**
     * True when revisions are known in memory right now; false when each read must ask the database
     * (database mode, or push mode while not listening).
     */
    public boolean fromMemory() {
        return mode == Mode.MEMORY || (mode == Mode.PUSH && listening && System.nanoTime() - trustedUntil < 0);
    }

    /** The committed revision of the timeline, or null when it must be read from the database. */
    public Long current(String slug) {
        return fromMemory() ? known.get(slug) : null;
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
        if (mode != Mode.DATABASE && epoch == epochBefore) {
            known.merge(slug, revision, Math::max);
        }
    }

    /** True when the caller runs inside a transaction (which may hold uncommitted writes). */
    public boolean inTransaction() {
        return transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    /**
     * Called when a timeline's row is written, inside the writing transaction; takes effect when (and
     * only if) it commits: here at once, on other instances through the notification.
     */
    public void written(String slug, long revision) {
        written(slug, revision, false);
    }

    /**
     * As {@link #written(String, long)}; {@code notified} when the writing statement queued the
     * notification itself (its {@link #notification} expression).
     */
    public void written(String slug, long revision, boolean notified) {
        if (mode == Mode.DATABASE) {
            return;
        }
        if (mode == Mode.PUSH && !notified) {
            notifyOthers(revision + " " + slug);
        }
        committing().raised.merge(slug, revision, Math::max);
    }

    /**
     * Push mode: an SQL expression that queues the notification of a written revision, for the
     * {@code RETURNING} list of the statement that raises it (one round trip less than a statement of
     * its own, at the point where every write to the timeline waits on the row's lock); null when no
     * notification is sent. The arguments name the statement's revision and slug columns.
     */
    public String notification(String revisionColumn, String slugColumn) {
        return mode == Mode.PUSH
                ? "pg_notify('" + CHANNEL + "', " + revisionColumn + " || ' ' || " + slugColumn + ")"
                : null;
    }

    /**
     * Runs {@code action} once the caller's transaction has committed, before the revisions it wrote are
     * raised here: a reader that learns of the new revision finds whatever the action left (the
     * snapshot a write makes of itself) instead of reading the database in the moment between.
     */
    public void beforeRaise(Runnable action) {
        committing().first.add(action);
    }

    /**
     * What one transaction does here once it commits: its {@link #beforeRaise} actions, then its raises
     * (a transaction runs on one thread, so these need no lock).
     */
    private static final class Committing {
        final List<Runnable> first = new ArrayList<>(2);
        final Map<String, Long> raised = new HashMap<>(2);
    }

    private static final Object COMMITTING = Committing.class;
    private static final Logger LOG = Logger.getLogger(ContentRevisions.class);

    private Committing committing() {
        Committing c = (Committing) transactions.getResource(COMMITTING);
        if (c == null) {
            Committing made = new Committing();
            transactions.putResource(COMMITTING, made);
            afterCommit(() -> {
                for (Runnable step : made.first) {
                    try {
                        step.run();
                    } catch (RuntimeException e) {
                        // the revision is raised all the same: a reader then rebuilds from the database
                        LOG.error("A commit step failed; readers will rebuild from the database", e);
                    }
                }
                if (mode != Mode.DATABASE) {
                    synchronized (this) {
                        made.raised.forEach(this::raise);
                    }
                }
            });
            c = made;
        }
        return c;
    }

    /** Called when a timeline's row is deleted; takes effect when the transaction commits. */
    public void deleted(String slug) {
        if (mode == Mode.DATABASE) {
            return;
        }
        if (mode == Mode.PUSH) {
            notifyOthers("deleted " + slug);
        }
        afterCommit(() -> forget(slug));
    }

    /** A committed write, this instance's own or heard from another. */
    private void raise(String slug, long revision) {
        known.merge(slug, revision, Math::max);
        if (ownDuringResync != null) {
            ownDuringResync.merge(slug, revision, (a, b) -> a == DELETED ? DELETED : Math.max(a, b));
        }
    }

    private synchronized void forget(String slug) {
        epoch++;
        known.remove(slug);
        if (ownDuringResync != null) {
            ownDuringResync.put(slug, DELETED);
        }
    }

    /**
     * {@code pg_notify} on the writing transaction's own connection (the pool hands the transaction
     * the connection it already holds): PostgreSQL queues it and delivers it at commit, never on
     * rollback, in commit order.
     */
    private void notifyOthers(String payload) {
        try (Connection c = dataSource.get().getConnection();
                PreparedStatement s = c.prepareStatement("select pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, payload);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not queue the revision notification: " + e.getMessage(), e);
        }
    }

    /** Runs {@code action} once the caller's transaction has committed (never on rollback). */
    private void afterCommit(Runnable action) {
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

    // --- Push mode: what RevisionListener hears ---------------------------------------------

    /** A notification: {@code "<revision> <slug>"} or {@code "deleted <slug>"}. Malformed ones are ignored. */
    void heard(String payload) {
        int space = payload.indexOf(' ');
        if (space <= 0 || space == payload.length() - 1) {
            return;
        }
        String head = payload.substring(0, space);
        String slug = payload.substring(space + 1);
        if (head.equals("deleted")) {
            forget(slug);
            return;
        }
        try {
            long revision = Long.parseLong(head);
            synchronized (this) {
                raise(slug, revision);
            }
        } catch (NumberFormatException e) {
            // not ours
        }
    }

    /** The listening connection is gone: from now on every read asks the database. */
    void lost() {
        listening = false;
    }

    /** LISTEN has taken effect; every revision is about to be read again. */
    synchronized void resyncing() {
        listening = false;
        ownDuringResync = new HashMap<>();
    }

    /**
     * Every committed revision, read after LISTEN took effect ({@code readStartedNanos}), replaces
     * what was known, so nothing missed while not listening survives. Commits notified from then on
     * are queued on the listening connection and applied after this; this instance's own commits
     * meanwhile (whose hooks ran during the read) are kept: a deletion wins, a newer revision of a
     * timeline the read found is kept.
     */
    synchronized void resynced(Map<String, Long> all, long readStartedNanos) {
        Map<String, Long> own = ownDuringResync;
        ownDuringResync = null;
        epoch++; // a reader's lookup from before cannot bring back a timeline deleted in the gap
        known.clear();
        known.putAll(all);
        if (own != null) {
            own.forEach((slug, rev) -> {
                if (rev == DELETED) {
                    known.remove(slug);
                } else if (all.containsKey(slug)) {
                    known.merge(slug, rev, Math::max);
                }
            });
        }
        trustedUntil = readStartedNanos + LEASE_NANOS;
        listening = true;
    }

    /**
     * The listener's own ping, sent at {@code sentNanos}, came back on the listening connection, after
     * every notification committed before it (which have been applied): memory stays trusted a while longer.
     */
    void alive(long sentNanos) {
        long until = sentNanos + LEASE_NANOS;
        if (until - trustedUntil > 0) {
            trustedUntil = until;
        }
    }

    /** Push mode: whether the listening connection is up (for metrics). */
    boolean listening() {
        return listening;
    }
}
