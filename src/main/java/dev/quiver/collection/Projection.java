package dev.quiver.collection;

import dev.quiver.error.QuiverException;
import dev.quiver.store.ScalarType;
import dev.quiver.store.Segment;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which fields a result row carries, resolved once per request from {@code outputFields}.
 * {@code "*"} means every field, vectors, typed scalar fields and dynamic keys included (Milvus
 * 2.3+). Row keys come out in alphabetical order, as Milvus's Go maps render them. Typed fields
 * render natively: JSON fields as JSON, Arrays as plain JSON arrays (Milvus 3.x shapes), null as
 * JSON null.
 */
final class Projection {

    private static final String ALL = "*";
    private static final String META = "$meta";

    private final CollectionSchema schema;
    private final boolean primaryKey;
    private final boolean vector;
    private final boolean allDynamic;
    private final List<String> dynamicKeys;
    /** Typed scalar fields to render, by column index in schema order. */
    private final BitSet scalars;

    private Projection(CollectionSchema schema, boolean primaryKey, boolean vector, boolean allDynamic,
            List<String> dynamicKeys, BitSet scalars) {
        this.schema = schema;
        this.primaryKey = primaryKey;
        this.vector = vector;
        this.allDynamic = allDynamic;
        this.dynamicKeys = dynamicKeys;
        this.scalars = scalars;
    }

    /**
     * @param requested the client's {@code outputFields}, or null
     * @param defaultAll whether absent or empty {@code outputFields} mean {@code ["*"]} (get, query)
     *     or nothing beyond id and distance (search)
     */
    static Projection of(List<String> requested, CollectionSchema schema, boolean defaultAll) {
        List<String> fields = requested == null || requested.isEmpty()
                ? (defaultAll ? List.of(ALL) : List.of()) : requested;
        boolean primaryKey = defaultAll;
        boolean vector = false;
        boolean allDynamic = false;
        List<String> dynamicKeys = new ArrayList<>();
        BitSet scalars = new BitSet();
        for (String field : fields) {
            if (field == null || field.isEmpty()) {
                throw QuiverException.invalid("outputFields holds an empty or null field name");
            }
            int scalar = schema.scalarFieldIndex(field);
            if (field.equals(ALL)) {
                primaryKey = true;
                vector = true;
                allDynamic = schema.dynamicFields();
                scalars.set(0, schema.scalarFields().size());
            } else if (field.equals(schema.primaryField())) {
                primaryKey = true;
            } else if (field.equals(schema.vectorField())) {
                vector = true;
            } else if (scalar >= 0) {
                scalars.set(scalar);
            } else if (schema.dynamicFields() && field.equals(META)) {
                allDynamic = true;
            } else if (schema.dynamicFields()) {
                dynamicKeys.add(field);
            } else {
                throw QuiverException.invalid("outputFields names field '" + field + "', which does not exist in "
                        + "collection '" + schema.name() + "'");
            }
        }
        return new Projection(schema, primaryKey, vector, allDynamic, List.copyOf(dynamicKeys), scalars);
    }

    /** The projected fields of the row at a snapshot ordinal. Call under the collection's read lock. */
    Map<String, Object> render(Snapshot rows, int ordinal) {
        return render(rows.segmentOf(ordinal), rows.local(ordinal));
    }

    /** The projected fields of one row of a segment. Call under the collection's read lock. */
    Map<String, Object> render(Segment segment, int ordinal) {
        Map<String, Object> row = new TreeMap<>();
        Map<String, Object> dynamic = segment.dynamicFields(ordinal);
        if (dynamic != null) {
            if (allDynamic) {
                row.putAll(dynamic);
            } else {
                for (String key : dynamicKeys) {
                    Object value = dynamic.get(key);
                    if (value != null) {
                        row.put(key, value);
                    }
                }
            }
        }
        // Schema fields are put last so they win over a dynamic key of the same name.
        for (int index = scalars.nextSetBit(0); index >= 0; index = scalars.nextSetBit(index + 1)) {
            ScalarField field = schema.scalarFields().get(index);
            row.put(field.name(), output(field, segment.column(index).value(ordinal)));
        }
        if (primaryKey) {
            row.put(schema.primaryField(), segment.key(ordinal));
        }
        if (vector) {
            row.put(schema.vectorField(), segment.vector(ordinal));
        }
        return row;
    }

    /**
     * Float array elements are stored as the Double of their float32 value; they go out as Float
     * so the client reads back {@code 0.1}, not {@code 0.10000000149011612}.
     */
    private static Object output(ScalarField field, Object value) {
        if (value == null || field.type() != ScalarType.ARRAY || field.elementType() != ScalarType.FLOAT) {
            return value;
        }
        List<?> elements = (List<?>) value;
        List<Object> floats = new ArrayList<>(elements.size());
        for (Object element : elements) {
            floats.add(((Double) element).floatValue());
        }
        return floats;
    }
}
