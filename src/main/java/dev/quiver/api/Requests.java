package dev.quiver.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quiver.collection.QueryVector;
import dev.quiver.collection.RowsJson;
import dev.quiver.collection.SearchRequest;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/** The request bodies of the v1 routes. Unknown keys are ignored, as Milvus does. */
final class Requests {

    private Requests() {
    }

    @Schema(name = "CreateCollectionRequest")
    record CreateCollection(
            String dbName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "book") String collectionName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "2", maximum = "32768", example = "4")
            Integer dimension,
            @Schema(allowableValues = {"L2", "IP", "COSINE"}, defaultValue = "L2") String metricType,
            @Schema(defaultValue = "id") String primaryField,
            @Schema(defaultValue = "vector") String vectorField,
            String description,
            @Schema(defaultValue = "true") Boolean enableDynamicField,
            @Schema(description = "Quiver extension: false lets clients supply ids (and makes upsert possible); "
                    + "when absent, true for Int64 ids and false for VarChar ids", extensions = @Extension(properties = @ExtensionProperty(
                            name = "x-quiver-extension", value = "true", parseValue = true)))
            Boolean autoId,
            @Schema(description = "Quiver extension: primary key type", allowableValues = {"Int64", "VarChar"},
                    defaultValue = "Int64", extensions = @Extension(properties = @ExtensionProperty(
                            name = "x-quiver-extension", value = "true", parseValue = true)))
            String idType,
            @Schema(description = "Quiver extension: maximum length of VarChar ids (65535 when absent); only "
                    + "for idType VarChar", minimum = "1", maximum = "65535", extensions = @Extension(properties = @ExtensionProperty(
                            name = "x-quiver-extension", value = "true", parseValue = true)))
            Integer maxLength,
            @ArraySchema(arraySchema = @Schema(description = "Quiver extension: typed scalar fields, after the "
                    + "primary key and vector fields (at most 64)"), extensions = @Extension(properties =
                            @ExtensionProperty(name = "x-quiver-extension", value = "true", parseValue = true)))
            List<ScalarField> fields,
            @Schema(description = "Quiver extension: how the vectors are indexed. AUTOINDEX scans small segments "
                    + "exactly and gives larger ones an HNSW graph; HNSW gives every segment a graph; FLAT always "
                    + "scans exactly", allowableValues = {"AUTOINDEX", "HNSW", "FLAT"}, defaultValue = "AUTOINDEX",
                    extensions = @Extension(properties = @ExtensionProperty(
                            name = "x-quiver-extension", value = "true", parseValue = true)))
            String indexType,
            @Schema(description = "Quiver extension: HNSW build parameters, for AUTOINDEX and HNSW",
                    extensions = @Extension(properties = @ExtensionProperty(
                            name = "x-quiver-extension", value = "true", parseValue = true)))
            IndexParams indexParams) implements ApiRequest {
    }

    @Schema(name = "IndexParams", description = "HNSW build parameters, as Milvus names them")
    record IndexParams(
            @JsonProperty("M") @Schema(description = "Most links per node (twice as many on the base level)",
                    minimum = "2", maximum = "512", defaultValue = "16") Integer m,
            @Schema(description = "Candidates considered when a node is linked in", minimum = "1",
                    maximum = "3200", defaultValue = "100") Integer efConstruction) {
    }

    @Schema(name = "ScalarField", description = "A typed scalar field (Quiver extension); type names are "
            + "case-insensitive")
    record ScalarField(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "age") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"Bool", "Int8", "Int16", "Int32",
                    "Int64", "Float", "Double", "VarChar", "JSON", "Array"}) String type,
            @Schema(description = "Longest value of a VarChar field or of VarChar Array elements; required for them",
                    minimum = "1", maximum = "65535") Integer maxLength,
            @Schema(description = "Element type of an Array field; required for it", allowableValues = {"Bool",
                    "Int8", "Int16", "Int32", "Int64", "Float", "Double", "VarChar"}) String elementType,
            @Schema(description = "Most elements of an Array field; required for it", minimum = "1",
                    maximum = "4096") Integer maxCapacity,
            @Schema(description = "Whether rows may leave the field out or set it to null", defaultValue = "false")
            Boolean nullable,
            String description) {
    }

    @Schema(name = "DropCollectionRequest")
    record DropCollection(
            String dbName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String collectionName) implements ApiRequest {
    }

    @Schema(name = "InsertRequest")
    record Insert(
            String dbName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String collectionName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "An array of rows; keys are field names (one row object, not in an array, is accepted too)")
            @JsonDeserialize(using = RowsJsonDeserializer.class) RowsJson data) implements ApiRequest {
    }

    @Schema(name = "GetRequest")
    record Get(
            String dbName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String collectionName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The primary keys to fetch (one key, not in an array, is accepted too)")
            JsonNode id,
            @Schema(description = "Fields to return; default [\"*\"]") List<String> outputFields,
            @Schema(description = "Quiver extension: answer as the collection was at this moment, epoch "
                    + "milliseconds (digits, or a JSON number) or ISO-8601, inside the retention window", implementation = String.class,
                    example = "2026-12-01T10:15:30Z", extensions = @Extension(properties = @ExtensionProperty(
                            name = "x-quiver-extension", value = "true", parseValue = true)))
            JsonNode travelTimestamp) implements ApiRequest {
    }

    @Schema(name = "QueryRequest")
    record Query(
            String dbName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String collectionName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "id in [1, 2]") String filter,
            @Schema(description = "Fields to return; default [\"*\"]") List<String> outputFields,
            @Schema(defaultValue = "100", description = "0 returns every match") Integer limit,
            @Schema(defaultValue = "0") Integer offset,
            @Schema(description = "Quiver extension: answer as the collection was at this moment, epoch "
                    + "milliseconds (digits, or a JSON number) or ISO-8601, inside the retention window", implementation = String.class,
                    example = "2026-12-01T10:15:30Z", extensions = @Extension(properties = @ExtensionProperty(
                            name = "x-quiver-extension", value = "true", parseValue = true)))
            JsonNode travelTimestamp) implements ApiRequest {
    }

    @Schema(name = "SearchRequest")
    record Search(
            String dbName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String collectionName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "One query vector")
            JsonNode vector,
            String filter,
            @Schema(defaultValue = "100", minimum = "1", maximum = "16384") Integer limit,
            @Schema(defaultValue = "0") Integer offset,
            @Schema(description = "Fields to return besides id and distance") List<String> outputFields,
            SearchParams params,
            @Schema(description = "Quiver extension: answer as the collection was at this moment, epoch "
                    + "milliseconds (digits, or a JSON number) or ISO-8601, inside the retention window", implementation = String.class,
                    example = "2026-12-01T10:15:30Z", extensions = @Extension(properties = @ExtensionProperty(
                            name = "x-quiver-extension", value = "true", parseValue = true)))
            JsonNode travelTimestamp) implements ApiRequest {

        SearchRequest toSearchRequest() {
            return new SearchRequest(dbName, collectionName, QueryVector.of(vector), filter, limit, offset, outputFields,
                    params == null ? null : params.radius(), params == null ? null : params.rangeFilter(),
                    params == null ? null : params.ef(), travelTimestamp);
        }
    }

    @Schema(name = "SearchParams", description = "Range search bounds (Milvus 2.4) and the HNSW search width")
    record SearchParams(
            Double radius,
            @JsonProperty("range_filter") Double rangeFilter,
            @Schema(description = "Candidates an HNSW search keeps; at least the hits asked for (offset + limit) "
                    + "are kept whatever this says. More finds more true neighbours, more slowly", minimum = "1",
                    maximum = "32768", defaultValue = "64") Integer ef) {
    }

    @Schema(name = "DeleteRequest")
    record Delete(
            String dbName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String collectionName,
            @Schema(description = "Primary keys (one key, not in an array, is accepted too); ignored when "
                    + "filter is set") JsonNode id,
            @Schema(description = "Delete every entity matching this expression") String filter)
            implements ApiRequest {
    }

    @Schema(name = "RestoreRequest", description = "Quiver extension: bring soft-deleted entities back",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-quiver-extension", value = "true",
                    parseValue = true)))
    record Restore(
            String dbName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String collectionName,
            @Schema(description = "Primary keys (one key, not in an array, is accepted too); ignored when "
                    + "filter is set") JsonNode id,
            @Schema(description = "Restore every deleted entity whose latest deleted version matches") String filter)
            implements ApiRequest {
    }

    @Schema(name = "DeletionsRequest", description = "Quiver extension: who deleted what, oldest first",
            extensions = @Extension(properties = @ExtensionProperty(name = "x-quiver-extension", value = "true",
                    parseValue = true)))
    record Deletions(
            String dbName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String collectionName,
            @Schema(description = "Only deletions at or after this moment, epoch milliseconds (digits, or a "
                    + "JSON number) or ISO-8601", implementation = String.class, example = "2026-12-01T00:00:00Z")
            JsonNode since,
            @Schema(defaultValue = "100", minimum = "1", maximum = "16384") Integer limit,
            @Schema(description = "The nextCursor of the previous page") String cursor) implements ApiRequest {
    }
}
