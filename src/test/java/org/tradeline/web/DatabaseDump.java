package org.tradeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.sql.Blob;
import java.sql.Clob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The database as text, to prove that refused requests changed nothing. */
final class DatabaseDump {

    private DatabaseDump() {
    }

    /** Every row of every table, as text, sorted; API tokens' last-used time left out (a read may set it). */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> dump(EntityManager em) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<String>> tables = new TreeMap<>();
            List<Object> names = em.createNativeQuery("select table_name from information_schema.tables "
                    + "where lower(table_schema) = 'public' and table_type in ('BASE TABLE', 'TABLE')").getResultList();
            for (Object n : names) {
                String table = n.toString();
                String select = columns(em, table).stream().map(col -> '"' + col + '"').collect(Collectors.joining(", "));
                List<Object> rows = em.createNativeQuery("select " + select + " from \"" + table + "\"").getResultList();
                List<String> text = new ArrayList<>();
                for (Object row : rows) {
                    Object[] cells = row instanceof Object[] array ? array : new Object[] {row};
                    text.add(Arrays.stream(cells).map(DatabaseDump::cell).collect(Collectors.joining(" | ")));
                }
                text.sort(null);
                tables.put(table.toLowerCase(Locale.ROOT), text);
            }
            return tables;
        });
    }

    /** The columns {@link #dump} writes, in order. */
    @SuppressWarnings("unchecked")
    private static List<String> columns(EntityManager em, String table) {
        List<Object> columns = em.createNativeQuery("select column_name from information_schema.columns "
                + "where lower(table_schema) = 'public' and lower(table_name) = lower(?1) order by ordinal_position")
                .setParameter(1, table).getResultList();
        return columns.stream().map(Object::toString).filter(col -> !col.equalsIgnoreCase("last_used_at")).toList();
    }

    static String cell(Object o) {
        try {
            if (o instanceof Clob clob) {
                return clob.getSubString(1, (int) clob.length());
            }
            if (o instanceof Blob blob) {
                return HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
            }
            if (o instanceof byte[] bytes) {
                return HexFormat.of().formatHex(bytes);
            }
            return String.valueOf(o);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertSame(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String table : expected.keySet()) {
            List<String> added = new ArrayList<>(actual.get(table));
            added.removeAll(expected.get(table));
            List<String> removed = new ArrayList<>(expected.get(table));
            removed.removeAll(actual.get(table));
            assertThat(added).as("rows added or changed in " + table).isEmpty();
            assertThat(removed).as("rows removed or changed in " + table).isEmpty();
        }
    }

    /** The dumped rows of {@code table} whose {@code column} holds {@code value}. */
    static List<String> rowsOf(EntityManager em, Map<String, List<String>> dump, String table, String column, long value) {
        return rowsWhere(em, dump, table, column, String.valueOf(value)::equals);
    }

    /** The dumped rows of {@code table} whose {@code column}'s text passes {@code test}. */
    static List<String> rowsWhere(EntityManager em, Map<String, List<String>> dump, String table, String column,
            java.util.function.Predicate<String> test) {
        List<String> columns = QuarkusTransaction.requiringNew().call(() -> columns(em, table)).stream()
                .map(c -> c.toLowerCase(Locale.ROOT)).toList();
        int at = columns.indexOf(column);
        return dump.get(table).stream().filter(r -> test.test(r.split(" \\| ", -1)[at])).toList();
    }

    static long timelineId(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> org.tradeline.timeline.Timeline.findBySlug(slug).orElseThrow().id);
    }

    /**
     * A cheap summary of everything a write can change, read in one query: row counts, every
     * version and content revision summed, the newest revision and the revoked tokens. Any insert,
     * delete or versioned update changes it.
     */
    static List<Object> fingerprint(EntityManager em) {
        return QuarkusTransaction.requiringNew().call(() -> Arrays.asList((Object[]) em.createNativeQuery("select "
                + "(select count(*) from timeline), (select coalesce(sum(version + content_rev), 0) from timeline), "
                + "(select count(*) from actor), (select count(*) from event), (select coalesce(sum(version), 0) from event), "
                + "(select count(*) from event_actor), (select count(*) from source), "
                + "(select count(*) from revision), (select coalesce(max(id), 0) from revision), "
                + "(select count(*) from account), (select coalesce(sum(version + session_version), 0) from account), "
                + "(select count(*) from api_token), (select count(revoked_at) from api_token)")
                .getSingleResult()).stream().map(DatabaseDump::cell).map(Object.class::cast).toList());
    }
}
