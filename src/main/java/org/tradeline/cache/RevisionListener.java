package org.tradeline.cache;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Push mode's ear (see {@link ContentRevisions}): one thread with a PostgreSQL connection of its
 * own, outside the pool, that LISTENs on {@link ContentRevisions#CHANNEL} and applies each
 * notification as it arrives. The PostgreSQL JDBC driver's notification API
 * ({@link PGConnection#getNotifications(int)}) blocks on the socket until a notification arrives or
 * the next heartbeat is due.
 *
 * <p>After LISTEN it reads every timeline's revision, so it starts from the committed state and
 * nothing committed before LISTEN can be missed. Every second it notifies itself (a ping) on the
 * same connection; PostgreSQL delivers notifications in commit order, so when the ping comes back
 * every notification committed before it has been applied, and the lease during which memory is
 * trusted ({@link ContentRevisions#LEASE_NANOS}) is extended. A connection that dies silently, or
 * one that does not really listen (a pooler in transaction mode), stops being trusted within the
 * lease. When the connection fails (the backend is terminated, PostgreSQL restarts or fails over,
 * the network drops) every read asks the database at once; the thread connects again after 1 s,
 * then up to every 5 s, and reads every revision again.
 */
@ApplicationScoped
class RevisionListener {

    private static final Logger LOG = Logger.getLogger(RevisionListener.class);
    static final int HEARTBEAT_MILLIS = 1000;
    static final long FIRST_RETRY_MILLIS = 1000;
    static final long MAX_RETRY_MILLIS = 5000;
    /** A heartbeat notification, {@code "alive <instance> <n>"}: not a revision (which starts with a number or "deleted"). */
    static final String PING = "alive ";

    /** Tells this instance's pings from the others' (process ids repeat across containers). */
    private final String id = java.util.UUID.randomUUID().toString();

    private final ContentRevisions revisions;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final AtomicLong listens = new AtomicLong();
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    RevisionListener(ContentRevisions revisions,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url", defaultValue = "") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.revisions = revisions;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent start) {
        if (revisions.mode() != ContentRevisions.Mode.PUSH) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "tradeline-revisions");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        // Here, while the container is up: once it is shut down the listening thread must not touch beans.
        revisions.lost();
        Connection c = connection;
        if (c != null) {
            try {
                c.close(); // wakes the thread blocked on the socket
            } catch (SQLException e) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** How many times the listener has started listening (and read every revision). */
    long listens() {
        return listens.get();
    }

    private void run() {
        long retry = FIRST_RETRY_MILLIS;
        long lostAt = 0; // when the current outage began; 0 before the first
        boolean warned = false;
        while (running) {
            long before = listens.get();
            try (Connection c = connect()) {
                connection = c;
                listen(c, lostAt);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break; // stopped: closing the connection is what threw
                }
                revisions.lost();
                if (listens.get() != before) { // it was listening: a new outage begins
                    lostAt = System.nanoTime();
                    retry = FIRST_RETRY_MILLIS;
                    warned = false;
                }
                if (!warned) {
                    warned = true;
                    LOG.warnf("Not listening for revision notifications (%s): every read checks the database until "
                            + "listening again", e.getMessage());
                } else {
                    LOG.debugf("Still not listening for revision notifications: %s", e.getMessage());
                }
            } finally {
                connection = null;
            }
            if (!sleep(retry)) {
                break;
            }
            retry = Math.min(retry * 2, MAX_RETRY_MILLIS);
        }
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        username.ifPresent(u -> p.setProperty("user", u));
        password.ifPresent(pw -> p.setProperty("password", pw));
        // Named so an operator (or a test) can find it in pg_stat_activity.
        p.setProperty("ApplicationName", "tradeline revisions " + ProcessHandle.current().pid());
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "10"); // a heartbeat that gets no answer fails the connection
        Connection c = new org.postgresql.Driver().connect(url, p);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        c.setAutoCommit(true);
        return c;
    }

    private void listen(Connection c, long lostAt) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        try (Statement s = c.createStatement();
                PreparedStatement ping = c.prepareStatement("select pg_notify(?, ?)")) {
            s.execute("LISTEN " + ContentRevisions.CHANNEL);
            // From here every commit is notified; whatever committed before is in the read below.
            revisions.resyncing();
            long readStarted = System.nanoTime();
            Map<String, Long> all = new HashMap<>();
            try (ResultSet rs = s.executeQuery("select slug, content_rev from timeline")) {
                while (rs.next()) {
                    all.put(rs.getString(1), rs.getLong(2));
                }
            }
            revisions.resynced(all, readStarted);
            listens.incrementAndGet();
            if (lostAt != 0) {
                LOG.infof("Listening for revision notifications again after %d ms; every revision read again (%d timelines)",
                        (System.nanoTime() - lostAt) / 1_000_000, all.size());
            } else {
                LOG.infof("Listening for revision notifications (%d timelines)", all.size());
            }
            ping.setString(1, ContentRevisions.CHANNEL);
            long pings = 0;
            long pingSent = 0;
            long nextPing = System.nanoTime() + HEARTBEAT_MILLIS * 1_000_000L;
            while (running) {
                if (System.nanoTime() - nextPing >= 0) {
                    pingSent = System.nanoTime();
                    ping.setString(2, PING + id + " " + ++pings);
                    ping.execute();
                    nextPing = pingSent + HEARTBEAT_MILLIS * 1_000_000L;
                }
                long wait = Math.max(1, (nextPing - System.nanoTime()) / 1_000_000L);
                PGNotification[] received = pg.getNotifications((int) wait);
                for (PGNotification n : received == null ? new PGNotification[0] : received) {
                    String payload = n.getParameter();
                    if (!ContentRevisions.CHANNEL.equals(n.getName()) || payload == null) {
                        continue;
                    }
                    if (!payload.startsWith(PING)) {
                        revisions.heard(payload);
                    } else if (payload.equals(PING + id + " " + pings)) {
                        // Our own ping came back after every notification committed before it.
                        revisions.alive(pingSent);
                    }
                }
            }
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
