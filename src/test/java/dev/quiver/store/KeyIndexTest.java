package dev.quiver.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The open-addressing Int64 key map against a HashMap, with removals that shift probe runs. */
class KeyIndexTest {

    @Test
    void randomPutsAndRemovesAgreeWithAHashMap() {
        SplittableRandom random = new SplittableRandom(77L);
        KeyIndex index = KeyIndex.of(IdType.INT64);
        Map<Long, Integer> reference = new HashMap<>();
        List<Long> universe = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            // Clustered keys (time-based auto ids differ in low bits) and a few extremes.
            universe.add(i % 10 == 0 ? random.nextLong() : (1L << 40) + (i << 12));
        }
        universe.add(Long.MIN_VALUE);
        universe.add(Long.MAX_VALUE);
        universe.add(0L);
        for (int step = 0; step < 200_000; step++) {
            long key = universe.get(random.nextInt(universe.size()));
            if (random.nextInt(3) == 0) {
                index.remove(key);
                reference.remove(key);
            } else {
                int ordinal = random.nextInt(1 << 30);
                index.put(key, ordinal);
                reference.put(key, ordinal);
            }
        }

        assertThat(index.size()).isEqualTo(reference.size());
        for (long key : universe) {
            assertThat(index.get(key)).as("key %d", key).isEqualTo(reference.getOrDefault(key, KeyIndex.ABSENT));
        }
    }

    @Test
    void reserveMakesRoomSoLaterPutsKeepEveryKey() {
        KeyIndex index = KeyIndex.of(IdType.INT64);
        index.reserve(100_000);
        for (long key = 0; key < 100_000; key++) {
            index.put(key * 4096, (int) key);
        }
        for (long key = 0; key < 100_000; key++) {
            assertThat(index.get(key * 4096)).isEqualTo((int) key);
        }
        assertThat(index.get(1L)).isEqualTo(KeyIndex.ABSENT);
    }
}
