package dev.quiver.store;

import java.util.Arrays;

/** A VarChar field; null rows hold null, so {@link #get} answers null for them. */
public final class VarCharColumn extends Column {

    private String[] values = new String[0];

    VarCharColumn(boolean nullable) {
        super(nullable);
    }

    public String get(int ordinal) {
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
        values[ordinal] = (String) value;
    }
}
