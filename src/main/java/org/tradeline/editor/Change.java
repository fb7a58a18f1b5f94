package org.tradeline.editor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One field's change in a revision: its value before and after (null when absent). */
public record Change(String field, String from, String to) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields that differ between two versions of a record, in the order of {@code after}'s fields. */
    public static List<Change> between(Object before, Object after) {
        Map<String, Object> a = flat(before);
        Map<String, Object> b = flat(after);
        List<Change> changes = new ArrayList<>();
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        for (String key : keys) {
            String from = text(a.get(key));
            String to = text(b.get(key));
            if (!Objects.equals(from, to)) {
                changes.add(new Change(key, from, to));
            }
        }
        return changes;
    }

    private static Map<String, Object> flat(Object value) {
        if (value == null) {
            return Map.of();
        }
        return JSON.convertValue(value, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> c) {
            if (c.isEmpty()) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            for (Object o : c) {
                parts.add(o instanceof Map<?, ?> m ? String.join(" | ", m.values().stream()
                        .filter(Objects::nonNull).map(String::valueOf).toList()) : String.valueOf(o));
            }
            return String.join("\n", parts);
        }
        String s = String.valueOf(value);
        return s.isEmpty() ? null : s;
    }

    public static String toJson(List<Change> changes) {
        try {
            return JSON.writeValueAsString(changes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Change> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<Change>>() {
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of();
        }
    }
}
