package dev.quiver.store;

import java.util.HashMap;
import java.util.Map;

/**
 * The primary-key map of a {@link Table}: key of each live row to its table ordinal.
 * Not thread-safe: the table's owner guards it.
 */
abstract sealed class KeyIndex permits KeyIndex.Longs, KeyIndex.Strings {

    static final int ABSENT = -1;
    /** Most keys one index holds: 3/4 of the largest power-of-two array. */
    static final long MAX_KEYS = 3L << 28;

    static KeyIndex of(IdType idType) {
        return idType == IdType.INT64 ? new Longs() : new Strings();
    }

    /** The ordinal of the live row with this key, or {@link #ABSENT}. */
    abstract int get(Object key);

    abstract void put(Object key, int ordinal);

    abstract void remove(Object key);

    abstract int size();

    /** Grows now, so that {@code more} puts later allocate nothing. */
    abstract void reserve(int more);

    /**
     * Int64 keys in open addressing with linear probing: a {@code long[]} of keys and an
     * {@code int[]} of ordinals, about 24 bytes a row where a {@code HashMap<Long, Integer>} takes
     * over 60. Deletion shifts later entries back, so there are no tombstones.
     */
    static final class Longs extends KeyIndex {

        private static final int EMPTY = -1;
        private long[] keys = new long[16];
        private int[] ordinals = filled(16);
        private int size;

        private static int[] filled(int length) {
            int[] slots = new int[length];
            java.util.Arrays.fill(slots, EMPTY);
            return slots;
        }

        private int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        @Override
        int get(Object key) {
            int i = find((Long) key);
            return ordinals[i] == EMPTY ? ABSENT : ordinals[i];
        }

        /** The slot holding {@code k}, or the empty slot that ends its probe run. */
        private int find(long k) {
            int mask = keys.length - 1;
            int i = slot(k, mask);
            while (ordinals[i] != EMPTY && keys[i] != k) {
                i = (i + 1) & mask;
            }
            return i;
        }

        @Override
        void put(Object key, int ordinal) {
            reserve(1);
            long k = (Long) key;
            int i = find(k);
            if (ordinals[i] == EMPTY) {
                size++;
            }
            keys[i] = k;
            ordinals[i] = ordinal;
        }

        @Override
        void remove(Object key) {
            int i = find((Long) key);
            if (ordinals[i] == EMPTY) {
                return;
            }
            int mask = keys.length - 1;
            size--;
            // Shift back every later entry of the probe run that may not stay behind the hole.
            int hole = i;
            for (int j = (hole + 1) & mask; ordinals[j] != EMPTY; j = (j + 1) & mask) {
                int home = slot(keys[j], mask);
                boolean reachable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
                if (reachable) {
                    keys[hole] = keys[j];
                    ordinals[hole] = ordinals[j];
                    hole = j;
                }
            }
            ordinals[hole] = EMPTY;
        }

        @Override
        int size() {
            return size;
        }

        @Override
        void reserve(int more) {
            long needed = (long) size + more;
            if (needed * 4 <= (long) keys.length * 3) {
                return; // load factor stays at most 0.75
            }
            int length = keys.length;
            while (needed * 4 > (long) length * 3) {
                length <<= 1;
            }
            long[] oldKeys = keys;
            int[] oldOrdinals = ordinals;
            keys = new long[length];
            ordinals = filled(length);
            int mask = length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldOrdinals[i] != EMPTY) {
                    int j = slot(oldKeys[i], mask);
                    while (ordinals[j] != EMPTY) {
                        j = (j + 1) & mask;
                    }
                    keys[j] = oldKeys[i];
                    ordinals[j] = oldOrdinals[i];
                }
            }
        }
    }

    /** VarChar keys in a plain hash map: the strings themselves dominate their cost. */
    static final class Strings extends KeyIndex {

        private final Map<String, Integer> ordinals = new HashMap<>();

        @Override
        int get(Object key) {
            Integer ordinal = ordinals.get((String) key);
            return ordinal == null ? ABSENT : ordinal;
        }

        @Override
        void put(Object key, int ordinal) {
            ordinals.put((String) key, ordinal);
        }

        @Override
        void remove(Object key) {
            ordinals.remove((String) key);
        }

        @Override
        int size() {
            return ordinals.size();
        }

        @Override
        void reserve(int more) {
            // HashMap resizes itself; a VarChar key costs far more than its share of a resize.
        }
    }
}
