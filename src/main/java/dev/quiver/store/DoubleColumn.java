package dev.quiver.store;

import java.util.Arrays;

/** A Double field in a {@code double[]}. */
public final class DoubleColumn extends Column {

    private double[] values = new double[0];

    DoubleColumn(boolean nullable) {
        super(nullable);
    }

    public double get(int ordinal) {
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
        values[ordinal] = (Double) value;
    }

    @Override
    void copyValue(Column source, int from, int to) {
        values[to] = ((DoubleColumn) source).values[from];
    }
}
