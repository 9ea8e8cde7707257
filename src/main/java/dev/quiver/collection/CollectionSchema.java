package dev.quiver.collection;

import dev.quiver.index.Metric;
import dev.quiver.store.IdType;

/** The fixed shape of a collection: a primary key, one float vector, and optional dynamic fields. */
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
        boolean dynamicFields) {

    /** Milvus's index name for the vector field of collections made by v1 create. */
    public static final String INDEX_NAME = "vector_idx";
}
