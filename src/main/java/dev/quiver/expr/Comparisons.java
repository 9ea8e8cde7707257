package dev.quiver.expr;

import dev.quiver.expr.Operand.Arr;
import dev.quiver.expr.Operand.Bool;
import dev.quiver.expr.Operand.Const;
import dev.quiver.expr.Operand.Json;
import dev.quiver.expr.Operand.Real;
import dev.quiver.expr.Operand.Text;
import dev.quiver.expr.Node.ListLiteral;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * Comparisons and {@code in} over compiled operands. Typed pairs compare primitives; anything
 * involving an untyped JSON value compares boxed, where a missing value or a value of another
 * type makes the comparison false (as in Milvus). Mismatched typed operands are rejected here,
 * before any row is read.
 */
final class Comparisons {

    private static final int SMALL_LIST = 4;

    private Comparisons() {
    }

    /** One lambda per operator, so the hot loop has no operator switch in it. */
    private static IntPredicate longVersusConstant(CompareOp op, IntToLongFunction x, long c) {
        return switch (op) {
            case EQ -> ordinal -> x.applyAsLong(ordinal) == c;
            case NE -> ordinal -> x.applyAsLong(ordinal) != c;
            case LT -> ordinal -> x.applyAsLong(ordinal) < c;
            case LE -> ordinal -> x.applyAsLong(ordinal) <= c;
            case GT -> ordinal -> x.applyAsLong(ordinal) > c;
            case GE -> ordinal -> x.applyAsLong(ordinal) >= c;
        };
    }

    static IntPredicate compare(CompareOp op, Operand a, Operand b, int position) {
        if (a instanceof Const && !(b instanceof Const)) {
            return compare(op.flipped(), b, a, position);
        }
        rejectArrays(a, b, position);
        if (a instanceof Const x && b instanceof Const y) {
            requireComparable(op, x.value(), y.value(), position);
            boolean result = JsonValues.holds(op, x.value(), y.value());
            return ordinal -> result;
        }
        if (a instanceof Json json && b instanceof Const constant) {
            IntFunction<Object> x = json.reader();
            Object c = constant.value();
            if (c instanceof Long bound) {
                // Untyped value against an integer: the common numeric filter, without the generic path.
                long limit = bound;
                return ordinal -> {
                    Object value = x.apply(ordinal);
                    if (value instanceof Long number) {
                        return op.holds(Long.compare(number, limit));
                    }
                    return value instanceof Double number && op.holds(-JsonValues.compareExact(limit, number));
                };
            }
            return ordinal -> JsonValues.holds(op, x.apply(ordinal), c);
        }
        if (a instanceof Json || b instanceof Json) {
            IntFunction<Object> x = Operand.boxed(a);
            IntFunction<Object> y = Operand.boxed(b);
            return ordinal -> JsonValues.holds(op, x.apply(ordinal), y.apply(ordinal));
        }
        IntPredicate present = Operand.both(Operands.present(a), Operands.present(b));
        return Operand.where(present, typed(op, a, b, position));
    }

    private static IntPredicate typed(CompareOp op, Operand a, Operand b, int position) {
        if (Operands.isInteger(a) && Operands.isInteger(b)) {
            IntToLongFunction x = Operands.longs(a);
            if (b instanceof Const c) {
                return longVersusConstant(op, x, (Long) c.value());
            }
            IntToLongFunction y = Operands.longs(b);
            return ordinal -> op.holds(Long.compare(x.applyAsLong(ordinal), y.applyAsLong(ordinal)));
        }
        if (Operands.isInteger(a) && Operands.isNumeric(b)) {
            IntToLongFunction x = Operands.longs(a);
            IntToDoubleFunction y = Operands.doubles(b);
            return ordinal -> op.holds(JsonValues.compareExact(x.applyAsLong(ordinal), y.applyAsDouble(ordinal)));
        }
        if (Operands.isInteger(b) && Operands.isNumeric(a)) {
            return typed(op.flipped(), b, a, position);
        }
        if (Operands.isNumeric(a) && Operands.isNumeric(b)) {
            IntToDoubleFunction x = Operands.doubles(a);
            IntToDoubleFunction y = asFloat32(a, b);
            return ordinal -> op.holds(JsonValues.compareNumbers(x.applyAsDouble(ordinal), y.applyAsDouble(ordinal)));
        }
        if (a instanceof Text text && (b instanceof Text || (b instanceof Const c && c.value() instanceof String))) {
            IntFunction<String> x = text.reader();
            IntFunction<Object> y = Operand.boxed(b);
            return ordinal -> {
                String left = x.apply(ordinal);
                Object right = y.apply(ordinal);
                return left != null && right != null && op.holds(Integer.signum(left.compareTo((String) right)));
            };
        }
        if (a instanceof Bool bool && (b instanceof Bool || (b instanceof Const c && c.value() instanceof Boolean))) {
            if (!op.isEquality()) {
                throw new FilterException("'" + op.symbol + "' cannot order booleans; use == or !=", position);
            }
            IntPredicate x = bool.reader();
            IntFunction<Object> y = Operand.boxed(b);
            return ordinal -> op.holds(Boolean.valueOf(x.test(ordinal)).equals(y.apply(ordinal)) ? 0 : 1);
        }
        throw new FilterException("cannot compare " + a.label() + " with " + b.label(),
                b instanceof Const ? b.position() : position);
    }

