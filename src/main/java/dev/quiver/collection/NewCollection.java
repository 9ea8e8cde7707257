package dev.quiver.collection;

import java.util.List;

/**
 * A create request as the client sent it; nulls mean "use the Milvus default".
 * {@code autoId}, {@code idType}, {@code maxLength}, {@code fields}, {@code indexType} and its
 * parameters are Quiver extensions.
 */
public record NewCollection(
        String dbName,
        String collectionName,
        Integer dimension,
        String metricType,
        String primaryField,
        String vectorField,
        String description,
        Boolean enableDynamicField,
        Boolean autoId,
        String idType,
        Integer maxLength,
        List<Field> fields,
        String indexType,
        Integer m,
        Integer efConstruction) {

    /** A create request with the default index. */
    public NewCollection(String dbName, String collectionName, Integer dimension, String metricType,
            String primaryField, String vectorField, String description, Boolean enableDynamicField, Boolean autoId,
            String idType, Integer maxLength, List<Field> fields) {
        this(dbName, collectionName, dimension, metricType, primaryField, vectorField, description,
                enableDynamicField, autoId, idType, maxLength, fields, null, null, null);
    }

    /** One typed scalar field as the client declared it, unvalidated. */
    public record Field(
            String name,
            String type,
            Integer maxLength,
            String elementType,
            Integer maxCapacity,
            Boolean nullable,
            String description) {
    }
}
