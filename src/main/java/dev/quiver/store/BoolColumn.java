package dev.quiver.store;

import java.util.BitSet;

/** A Bool field, one bit a row. */
public final class BoolColumn extends Column {

    private final BitSet values = new BitSet();

    BoolColumn(boolean nullable) {
        super(nullable);
    }

    public boolean get(int ordinal) {
        return values.get(ordinal);
    }

    @Override
    Object boxed(int ordinal) {
        return values.get(ordinal);
    }

    @Override
    void grow(int capacity) {
        // BitSet grows on demand.
    }

    @Override
    void store(int ordinal, Object value) {
        values.set(ordinal, (Boolean) value);
    }

    @Override
    void copyValue(Column source, int from, int to) {
        values.set(to, ((BoolColumn) source).values.get(from));
    }
}
