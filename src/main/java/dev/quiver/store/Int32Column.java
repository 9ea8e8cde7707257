package dev.quiver.store;

import java.util.Arrays;

/** An Int32 field in an {@code int[]}. */
public final class Int32Column extends Column {

    private int[] values = new int[0];

    Int32Column(boolean nullable) {
        super(nullable);
    }

    public int get(int ordinal) {
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
        values[ordinal] = (int) (long) (Long) value;
    }

    @Override
    void copyValue(Column source, int from, int to) {
        values[to] = ((Int32Column) source).values[from];
    }
}
