package dev.quiver.expr;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * A compiled value expression, by static type, so comparisons over typed columns run on
 * primitives. {@code present} tells which rows have a value (null: every row); {@code label}
 * names the expression in error messages ("Int64 field 'age'", "string literal").
 */
sealed interface Operand {

    String label();

    int position();

    /** A constant: Long, Double, String, Boolean or a List of those. */
    record Const(Object value, String label, int position) implements Operand {
    }

    record Int(IntToLongFunction reader, IntPredicate present, String label, int position) implements Operand {
    }

    /**
     * A Float or Double value; {@code float32} marks a Float column, against which constants are
     * rounded to float first (as Milvus does), so a stored 0.1f equals the literal 0.1.
     */
    record Real(IntToDoubleFunction reader, IntPredicate present, boolean float32, String label, int position)
            implements Operand {
    }

    record Bool(IntPredicate reader, IntPredicate present, String label, int position) implements Operand {
    }

    /** A string; the reader returns null for rows without a value. */
    record Text(IntFunction<String> reader, String label, int position) implements Operand {
    }

    /** An untyped JSON value; the reader returns null when missing. */
    record Json(IntFunction<Object> reader, String label, int position) implements Operand {
    }

    /** An Array field: elements are Long, Double, String or Boolean by {@code elementType}. */
    record Arr(IntFunction<List<Object>> reader, String elementType, String label, int position) implements Operand {
    }

    /** The reader of an Array or JSON operand, whose rows may hold a list; null for any other. */
    static IntFunction<?> listSource(Operand operand) {
        if (operand instanceof Arr array) {
            return array.reader();
        }
        return operand instanceof Json json ? json.reader() : null;
    }

    /** Reads any operand boxed, null when absent; the slow path for mixed and JSON comparisons. */
    static IntFunction<Object> boxed(Operand operand) {
        if (operand instanceof Const c) {
            Object value = c.value();
            return ordinal -> value;
        }
        if (operand instanceof Int i) {
            IntToLongFunction reader = i.reader();
            IntPredicate present = i.present();
            return present == null ? reader::applyAsLong
                    : ordinal -> present.test(ordinal) ? (Object) reader.applyAsLong(ordinal) : null;
        }
        if (operand instanceof Real r) {
            IntToDoubleFunction reader = r.reader();
            IntPredicate present = r.present();
            return present == null ? reader::applyAsDouble
                    : ordinal -> present.test(ordinal) ? (Object) reader.applyAsDouble(ordinal) : null;
        }
        if (operand instanceof Bool b) {
            IntPredicate reader = b.reader();
            IntPredicate present = b.present();
            return present == null ? reader::test
                    : ordinal -> present.test(ordinal) ? (Object) reader.test(ordinal) : null;
        }
        if (operand instanceof Text t) {
            return t.reader()::apply;
        }
        if (operand instanceof Arr a) {
            return a.reader()::apply;
        }
        return ((Json) operand).reader();
    }

    /** Both presence tests, either of which may be null (always present). */
    static IntPredicate both(IntPredicate a, IntPredicate b) {
        return a == null ? b : b == null ? a : a.and(b);
    }

    /** The predicate, limited to rows where {@code present} holds. */
    static IntPredicate where(IntPredicate present, IntPredicate predicate) {
        return present == null ? predicate : ordinal -> present.test(ordinal) && predicate.test(ordinal);
    }
}
