package dev.quiver.expr;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Expression trees for {@link FilterCrossCheckTest} and their reference semantics, written as
 * plainly as possible over boxed values: a value is a Long, Double, String, Boolean, List, Map,
 * or null when the row has none (SQL null, missing JSON key, division by zero, non-finite result).
 */
final class ReferenceFilter {

    private ReferenceFilter() {
    }

    /**
     * One row. Typed columns: id Int64, age Int32, score Double, flag Bool, name VarChar, tags
     * Array of Int64 (null means SQL null). meta is a JSON field (null when the row has none);
     * dynamic holds the dynamic fields ($meta).
     */
    record Row(long id, Long age, Double score, Boolean flag, String name, List<Object> tags,
            Map<String, Object> meta, Map<String, Object> dynamic) {
    }

    // ---- value expressions ----

    sealed interface Value {
    }

    /** A typed column: id, age, score, flag, name or tags. */
    record Column(String name) implements Value {
    }

    /** root is "meta", "$meta", "tags" or a dynamic field name; path holds String keys and Integer indexes. */
    record JsonPath(String root, List<Object> path) implements Value {
    }

    /** Long, Double, String or Boolean. */
    record Constant(Object value) implements Value {
    }

    /** op is one of + - * / % **. */
    record Arith(String op, Value left, Value right) implements Value {
    }

    record Negate(Value operand) implements Value {
    }

    record ArrayLength(Value target) implements Value {
    }

    // ---- conditions ----

    sealed interface Cond {
    }

    record Junction(boolean and, List<Cond> parts) implements Cond {
    }

    record Not(Cond operand) implements Cond {
    }

    record Compare(String op, Value left, Value right) implements Cond {
    }

    /** {@code low op1 middle op2 high}. */
    record Range(Value low, String op1, Value middle, String op2, Value high) implements Cond {
    }

    record In(Value target, List<Object> list, boolean negated) implements Cond {
    }

    record Like(Value target, String pattern) implements Cond {
    }

    record IsNull(Value target, boolean negated) implements Cond {
    }

    record Exists(JsonPath target) implements Cond {
    }

    /** function: json_contains, json_contains_all, ..., array_contains_any (rendered in either case). */
    record Contains(String function, Value target, Object argument) implements Cond {
    }

    /** A Bool column, a JSON value or a boolean constant used as a condition. */
    record Truth(Value value) implements Cond {
    }

    /** One of a few explicit ill-typed shapes, already rendered; the whole filter must be rejected. */
    record IllTyped(String text) implements Cond {
    }

    /** Whether the filter must be rejected: exactly when it contains an {@link IllTyped} part. */
    static boolean rejected(Cond cond) {
        if (cond instanceof Junction junction) {
            return junction.parts().stream().anyMatch(ReferenceFilter::rejected);
        }
        if (cond instanceof Not not) {
            return rejected(not.operand());
        }
        return cond instanceof IllTyped;
    }

    // ---- evaluation ----

    static boolean test(Cond cond, Row row) {
        if (cond instanceof Junction junction) {
            for (Cond part : junction.parts()) {
                boolean result = test(part, row);
                if (junction.and() && !result) {
                    return false;
                }
                if (!junction.and() && result) {
                    return true;
                }
            }
            return junction.and();
        }
        if (cond instanceof Not not) {
            return !test(not.operand(), row);
        }
        if (cond instanceof Compare compare) {
            return holds(compare.op(), value(compare.left(), row), value(compare.right(), row));
        }
        if (cond instanceof Range range) {
            Object middle = value(range.middle(), row);
            return holds(range.op1(), value(range.low(), row), middle)
                    && holds(range.op2(), middle, value(range.high(), row));
        }
        if (cond instanceof In in) {
            Object target = value(in.target(), row);
            boolean found = false;
            for (Object item : in.list()) {
                if (holds("==", target, item)) {
                    found = true;
                }
            }
            return in.negated() ? !found : found;
        }
        if (cond instanceof Like like) {
            return value(like.target(), row) instanceof String text && likeMatches(like.pattern(), 0, text, 0);
        }
        if (cond instanceof IsNull isNull) {
            boolean isNullValue = value(isNull.target(), row) == null;
            return isNull.negated() ? !isNullValue : isNullValue;
        }
        if (cond instanceof Exists exists) {
            return value(exists.target(), row) != null;
        }
        if (cond instanceof Contains contains) {
            return contains(contains.function(), value(contains.target(), row), contains.argument());
        }
        if (cond instanceof Truth truth) {
            return Boolean.TRUE.equals(value(truth.value(), row));
        }
        throw new IllegalStateException("an ill-typed filter has no value: " + cond);
    }

