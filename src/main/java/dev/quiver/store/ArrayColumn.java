package dev.quiver.store;

import java.util.Arrays;
import java.util.List;

/**
 * An Array field: one unmodifiable list a row, elements Long (integer types), Double (Float and
 * Double), String or Boolean; null rows hold null.
 */
public final class ArrayColumn extends Column {

    private Object[] values = new Object[0];

    ArrayColumn(boolean nullable) {
        super(nullable);
    }

    @SuppressWarnings("unchecked")
    public List<Object> get(int ordinal) {
        return (List<Object>) values[ordinal];
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
        values[ordinal] = List.copyOf((List<?>) value);
    }
}
