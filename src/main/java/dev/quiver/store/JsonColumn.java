package dev.quiver.store;

import java.util.Arrays;

/**
 * A JSON field as plain Java values (Long, Double, String, Boolean, List, Map), like dynamic
 * fields; null rows hold null.
 */
public final class JsonColumn extends Column {

    private Object[] values = new Object[0];

    JsonColumn(boolean nullable) {
        super(nullable);
    }

    public Object get(int ordinal) {
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
        values[ordinal] = value;
    }
}
