package dev.quiver.store;

import java.util.Arrays;

/** An Int64 field in a {@code long[]}. */
public final class Int64Column extends Column {

    private long[] values = new long[0];

    Int64Column(boolean nullable) {
        super(nullable);
    }

    public long get(int ordinal) {
        return values[ordinal];
    }

    @Override
    Object boxed(int ordinal) {
        return values[ordinal];
    }

    @Override
    void grow(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    void store(int ordinal, Object value) {
        values[ordinal] = (Long) value;
    }

    @Override
    void copyValue(Column source, int from, int to) {
        values[to] = ((Int64Column) source).values[from];
    }
}
