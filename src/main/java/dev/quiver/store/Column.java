package dev.quiver.store;

import java.util.BitSet;
import java.util.function.IntPredicate;

/**
 * One typed scalar field of a {@link Segment}, stored as a primitive array indexed by row
 * ordinal, plus a null bitmap when the field is nullable. Each implementation exposes a typed
 * {@code get(ordinal)} that filters call without boxing; {@link #value(int)} boxes for output.
 *
 * <p>Integer columns keep their declared width ({@code byte[]}, {@code short[]}, {@code int[]},
 * {@code long[]}): an Int8 column of a million rows takes 1 MB instead of 8, a filter scan reads
 * proportionally fewer cache lines, and widening to {@code long} on read is free.
 *
 * <p>The segment grows its columns in step with its own arrays and sets each row once, when it is
 * appended. Values arrive validated, as the plain values of the insert path: {@link Long} for
 * integers, {@link Double} for Float and Double, {@link Boolean}, {@link String}, and for JSON and
 * Array the plain Java values (Array elements Long, Double, String or Boolean). Not thread-safe:
 * the segment's owner guards it.
 */
public abstract sealed class Column
        permits BoolColumn, Int8Column, Int16Column, Int32Column, Int64Column, FloatColumn, DoubleColumn,
        ObjectColumn {

    /** Rows holding SQL null; null when the column is not nullable. */
    private final BitSet nulls;

    Column(boolean nullable) {
        this.nulls = nullable ? new BitSet() : null;
    }

    /** An empty column for a field of this type; the segment sizes it. */
    public static Column of(ScalarType type, boolean nullable) {
        return switch (type) {
            case BOOL -> new BoolColumn(nullable);
            case INT8 -> new Int8Column(nullable);
            case INT16 -> new Int16Column(nullable);
            case INT32 -> new Int32Column(nullable);
            case INT64 -> new Int64Column(nullable);
            case FLOAT -> new FloatColumn(nullable);
            case DOUBLE -> new DoubleColumn(nullable);
            case VARCHAR -> new VarCharColumn(nullable);
            case JSON -> new JsonColumn(nullable);
            case ARRAY -> new ArrayColumn(nullable);
        };
    }

    public final boolean nullable() {
        return nulls != null;
    }

    public final boolean isNull(int ordinal) {
        return nulls != null && nulls.get(ordinal);
    }

    /** Which rows hold null, for filters; null when the column cannot hold null. */
    public final IntPredicate nulls() {
        return nulls == null ? null : nulls::get;
    }

    /** A row's value boxed for output, or null for a null row. */
    public final Object value(int ordinal) {
        return isNull(ordinal) ? null : boxed(ordinal);
    }

    abstract Object boxed(int ordinal);

    /** Resizes the value array to {@code capacity} rows, keeping the rows already set. */
    abstract void grow(int capacity);

    abstract void store(int ordinal, Object value);

    /** Copies row {@code from} of a column of the same class into row {@code to} of this one. */
    abstract void copyValue(Column source, int from, int to);

    /** Copies a row, null bit included, from a column of the same type (compaction). */
    final void copyRow(Column source, int from, int to) {
        if (source.isNull(from)) {
            nulls.set(to);
            return;
        }
        if (nulls != null) {
            nulls.clear(to);
        }
        copyValue(source, from, to);
    }

    /** Sets a freshly appended row. The bit is written either way, so a reused ordinal is clean. */
    final void set(int ordinal, Object value) {
        if (value == null) {
            if (nulls == null) {
                throw new IllegalArgumentException("null in a column that is not nullable, row " + ordinal);
            }
            nulls.set(ordinal);
            return;
        }
        if (nulls != null) {
            nulls.clear(ordinal);
        }
        store(ordinal, value);
    }
}