    static IntPredicate in(Operand target, ListLiteral list) {
        List<Object> values = list.values();
        int position = list.position();
        rejectArrays(target, target, target.position());
        if (target instanceof Const) {
            throw new FilterException("expected a field before in, found " + target.label(), target.position());
        }
        if (target instanceof Json json) {
            Set<Object> keys = new HashSet<>();
            values.forEach(value -> keys.add(JsonValues.hashKey(value)));
            IntFunction<Object> reader = json.reader();
            return ordinal -> {
                Object value = reader.apply(ordinal);
                return value != null && keys.contains(JsonValues.hashKey(value));
            };
        }
        IntPredicate present = Operands.present(target);
        if (Operands.isNumeric(target)) {
            requireAll(list, Number.class, target);
            return Operand.where(present, numericIn(target, values));
        }
        if (target instanceof Text text) {
            requireAll(list, String.class, target);
            IntFunction<String> reader = text.reader();
            if (values.size() <= SMALL_LIST) {
                // A few equals calls beat hashing the row's string.
                String[] wanted = values.toArray(String[]::new);
                return ordinal -> {
                    String value = reader.apply(ordinal);
                    for (String candidate : wanted) {
                        if (candidate.equals(value)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            Set<Object> set = new HashSet<>(values);
            return ordinal -> set.contains(reader.apply(ordinal));
        }
        requireAll(list, Boolean.class, target);
        Set<Object> set = new HashSet<>(values);
        IntPredicate reader = ((Bool) target).reader();
        return Operand.where(present, ordinal -> set.contains(reader.test(ordinal)));
    }

    /**
     * Integers are matched exactly (a double list item only meets an integer it equals exactly);
     * Float columns meet constants rounded to float, as in comparisons.
     */
    private static IntPredicate numericIn(Operand target, List<Object> values) {
        long[] longs = values.stream().filter(Long.class::isInstance).mapToLong(value -> (Long) value).sorted().toArray();
        double[] doubles = values.stream().filter(value -> !(value instanceof Long))
                .mapToDouble(value -> ((Number) value).doubleValue()).toArray();
        if (Operands.isInteger(target)) {
            IntToLongFunction reader = Operands.longs(target);
            return ordinal -> {
                long value = reader.applyAsLong(ordinal);
                if (Arrays.binarySearch(longs, value) >= 0) {
                    return true;
                }
                for (double candidate : doubles) {
                    if (JsonValues.compareExact(value, candidate) == 0) {
                        return true;
                    }
                }
                return false;
            };
        }
        boolean float32 = target instanceof Real real && real.float32();
        double[] all = values.stream().mapToDouble(value -> {
            double number = ((Number) value).doubleValue();
            return (float32 ? (float) number : number) + 0.0;
        }).sorted().toArray();
        IntToDoubleFunction reader = Operands.doubles(target);
        return ordinal -> Arrays.binarySearch(all, reader.applyAsDouble(ordinal) + 0.0) >= 0;
    }

    /** The other operand of a comparison with {@code a}, rounded to float when {@code a} is a Float column. */
    private static IntToDoubleFunction asFloat32(Operand a, Operand b) {
        IntToDoubleFunction y = Operands.doubles(b);
        if (a instanceof Real real && real.float32() && b instanceof Const) {
            double rounded = (float) y.applyAsDouble(0);
            return ordinal -> rounded;
        }
        return y;
    }

    private static void requireAll(ListLiteral list, Class<?> type, Operand target) {
        for (int i = 0; i < list.values().size(); i++) {
            Object value = list.values().get(i);
            if (!type.isInstance(value)) {
                throw new FilterException("cannot compare " + target.label() + " with " + JsonValues.typeName(value)
                        + " literal in the list", list.positions().get(i));
            }
        }
    }

    private static void rejectArrays(Operand a, Operand b, int position) {
        Operand array = a instanceof Arr ? a : b instanceof Arr ? b : null;
        if (array != null) {
            throw new FilterException(array.label() + " cannot be compared as a whole; use array_contains, "
                    + "array_length or an [index]", position);
        }
    }

    private static void requireComparable(CompareOp op, Object a, Object b, int position) {
        int comparison = JsonValues.compare(a, b);
        if (comparison == JsonValues.INCOMPARABLE || (!op.isEquality() && a instanceof Boolean)) {
            throw new FilterException("cannot apply '" + op.symbol + "' to " + JsonValues.typeName(a) + " and "
                    + JsonValues.typeName(b), position);
        }
    }
}
