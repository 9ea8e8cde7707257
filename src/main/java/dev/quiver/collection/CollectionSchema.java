package dev.quiver.collection;

import dev.quiver.index.Metric;
import dev.quiver.store.IdType;
import dev.quiver.store.ScalarType;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed shape of a collection: a primary key, one float vector, typed scalar fields in declared
 * order, and optional dynamic fields.
 */
public record CollectionSchema(
        String dbName,
        String name,
        String description,
        String primaryField,
        IdType idType,
        int maxLength,
        boolean autoId,
        String vectorField,
        int dimension,
        Metric metric,
        boolean dynamicFields,
        List<ScalarField> scalarFields) {

    /** Milvus's index name for the vector field of collections made by v1 create. */
    public static final String INDEX_NAME = "vector_idx";

    public CollectionSchema {
        scalarFields = List.copyOf(scalarFields);
    }

    /** A schema without typed scalar fields. */
    public CollectionSchema(String dbName, String name, String description, String primaryField, IdType idType,
            int maxLength, boolean autoId, String vectorField, int dimension, Metric metric, boolean dynamicFields) {
        this(dbName, name, description, primaryField, idType, maxLength, autoId, vectorField, dimension, metric,
                dynamicFields, List.of());
    }

    /** The position of a typed scalar field (its segment column), or -1 when there is none of that name. */
    public int scalarFieldIndex(String fieldName) {
        for (int i = 0; i < scalarFields.size(); i++) {
            if (scalarFields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The fields whose values are Int64: the primary key when it is Int64, then the typed Int64
     * fields. {@code Accept-Type-Allow-Int64: false} renders their values as strings.
     */
    public List<String> int64Fields() {
        List<String> names = new ArrayList<>();
        if (idType == IdType.INT64) {
            names.add(primaryField);
        }
        for (ScalarField field : scalarFields) {
            if (field.type() == ScalarType.INT64) {
                names.add(field.name());
            }
        }
        return names;
    }
}
