package dev.quiver.store;

import java.util.Arrays;

/** An Int16 field in a {@code short[]}. */
public final class Int16Column extends Column {

    private short[] values = new short[0];

    Int16Column(boolean nullable) {
        super(nullable);
    }

    public short get(int ordinal) {
        return values[ordinal];
    }

    @Override
    Object boxed(int ordinal) {
        return (int) values[ordinal];
    }

    @Override
    void grow(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    void store(int ordinal, Object value) {
        values[ordinal] = (short) (long) (Long) value;
    }

    @Override
    void copyValue(Column source, int from, int to) {
        values[to] = ((Int16Column) source).values[from];
    }
}
