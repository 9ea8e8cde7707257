package dev.quiver.store;

import java.util.List;

/**
 * An Array field: one unmodifiable list a row, elements Long (integer types), Double (Float and
 * Double), String or Boolean; null rows hold null.
 */
public final class ArrayColumn extends ObjectColumn {

    ArrayColumn(boolean nullable) {
        super(nullable);
    }

    @SuppressWarnings("unchecked")
    public List<Object> get(int ordinal) {
        return (List<Object>) values[ordinal];
    }

    @Override
    void store(int ordinal, Object value) {
        values[ordinal] = List.copyOf((List<?>) value);
    }
}
