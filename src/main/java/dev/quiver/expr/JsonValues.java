package dev.quiver.expr;

import java.util.List;
import java.util.Map;

/** Comparison and path lookup over untyped JSON values (Long, Double, String, Boolean, List, Map). */
final class JsonValues {

    /** Returned by {@link #compare} when the two values have no order between them. */
    static final int INCOMPARABLE = Integer.MIN_VALUE;

    private JsonValues() {
    }

    static int compare(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Long x && b instanceof Double y) {
            return compareExact(x, y);
        }
        if (a instanceof Double x && b instanceof Long y) {
            return -compareExact(y, x);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(x.compareTo(y));
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        return INCOMPARABLE;
    }

    /**
     * Exact order of a long and a finite double. Widening the long to double would make
     * 2^53 + 1 equal 2^53.
     */
    static int compareExact(long a, double b) {
        if (b >= 0x1p63) {
            return -1;
        }
        if (b < -0x1p63) {
            return 1;
        }
        long whole = (long) b;
        if (a != whole) {
            return Long.compare(a, whole);
        }
        double fraction = b - whole;
        return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
    }

    /** Numeric order in which -0.0 equals 0.0 (Double.compare would put it below). */
    static int compareNumbers(double x, double y) {
        return x < y ? -1 : x > y ? 1 : 0;
    }

    /** True when {@code op} holds; false for missing values and values of different types. */
    static boolean holds(CompareOp op, Object a, Object b) {
        if (a == null || b == null) {
            return false;
        }
        if (!op.isEquality() && a instanceof Boolean) {
            return false;
        }
        int comparison = compare(a, b);
        return comparison != INCOMPARABLE && op.holds(comparison);
    }

    /** Follows a JSON path of String keys and int indexes; null when any step is missing. */
    static Object at(Object value, List<Object> path) {
        Object current = value;
        for (Object step : path) {
            if (step instanceof String key && current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else if (step instanceof Integer i && current instanceof List<?> list && i < list.size()) {
                current = list.get(i);
            } else {
                return null;
            }
        }
        return current;
    }

    /**
     * Boxed arithmetic for untyped values: Long op Long stays Long (but for {@code **}), anything
     * with a Double is Double; null when an operand is missing, not a number, or a divisor is 0.
     */
    static Object arithmetic(ArithmeticOp op, Object a, Object b) {
        if (!(a instanceof Number x) || !(b instanceof Number y)) {
            return null;
        }
        if (x instanceof Long p && y instanceof Long q && op.keepsIntegers()) {
            return op.divides() && q == 0 ? null : (Object) op.apply(p.longValue(), q.longValue());
        }
        double result = op.apply(x.doubleValue(), y.doubleValue());
        return Double.isFinite(result) ? result : null;
    }

    /**
     * A hash key under which equal JSON scalars meet: integral doubles become Longs (so 2.0 finds
     * 2 and -0.0 finds 0); lists compare element-wise through their own equals.
     */
    static Object hashKey(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return (long) d.doubleValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonValues::hashKey).toList();
        }
        return value;
    }

    static String typeName(Object literal) {
        if (literal instanceof Long) {
            return "integer";
        }
        if (literal instanceof Double) {
            return "float";
        }
        if (literal instanceof String) {
            return "string";
        }
        if (literal instanceof List<?>) {
            return "list";
        }
        return "boolean";
    }
}
