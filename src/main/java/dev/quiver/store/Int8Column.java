package dev.quiver.store;

import java.util.Arrays;

/** An Int8 field in a {@code byte[]}. */
public final class Int8Column extends Column {

    private byte[] values = new byte[0];

    Int8Column(boolean nullable) {
        super(nullable);
    }

    public byte get(int ordinal) {
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
        values[ordinal] = (byte) (long) (Long) value;
    }

    @Override
    void copyValue(Column source, int from, int to) {
        values[to] = ((Int8Column) source).values[from];
    }
}
