package org.tradeline.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tradeline.cache.ContentRevisions.Mode;

/** Which databases let revisions live in memory, how `auto` chooses, and what push mode trusts. */
class ContentRevisionsTest {

    @Test
    void embeddedH2IsSingleProcess() {
        assertThat(ContentRevisions.singleProcess("h2", "jdbc:h2:file:./data/tradeline;WRITE_DELAY=0")).isTrue();
        assertThat(ContentRevisions.singleProcess("h2", "jdbc:h2:retry:file:./data/tradeline")).isTrue();
        assertThat(ContentRevisions.singleProcess("h2", "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isTrue();
    }

    @Test
    void sharedDatabasesAreNot() {
        assertThat(ContentRevisions.singleProcess("postgresql", "jdbc:postgresql://db:5432/tradeline")).isFalse();
        assertThat(ContentRevisions.singleProcess("h2", "jdbc:h2:tcp://db/tradeline")).isFalse();
        assertThat(ContentRevisions.singleProcess("h2", "jdbc:h2:file:./data/t;AUTO_SERVER=TRUE")).isFalse();
    }

    @Test
    void autoKeepsRevisionsInMemoryForEmbeddedH2PushesOnPostgresqlAndAsksOtherSharedDatabases() {
        assertThat(ContentRevisions.mode("auto", "h2", "jdbc:h2:retry:./data/tradeline")).isEqualTo(Mode.MEMORY);
        assertThat(ContentRevisions.mode("auto", "postgresql", "jdbc:postgresql://db:5432/tradeline")).isEqualTo(Mode.PUSH);
        assertThat(ContentRevisions.mode("auto", "h2", "jdbc:h2:tcp://db/tradeline")).isEqualTo(Mode.DATABASE);
    }

    @Test
    void anExplicitChoiceWins() {
        assertThat(ContentRevisions.mode("database", "postgresql", "jdbc:postgresql://db/t")).isEqualTo(Mode.DATABASE);
        assertThat(ContentRevisions.mode("PUSH", "postgresql", "jdbc:postgresql://db/t")).isEqualTo(Mode.PUSH);
        assertThat(ContentRevisions.mode("memory", "postgresql", "jdbc:postgresql://db/t")).isEqualTo(Mode.MEMORY);
        assertThatThrownBy(() -> ContentRevisions.mode("sometimes", "h2", "jdbc:h2:mem:x"))
                .hasMessageContaining("auto, memory, push or database");
    }

    /** Push mode without a transaction manager or database: only what the listener tells it. */
    static ContentRevisions pushed() {
        return new ContentRevisions(null, null, "push", "postgresql", "jdbc:postgresql://db/t");
    }

    @Test
    void pushModeTrustsNothingBeforeItListensAndHasReadEveryRevision() {
        ContentRevisions revisions = pushed();
        revisions.heard("3 steel");
        assertThat(revisions.fromMemory()).isFalse();
        assertThat(revisions.current("steel")).isNull();

        revisions.resyncing();
        revisions.resynced(Map.of("steel", 5L, "tariffs", 2L), System.nanoTime());
        assertThat(revisions.fromMemory()).isTrue();
        assertThat(revisions.current("steel")).isEqualTo(5L);
        assertThat(revisions.current("tariffs")).isEqualTo(2L);
    }

    @Test
    void pushModeAppliesNotificationsNeverGoingBack() {
        ContentRevisions revisions = pushed();
        revisions.resyncing();
        revisions.resynced(Map.of("steel", 5L), System.nanoTime());
        revisions.heard("7 steel");
        revisions.heard("6 steel"); // an older one, late: ignored
        revisions.heard("1 new-timeline");
        assertThat(revisions.current("steel")).isEqualTo(7L);
        assertThat(revisions.current("new-timeline")).isEqualTo(1L);

        long epoch = revisions.epoch();
        revisions.heard("deleted steel");
        assertThat(revisions.current("steel")).isNull();
        revisions.learned("steel", 7, epoch); // a reader's lookup from before the deletion
        assertThat(revisions.current("steel")).as("a deleted timeline brought back").isNull();

        revisions.heard("alive 3f2a 12"); // another instance's heartbeat
        revisions.heard("nonsense");
        revisions.heard("x y");
        assertThat(revisions.current("new-timeline")).isEqualTo(1L);
    }

    @Test
    void pushModeAsksTheDatabaseWhileNotListeningAndForgetsWhatItMissed() {
        ContentRevisions revisions = pushed();
        revisions.resyncing();
        revisions.resynced(Map.of("steel", 5L, "gone", 3L), System.nanoTime());
        revisions.lost();
        assertThat(revisions.fromMemory()).isFalse();
        assertThat(revisions.current("steel")).isNull();

        // listening again: what was read afresh replaces all (a deletion and a write missed meanwhile)
        revisions.resyncing();
        revisions.resynced(Map.of("steel", 9L), System.nanoTime());
        assertThat(revisions.current("steel")).isEqualTo(9L);
        assertThat(revisions.current("gone")).isNull();
    }

    @Test
    void pushModeStopsTrustingMemoryWhenTheListenerHasNotHeardItselfWithinTheLease() {
        ContentRevisions revisions = pushed();
        revisions.resyncing();
        long longAgo = System.nanoTime() - ContentRevisions.LEASE_NANOS - 1;
        revisions.resynced(Map.of("steel", 5L), longAgo);
        assertThat(revisions.fromMemory()).as("the lease ran out").isFalse();
        assertThat(revisions.current("steel")).isNull();

        revisions.alive(System.nanoTime());
        assertThat(revisions.fromMemory()).isTrue();
        assertThat(revisions.current("steel")).isEqualTo(5L);
    }

    /**
     * A write's snapshot step runs before its revision is raised: a reader who learns of the revision
     * finds the snapshot made from the write, instead of reading the database in the moment between.
     */
    @Test
    void aWritesOwnStepRunsAfterItCommitsAndBeforeItsRevisionIsKnown() {
        OneTransaction tx = new OneTransaction();
        ContentRevisions revisions = new ContentRevisions(tx, null, "memory", "h2", "jdbc:h2:mem:x");
        List<Long> seen = new ArrayList<>();
        revisions.written("steel", 4);
        revisions.written("steel", 5); // a second flush of the same transaction
        revisions.beforeRaise(() -> seen.add(revisions.current("steel")));
        assertThat(revisions.current("steel")).as("known before it commits").isNull();
        assertThat(seen).isEmpty();

        tx.complete(Status.STATUS_COMMITTED);

        assertThat(seen).as("what the step saw").containsExactly((Long) null);
        assertThat(revisions.current("steel")).isEqualTo(5L);
        assertThat(tx.synchronizations).as("one hook per transaction").hasSize(1);
    }

    /**
     * On PostgreSQL the statement that raises a timeline's revision also queues its notification; the
     * write then sends no statement of its own for it (here there is no database to send one to).
     */
    @Test
    void aRevisionNotifiedByItsOwnStatementIsRaisedAtCommitWithoutAnotherStatement() {
        OneTransaction tx = new OneTransaction();
        ContentRevisions revisions = new ContentRevisions(tx, null, "push", "postgresql", "jdbc:postgresql://db/t");
        assertThat(revisions.notification("content_rev", "slug"))
                .isEqualTo("pg_notify('" + ContentRevisions.CHANNEL + "', content_rev || ' ' || slug)");
        revisions.resynced(Map.of("steel", 6L), System.nanoTime()); // listening
        revisions.written("steel", 7, true);
        assertThat(revisions.current("steel")).as("before it commits").isEqualTo(6L);
        tx.complete(Status.STATUS_COMMITTED);
        assertThat(revisions.current("steel")).as("at commit, on the writer's instance").isEqualTo(7L);
        assertThatThrownBy(() -> revisions.written("steel", 8, false))
                .as("a revision not notified by its statement is sent on the connection").isInstanceOf(NullPointerException.class);
    }

    @Test
    void onlyPushModeNotifies() {
        assertThat(new ContentRevisions(null, null, "memory", "h2", "jdbc:h2:mem:x").notification("r", "s")).isNull();
        assertThat(new ContentRevisions(null, null, "database", "postgresql", "jdbc:postgresql://db/t").notification("r", "s")).isNull();
    }

    @Test
    void aRolledBackWriteRaisesNothingAndRunsNoStep() {
        OneTransaction tx = new OneTransaction();
        ContentRevisions revisions = new ContentRevisions(tx, null, "memory", "h2", "jdbc:h2:mem:x");
        List<String> ran = new ArrayList<>();
        revisions.written("steel", 4);
        revisions.beforeRaise(() -> ran.add("step"));

        tx.complete(Status.STATUS_ROLLEDBACK);

        assertThat(ran).isEmpty();
        assertThat(revisions.current("steel")).isNull();
    }

    @Test
    void aStepThatFailsStillLetsTheRevisionBeKnown() {
        OneTransaction tx = new OneTransaction();
        ContentRevisions revisions = new ContentRevisions(tx, null, "memory", "h2", "jdbc:h2:mem:x");
        List<String> ran = new ArrayList<>();
        revisions.written("steel", 4);
        revisions.beforeRaise(() -> {
            throw new IllegalStateException("a broken step");
        });
        revisions.beforeRaise(() -> ran.add("the next step"));

        tx.complete(Status.STATUS_COMMITTED);

        assertThat(ran).containsExactly("the next step");
        assertThat(revisions.current("steel")).as("known, so readers rebuild instead of serving the old snapshot").isEqualTo(4L);
    }

    /** The registry of one active transaction, completed by the test. */
    private static final class OneTransaction implements TransactionSynchronizationRegistry {
        final Map<Object, Object> resources = new HashMap<>();
        final List<Synchronization> synchronizations = new ArrayList<>();
        int status = Status.STATUS_ACTIVE;

        void complete(int outcome) {
            status = outcome;
            synchronizations.forEach(s -> s.afterCompletion(outcome));
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }
}
