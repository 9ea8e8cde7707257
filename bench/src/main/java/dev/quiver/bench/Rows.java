package dev.quiver.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded benchmark data: the same rows laid out two ways, as typed columns and as per-row maps of
 * dynamic fields. Values: {@code age} uniform in [0, 80), {@code color} one of five one-letter
 * strings, {@code meta} a JSON object whose {@code x} is a Long in [0, 10) for 90% of rows, a
 * Double for 5%, and missing for 5% (so the filter's missing-key and mixed-number paths run).
 * About 12% of rows match {@code age > 30 and color in ["a","b"] and meta["x"] < 5}.
 *
 * <p>Strings and maps are fresh objects per row, as they are after decoding JSON, so no lookup is
 * won by reference equality with the literals.
 */
final class Rows {

    static final int COUNT = 1_000_000;
    static final long SEED = 0x5EED_2024L;

    private static final String[] PALETTE = {"a", "b", "c", "d", "e"};

    private Rows() {
    }

    /** Typed layout: one primitive or object array per field, indexed by row ordinal. */
    record Typed(int[] age, String[] color, Object[] meta) {
    }

    /** Dynamic layout: one {@code Map} of dynamic fields per row, as Quiver's segment keeps them. */
    record Dynamic(Map<String, Object>[] rows) {
    }

    static Typed typed(int count) {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] age = new int[count];
        String[] color = new String[count];
        Object[] meta = new Object[count];
        for (int i = 0; i < count; i++) {
            age[i] = random.nextInt(80);
            color[i] = new String(PALETTE[random.nextInt(PALETTE.length)]);
            meta[i] = meta(random);
        }
        return new Typed(age, color, meta);
    }

    @SuppressWarnings("unchecked")
    static Dynamic dynamic(int count) {
        SplittableRandom random = new SplittableRandom(SEED);
        Map<String, Object>[] rows = new Map[count];
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("age", (long) random.nextInt(80));
            row.put("color", new String(PALETTE[random.nextInt(PALETTE.length)]));
            row.put("meta", meta(random));
            rows[i] = row;
        }
        return new Dynamic(rows);
    }

    private static Map<String, Object> meta(SplittableRandom random) {
        Map<String, Object> meta = new LinkedHashMap<>();
        long x = random.nextInt(10);
        int kind = random.nextInt(20);
        if (kind == 0) {
            meta.put("x", x + 0.5);
        } else if (kind == 1) {
            meta.put("y", x);
        } else {
            meta.put("x", x);
        }
        return meta;
    }
}
