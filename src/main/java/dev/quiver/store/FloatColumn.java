package dev.quiver.store;

import java.util.Arrays;

/** A Float field in a {@code float[]}, at float32 precision as Milvus stores it. */
public final class FloatColumn extends Column {

    private float[] values = new float[0];

    FloatColumn(boolean nullable) {
        super(nullable);
    }

    public float get(int ordinal) {
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
        values[ordinal] = (float) (double) (Double) value;
    }

    @Override
    void copyValue(Column source, int from, int to) {
        values[to] = ((FloatColumn) source).values[from];
    }
}
