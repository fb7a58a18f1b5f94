package org.tradeline.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayeredMapTest {

    /**
     * Thousands of random puts and removals, folds included, against a HashMap doing the same: on a
     * large map, and on a small one whose base grows and shrinks past the size that decides folding.
     */
    @ParameterizedTest
    @CsvSource({"500, 700", "5, 40"})
    void behavesAsTheMapItStandsFor(int baseSize, int keys) {
        Random random = new Random(20261201);
        Map<Integer, String> expected = new HashMap<>();
        for (int i = 0; i < baseSize; i++) {
            expected.put(i, "v" + i);
        }
        LayeredMap<Integer, String> map = LayeredMap.of(expected);
        List<LayeredMap<Integer, String>> earlier = new ArrayList<>();
        List<Map<Integer, String>> earlierExpected = new ArrayList<>();
        for (int step = 0; step < 5_000; step++) {
            int key = random.nextInt(keys);
            if (random.nextInt(3) == 0) {
                map = map.without(key);
                expected.remove(key);
            } else {
                String value = "w" + step;
                map = map.with(key, value);
                expected.put(key, value);
            }
            assertEquals(expected.size(), map.size(), "size after step " + step);
            assertEquals(expected.get(key), map.get(key));
            assertEquals(expected.containsKey(key), map.containsKey(key));
            if (step % 250 == 0) {
                earlier.add(map);
                earlierExpected.add(new HashMap<>(expected));
                assertEquals(expected, map);
                assertEquals(map, expected);
                assertEquals(expected.hashCode(), map.hashCode());
            }
        }
        // Each map is immutable: the later writes left every earlier one as it was.
        for (int i = 0; i < earlier.size(); i++) {
            assertEquals(earlierExpected.get(i), earlier.get(i));
        }
    }

    @Test
    void removingAMissingKeyIsTheSameMapAndMissingKeysAreNull() {
        LayeredMap<String, String> map = LayeredMap.of(Map.of("a", "1"));
        assertSame(map, map.without("b"));
        assertNull(map.get("b"));
        assertNull(map.without("a").get("a"));
        assertEquals(0, map.without("a").size());
        assertEquals(Map.of("a", "2"), map.with("a", "2"));
    }

    @Test
    void cannotBeChangedInPlace() {
        LayeredMap<String, String> map = LayeredMap.of(Map.of("a", "1")).with("b", "2");
        assertThrows(UnsupportedOperationException.class, () -> map.put("c", "3"));
        assertThrows(UnsupportedOperationException.class, () -> map.remove("a"));
        assertThrows(UnsupportedOperationException.class, () -> map.entrySet().clear());
    }
}
