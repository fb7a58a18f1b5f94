package org.tradeline.timeline;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable map that a write changes by one key without copying it: a frozen base plus a few
 * changes on top, folded into a new base once they reach {@link #foldAt}. A snapshot made from a
 * write to one event of a 2,000-event timeline then costs a handful of entries instead of two full
 * hash maps (copying them was 6 % of the server's CPU in {@code bench/writes.sh}).
 *
 * <p>Lookups look at the changes, then the base. Iteration, equality and hashing are those of the
 * plain map it stands for ({@link AbstractMap}), made once on first use. Values are never null.
 */
final class LayeredMap<K, V> extends AbstractMap<K, V> {

    /** The fewest changes kept on top before they are folded in. */
    static final int MIN_FOLD = 8;
    /** Marks a key taken out of the base. */
    private static final Object REMOVED = new Object();

    private final Map<K, V> base;
    private final Map<K, Object> changes;
    private final int size;
    private volatile Map<K, V> flat;

    private LayeredMap(Map<K, V> base, Map<K, Object> changes, int size) {
        this.base = base;
        this.changes = changes;
        this.size = size;
    }

    /** The map holding exactly these entries (the given map is not kept). */
    static <K, V> LayeredMap<K, V> of(Map<K, V> entries) {
        return owning(new HashMap<>(entries));
    }

    /** The map over these entries, without copying them: the caller hands the map over and never changes it again. */
    static <K, V> LayeredMap<K, V> owning(HashMap<K, V> entries) {
        return new LayeredMap<>(entries, Map.of(), entries.size());
    }

    /**
     * How many changes a map over {@code baseSize} entries keeps before folding: each write copies the
     * changes, each fold copies the base, so about the square root of the base keeps the two costs even
     * (a fixed 64 meant copying up to 64 changes a write on the seeded 28-event timeline, twice its size).
     */
    static int foldAt(int baseSize) {
        return Math.max(MIN_FOLD, (int) Math.sqrt(baseSize));
    }

    /** This map with {@code key} mapped to {@code value}. */
    LayeredMap<K, V> with(K key, V value) {
        return change(key, Objects.requireNonNull(value), containsKey(key));
    }

    /** This map without {@code key}. */
    LayeredMap<K, V> without(K key) {
        return containsKey(key) ? change(key, REMOVED, true) : this;
    }

    private LayeredMap<K, V> change(K key, Object value, boolean present) {
        int newSize = size + (present ? 0 : 1) - (value == REMOVED ? 1 : 0);
        Map<K, Object> more = new HashMap<>(changes.size() * 2 + 2);
        more.putAll(changes);
        more.put(key, value);
        if (more.size() < foldAt(base.size())) {
            return new LayeredMap<>(base, more, newSize);
        }
        Map<K, V> folded = new HashMap<>(base);
        apply(folded, more);
        return new LayeredMap<>(folded, Map.of(), newSize);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> void apply(Map<K, V> into, Map<K, Object> changes) {
        changes.forEach((k, v) -> {
            if (v == REMOVED) {
                into.remove(k);
            } else {
                into.put(k, (V) v);
            }
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        Object changed = changes.get(key);
        if (changed != null) {
            return changed == REMOVED ? null : (V) changed;
        }
        return base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        Map<K, V> f = flat;
        if (f == null) {
            Map<K, V> all = new HashMap<>(base);
            apply(all, changes);
            flat = f = Collections.unmodifiableMap(all);
        }
        return f.entrySet();
    }
}
