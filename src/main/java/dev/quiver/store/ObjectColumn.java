package dev.quiver.store;

import java.util.Arrays;

/**
 * The columns whose values are objects (VarChar, JSON, Array) share one {@code Object[]}; null
 * rows hold null, so their typed {@code get} answers null for them.
 */
abstract sealed class ObjectColumn extends Column permits VarCharColumn, JsonColumn, ArrayColumn {

    Object[] values = new Object[0];

    ObjectColumn(boolean nullable) {
        super(nullable);
    }

    @Override
    final Object boxed(int ordinal) {
        return values[ordinal];
    }

    @Override
    final void grow(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    final void copyValue(Column source, int from, int to) {
        values[to] = ((ObjectColumn) source).values[from];
    }
}
