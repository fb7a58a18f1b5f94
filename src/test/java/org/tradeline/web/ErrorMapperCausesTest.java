package org.tradeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/**
 * How the error mapper tells a database outage from a fault when the reason is not a cause but a
 * suppressed exception, as when a connection dies at commit (InstanceFaultsIT shows it end to end).
 */
class ErrorMapperCausesTest {

    /** Shaped like Narayana's answer to a commit on a terminated connection. */
    static RuntimeException failedCommit(String sqlState) {
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("the connection was terminated", sqlState));
        RollbackException rollback = new RollbackException("Could not commit transaction.");
        rollback.addSuppressed(xa);
        return new IllegalStateException(rollback);
    }

    @Test
    void shouldSeeAConnectionLostAtCommitAmongSuppressedExceptions() {
        assertThat(ErrorMapper.databaseUnavailable(failedCommit("57P01"))).isTrue();
        assertThat(ErrorMapper.databaseUnavailable(failedCommit("08006"))).isTrue();
    }

    @Test
    void shouldNotCallOtherCommitFailuresAnOutage() {
        assertThat(ErrorMapper.databaseUnavailable(failedCommit("23505"))).isFalse();
        assertThat(ErrorMapper.databaseUnavailable(new RollbackException("Could not commit transaction."))).isFalse();
        assertThat(ErrorMapper.badData(failedCommit("22021"))).isTrue();
    }

    @Test
    void shouldVisitEachThrowableOnceWhenTheyReferToEachOther() {
        RuntimeException outer = new RuntimeException("outer");
        RuntimeException inner = new RuntimeException("inner", outer);
        outer.addSuppressed(inner);
        assertThat(ErrorMapper.causes(outer)).containsExactly(outer, inner);
        assertThat(ErrorMapper.databaseUnavailable(outer)).isFalse();
    }
}
