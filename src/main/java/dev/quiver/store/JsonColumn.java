package dev.quiver.store;

/**
 * A JSON field as plain Java values (Long, Double, String, Boolean, List, Map), like dynamic
 * fields; null rows hold null.
 */
public final class JsonColumn extends ObjectColumn {

    JsonColumn(boolean nullable) {
        super(nullable);
    }

    public Object get(int ordinal) {
        return values[ordinal];
    }

    @Override
    void store(int ordinal, Object value) {
        values[ordinal] = value;
    }
}
