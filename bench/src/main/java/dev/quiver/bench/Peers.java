package dev.quiver.bench;

import java.util.Map;

/**
 * Hand-written loops computing {@code age > 30 and color in ["a","b"] and meta["x"] < 5} with the
 * filter's semantics (a missing key or a non-number is false; Long and Double compare
 * numerically): the ceiling an interpreter-free evaluator could reach on each layout.
 */
final class Peers {

    private Peers() {
    }

    static int typed(Rows.Typed data) {
        int[] age = data.age();
        String[] color = data.color();
        Object[] meta = data.meta();
        int count = 0;
        for (int i = 0; i < age.length; i++) {
            if (age[i] > 30) {
                String c = color[i];
                if (c != null && (c.equals("a") || c.equals("b")) && meta[i] instanceof Map<?, ?> m
                        && lessThan(m.get("x"), 5)) {
                    count++;
                }
            }
        }
        return count;
    }

    static int dynamic(Rows.Dynamic data) {
        Map<String, Object>[] rows = data.rows();
        int count = 0;
        for (Map<String, Object> row : rows) {
            if (row != null && greaterThan(row.get("age"), 30)) {
                Object c = row.get("color");
                if (("a".equals(c) || "b".equals(c)) && row.get("meta") instanceof Map<?, ?> m
                        && lessThan(m.get("x"), 5)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean lessThan(Object value, long bound) {
        return value instanceof Long l ? l < bound : value instanceof Double d && d < bound;
    }

    private static boolean greaterThan(Object value, long bound) {
        return value instanceof Long l ? l > bound : value instanceof Double d && d > bound;
    }
}
