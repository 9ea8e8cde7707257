package dev.quiver.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The answer of every route as the OpenAPI document describes it, so generated clients get
 * typed results. Only the document uses these records: the controllers build the same JSON from
 * maps, in Milvus's key order, and {@code GeneratedClientRoundTripTest} reads it back through a
 * client generated from this description. Every answer is HTTP 200; a failed request carries an
 * error code and a message instead of data.
 */
final class Answers {

    static final String CODE = "200 on success, otherwise the error code (message says what was wrong)";
    static final String MESSAGE = "What went wrong; absent on success";
    static final String PRIMARY_KEY = "A primary key: a number for Int64 ids (a string when the request sent "
            + "Accept-Type-Allow-Int64: false), a string for VarChar ids";

    private Answers() {
    }

    @Schema(name = "ErrorResponse", description = "A failed request: the error code and what was wrong")
    record Error(@Schema(description = "The error code", example = "1800") int code,
            @Schema(description = "What went wrong", example = "user hasn't authenticated") String message) {
    }

    @Schema(name = "EmptyResponse", description = "Create and drop: code 200 and an empty object")
    record Empty(@Schema(description = CODE, example = "200") int code,
            @Schema(description = "An empty object on success") Map<String, Object> data,
            @Schema(description = MESSAGE) String message) {
    }

    @Schema(name = "ListCollectionsResponse")
    record CollectionNames(@Schema(description = CODE, example = "200") int code,
            @ArraySchema(arraySchema = @Schema(description = "Collection names, in creation order"),
                    schema = @Schema(example = "book")) List<String> data,
            @Schema(description = MESSAGE) String message) {
    }

    @Schema(name = "DescribeCollectionResponse")
    record Describe(@Schema(description = CODE, example = "200") int code, CollectionDescription data,
            @Schema(description = MESSAGE) String message) {
    }

    @Schema(name = "CollectionDescription")
    record CollectionDescription(String collectionName, String description, boolean enableDynamicField,
            @ArraySchema(arraySchema = @Schema(description = "The primary key, the vector, then the scalar fields"))
            List<FieldDescription> fields,
            List<IndexDescription> indexes,
            @Schema(description = "Always LoadStateLoaded: collections are loaded at create",
                    example = "LoadStateLoaded") String load,
            @Schema(example = "1") int shardsNum) {
    }

    @Schema(name = "FieldDescription")
    record FieldDescription(boolean autoId, String description, @Schema(example = "id") String name,
            boolean partitionKey, boolean primaryKey,
            @Schema(description = "The type as Milvus names it: Int64, VarChar(64), FloatVector(4), Array...",
                    example = "Int64") String type,
            @Schema(description = "Element type of an Array field") String elementType,
            @Schema(description = "Most elements of an Array field") Integer maxCapacity,
            @Schema(description = "Longest value of VarChar Array elements") Integer maxLength,
            @Schema(description = "Present (true) when rows may leave the field out") Boolean nullable) {
    }

    @Schema(name = "IndexDescription")
    record IndexDescription(@Schema(example = "vector") String fieldName,
            @Schema(example = "vector_idx") String indexName,
            @Schema(example = "L2") String metricType,
            @Schema(allowableValues = {"AUTOINDEX", "HNSW", "FLAT"}) String indexType,
            @Schema(description = "HNSW build parameters; absent for FLAT") Requests.IndexParams params,
            @Schema(description = "Finished when every sealed segment has its graph; absent for FLAT",
                    allowableValues = {"Finished", "InProgress"}) String state,
            @Schema(description = "Rows of sealed segments still waiting for their graph; absent for FLAT")
            Long pendingIndexRows) {
    }

    @Schema(name = "InsertResponse")
    record Insert(@Schema(description = CODE, example = "200") int code, InsertResult data,
            @Schema(description = MESSAGE) String message) {
    }

    @Schema(name = "InsertResult")
    record InsertResult(@Schema(example = "2") long insertCount,
            @ArraySchema(schema = @Schema(description = PRIMARY_KEY)) List<Object> insertIds) {
    }

    @Schema(name = "UpsertResponse")
    record Upsert(@Schema(description = CODE, example = "200") int code, UpsertResult data,
            @Schema(description = MESSAGE) String message) {
    }

    @Schema(name = "UpsertResult")
    record UpsertResult(@Schema(example = "2") long upsertCount,
            @ArraySchema(schema = @Schema(description = PRIMARY_KEY)) List<Object> upsertIds) {
    }

    @Schema(name = "DeleteResponse")
    record Delete(@Schema(description = CODE, example = "200") int code, DeleteResult data,
            @Schema(description = MESSAGE) String message) {
    }

    @Schema(name = "DeleteResult", description = "The entities this request deleted (not those already gone)")
    record DeleteResult(@Schema(example = "1") long deleteCount,
            @ArraySchema(schema = @Schema(description = PRIMARY_KEY)) List<Object> deleteIds) {
    }

    @Schema(name = "RowsResponse", description = "Get and query: the matching entities")
    record Rows(@Schema(description = CODE, example = "200") int code,
            @ArraySchema(arraySchema = @Schema(description = "Field name to value, for the fields asked for"))
            List<Map<String, Object>> data,
            @Schema(description = MESSAGE) String message) {
    }

    @Schema(name = "SearchResponse")
    record Search(@Schema(description = CODE, example = "200") int code,
            @ArraySchema(arraySchema = @Schema(description = "The nearest entities, best first")) List<SearchHit> data,
            @Schema(description = MESSAGE) String message) {
    }

    @Schema(name = "SearchHit", description = "One hit: its id, its distance and the output fields asked for",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    record SearchHit(@Schema(description = PRIMARY_KEY) Object id,
            @Schema(description = "Squared L2 distance (smaller is nearer), or IP / COSINE similarity (larger is "
                    + "nearer)", example = "0.25") float distance) {
    }

    @Schema(name = "RestoreResponse")
    record Restore(@Schema(description = CODE, example = "200") int code, RestoreResult data,
            @Schema(description = MESSAGE) String message) {
    }

    @Schema(name = "RestoreResult", description = "Quiver extension: what a restore brought back")
    record RestoreResult(
            @ArraySchema(arraySchema = @Schema(description = "Deleted entities not restored because a live entity "
                    + "has their key"), schema = @Schema(description = PRIMARY_KEY)) List<Object> conflictIds,
            @Schema(example = "1") long restoreCount,
            @ArraySchema(schema = @Schema(description = PRIMARY_KEY)) List<Object> restoreIds) {
    }

    @Schema(name = "DeletionsResponse")
    record Deletions(@Schema(description = CODE, example = "200") int code, DeletionPage data,
            @Schema(description = MESSAGE) String message) {
    }

    @Schema(name = "DeletionPage", description = "Quiver extension: a page of the deletion history, oldest first")
    record DeletionPage(List<DeletionRecord> deletions,
            @Schema(description = "Pass as cursor for the next page; absent on the last page") String nextCursor) {
    }

    @Schema(name = "DeletionRecord")
    record DeletionRecord(@Schema(description = PRIMARY_KEY) Object id,
            @Schema(format = "date-time", example = "2026-12-01T10:15:30Z") String deletedAt,
            @Schema(description = "The user whose request deleted the entity", example = "root") String deletedBy,
            @Schema(description = "The request's X-Request-Id, or one the service made up") String requestId) {
    }
}
