package org.tradeline.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which databases let revisions live in memory: only those one process alone can write. */
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
}
