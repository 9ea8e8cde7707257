package dev.quiver.collection;

/**
 * A create request as the client sent it; nulls mean "use the Milvus default".
 * {@code autoId}, {@code idType} and {@code maxLength} are Quiver extensions.
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
        Integer maxLength) {
}
