package dev.quiver.collection;

import java.util.Map;

/**
 * One validated row of an insert or upsert; {@code key} is null when the id is to be generated.
 * {@code scalars} holds the typed scalar fields' plain values in schema order (see
 * {@link ScalarValues}).
 */
record DecodedRow(Object key, float[] vector, Map<String, Object> dynamicFields, Object[] scalars) {
}
