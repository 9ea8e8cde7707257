package dev.quiver.store;

/** A VarChar field; null rows hold null, so {@link #get} answers null for them. */
public final class VarCharColumn extends ObjectColumn {

    VarCharColumn(boolean nullable) {
        super(nullable);
    }

    public String get(int ordinal) {
        return (String) values[ordinal];
    }

    @Override
    void store(int ordinal, Object value) {
        values[ordinal] = (String) value;
    }
}