    static Object value(Value value, Row row) {
        if (value instanceof Constant constant) {
            return constant.value();
        }
        if (value instanceof Column column) {
            return switch (column.name()) {
                case "id" -> row.id();
                case "age" -> row.age();
                case "score" -> row.score();
                case "flag" -> row.flag();
                case "name" -> row.name();
                case "tags" -> row.tags();
                default -> throw new IllegalArgumentException(column.name());
            };
        }
        if (value instanceof JsonPath json) {
            Object current = switch (json.root()) {
                case "meta" -> row.meta();
                case "$meta" -> row.dynamic();
                case "tags" -> row.tags();
                default -> row.dynamic().get(json.root());
            };
            for (Object step : json.path()) {
                if (step instanceof String key && current instanceof Map<?, ?> map) {
                    current = map.get(key);
                } else if (step instanceof Integer index && current instanceof List<?> list && index < list.size()) {
                    current = list.get(index);
                } else {
                    return null;
                }
            }
            return current;
        }
        if (value instanceof Negate negate) {
            Object operand = value(negate.operand(), row);
            return operand instanceof Long n ? (Object) (-n) : operand instanceof Double d ? (Object) (-d) : null;
        }
        if (value instanceof ArrayLength length) {
            return value(length.target(), row) instanceof List<?> list ? (Object) (long) list.size() : null;
        }
        Arith arith = (Arith) value;
        return arithmetic(arith.op(), value(arith.left(), row), value(arith.right(), row));
    }

    /** Long op Long stays Long except for **; a zero divisor or a non-finite result gives no value. */
    static Object arithmetic(String op, Object a, Object b) {
        if (!(a instanceof Number) || !(b instanceof Number)) {
            return null;
        }
        if (a instanceof Long x && b instanceof Long y && !op.equals("**")) {
            return switch (op) {
                case "+" -> x + y;
                case "-" -> x - y;
                case "*" -> x * y;
                case "/" -> y == 0 ? null : x / y;
                default -> y == 0 ? null : x % y;
            };
        }
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        double result = switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "/" -> y == 0 ? Double.NaN : x / y;
            case "%" -> y == 0 ? Double.NaN : x % y;
            default -> Math.pow(x, y);
        };
        return Double.isFinite(result) ? result : null;
    }

    /** Missing values and values of different kinds never satisfy a comparison; booleans only ==/!=. */
    static boolean holds(String op, Object a, Object b) {
        int c;
        if (a instanceof Long x && b instanceof Long y) {
            c = Long.compare(x, y);
        } else if (a instanceof Number x && b instanceof Number y) {
            c = exact(x).compareTo(exact(y));
        } else if (a instanceof String x && b instanceof String y) {
            c = x.compareTo(y);
        } else if (a instanceof Boolean x && b instanceof Boolean y) {
            if (!op.equals("==") && !op.equals("!=")) {
                return false;
            }
            c = x.equals(y) ? 0 : 1;
        } else {
            return false;
        }
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    /** Scalars compared by value, so 2 and 2.0 are the same element. */
    private static boolean sameScalar(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return exact(x).compareTo(exact(y)) == 0;
        }
        return a != null && a.equals(b);
    }

    /** Numbers compared exactly: a long past 2^53 is not equal to the nearest double. */
    private static BigDecimal exact(Number number) {
        return number instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal(number.doubleValue());
    }

    private static boolean listHas(List<?> list, Object wanted) {
        for (Object element : list) {
            if (sameScalar(element, wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String function, Object target, Object argument) {
        if (!(target instanceof List<?> list)) {
            return false;
        }
        if (function.endsWith("_all")) {
            for (Object wanted : (List<?>) argument) {
                if (!listHas(list, wanted)) {
                    return false;
                }
            }
            return true;
        }
        if (function.endsWith("_any")) {
            for (Object wanted : (List<?>) argument) {
                if (listHas(list, wanted)) {
                    return true;
                }
            }
            return false;
        }
        return listHas(list, argument);
    }

    /** {@code %} any run, {@code _} one character, backslash makes the next character literal. */
    private static boolean likeMatches(String pattern, int p, String text, int t) {
        if (p == pattern.length()) {
            return t == text.length();
        }
        char c = pattern.charAt(p);
        if (c == '%') {
            for (int rest = t; rest <= text.length(); rest++) {
                if (likeMatches(pattern, p + 1, text, rest)) {
                    return true;
                }
            }
            return false;
        }
        if (t == text.length()) {
            return false;
        }
        if (c == '_') {
            return likeMatches(pattern, p + 1, text, t + 1);
        }
        if (c == '\\' && p + 1 < pattern.length()) {
            return pattern.charAt(p + 1) == text.charAt(t) && likeMatches(pattern, p + 2, text, t + 1);
        }
        return c == text.charAt(t) && likeMatches(pattern, p + 1, text, t + 1);
    }
}
