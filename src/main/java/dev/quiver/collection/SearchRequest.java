package dev.quiver.collection;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A search as the client sent it; nulls mean "use the default" (or, for the vector, "missing").
 *
 * @param radius Milvus range search outer bound ({@code params.radius})
 * @param rangeFilter Milvus range search inner bound ({@code params.range_filter})
 * @param ef candidates a graph search keeps ({@code params.ef}); more finds more true neighbours, slower
 * @param travelTimestamp when not null, search the collection as it was then (see {@link History})
 */
public record SearchRequest(
        String dbName,
        String collectionName,
        QueryVector vector,
        String filter,
        Integer limit,
        Integer offset,
        List<String> outputFields,
        Double radius,
        Double rangeFilter,
        Integer ef,
        JsonNode travelTimestamp) {
}
