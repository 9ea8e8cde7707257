package dev.quiver.api;

import dev.quiver.auth.AccessGuard;
import dev.quiver.collection.DataReader;
import dev.quiver.collection.DataWriter;
import dev.quiver.collection.DeletionHistory;
import dev.quiver.collection.RequestContext;
import dev.quiver.collection.Restored;
import dev.quiver.collection.Rows;
import dev.quiver.collection.Written;
import dev.quiver.config.ApiProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Entity routes of Milvus REST v1: insert, upsert, get, query, search, delete. */
@RestController
@Tag(name = "entities")
class DataController {

    private final DataWriter writer;
    private final DataReader reader;
    private final DeletionHistory deletionHistory;
    private final AccessGuard accessGuard;
    private final ApiProperties properties;

    DataController(DataWriter writer, DataReader reader, DeletionHistory deletionHistory, AccessGuard accessGuard,
            ApiProperties properties) {
        this.writer = writer;
        this.reader = reader;
        this.deletionHistory = deletionHistory;
        this.accessGuard = accessGuard;
        this.properties = properties;
    }

    @PostMapping(ApiPaths.INSERT)
    @Operation(summary = "Insert one row or an array of rows")
    @ApiResponse(responseCode = "200", description = "The envelope: data on success, an error code otherwise",
            content = @Content(schema = @Schema(implementation = Answers.Insert.class)))
    Envelope insert(@RequestBody Requests.Insert body, @RequestHeader(name = ApiPaths.INT64_HEADER, required = false) String int64) {
        accessGuard.requireDatabase(body.dbName());
        Written written = writer.insert(body.dbName(), body.collectionName(), body.data());
        return Envelope.ok(counted("insertCount", "insertIds", written, int64));
    }

    @PostMapping(ApiPaths.UPSERT)
    @Operation(summary = "Insert rows, replacing those whose primary key exists (autoId false only)")
    @ApiResponse(responseCode = "200", description = "The envelope: data on success, an error code otherwise",
            content = @Content(schema = @Schema(implementation = Answers.Upsert.class)))
    Envelope upsert(@RequestBody Requests.Insert body, @RequestHeader(name = ApiPaths.INT64_HEADER, required = false) String int64, HttpServletRequest request) {
        accessGuard.requireDatabase(body.dbName());
        Written written = writer.upsert(body.dbName(), body.collectionName(), body.data(), context(request));
        return Envelope.ok(counted("upsertCount", "upsertIds", written, int64));
    }

    @PostMapping(ApiPaths.GET)
    @Operation(summary = "Fetch entities by primary key")
    @ApiResponse(responseCode = "200", description = "The envelope: data on success, an error code otherwise",
            content = @Content(schema = @Schema(implementation = Answers.Rows.class)))
    Envelope get(@RequestBody Requests.Get body, @RequestHeader(name = ApiPaths.INT64_HEADER, required = false) String int64) {
        accessGuard.requireDatabase(body.dbName());
        return rows(reader.get(body.dbName(), body.collectionName(), body.id(), body.outputFields(),
                body.travelTimestamp()), int64);
    }

    @GetMapping(ApiPaths.GET)
    @Operation(summary = "Fetch entities by primary key (query-string form the Node SDK 2.3 sends)")
    @ApiResponse(responseCode = "200", description = "The envelope: data on success, an error code otherwise",
            content = @Content(schema = @Schema(implementation = Answers.Rows.class)))
    Envelope getByQueryString(@RequestParam(required = false) String dbName,
            @Parameter(example = "book") @RequestParam(required = false) String collectionName,
            @Parameter(description = "Comma-separated primary keys", example = "1,2")
            @RequestParam(required = false) String id,
            @Parameter(description = "Comma-separated field names", example = "id,title")
            @RequestParam(required = false) String outputFields,
            @Parameter(description = "Quiver extension: epoch milliseconds or ISO-8601")
            @RequestParam(required = false) String travelTimestamp,
            @RequestHeader(name = ApiPaths.INT64_HEADER, required = false) String int64) {
        accessGuard.requireDatabase(dbName);
        return rows(reader.get(dbName, collectionName, commaSeparatedIds(id), commaSeparated(outputFields),
                text(travelTimestamp)), int64);
    }

    @PostMapping(ApiPaths.QUERY)
    @Operation(summary = "Return the entities matching a filter")
    @ApiResponse(responseCode = "200", description = "The envelope: data on success, an error code otherwise",
            content = @Content(schema = @Schema(implementation = Answers.Rows.class)))
    Envelope query(@RequestBody Requests.Query body, @RequestHeader(name = ApiPaths.INT64_HEADER, required = false) String int64) {
        accessGuard.requireDatabase(body.dbName());
        return rows(reader.query(body.dbName(), body.collectionName(), body.filter(), body.outputFields(),
                body.limit(), body.offset(), body.travelTimestamp()), int64);
    }

    @PostMapping(ApiPaths.SEARCH)
    @Operation(summary = "Return the nearest entities to one vector, best first")
    @ApiResponse(responseCode = "200", description = "The envelope: data on success, an error code otherwise",
            content = @Content(schema = @Schema(implementation = Answers.Search.class)))
    Envelope search(@RequestBody Requests.Search body, @RequestHeader(name = ApiPaths.INT64_HEADER, required = false) String int64) {
        accessGuard.requireDatabase(body.dbName());
        return rows(reader.search(body.toSearchRequest()), int64);
    }

    @PostMapping(ApiPaths.DELETE)
    @Operation(summary = "Delete entities by primary key or by filter")
    @ApiResponse(responseCode = "200", description = "The envelope: data on success, an error code otherwise",
            content = @Content(schema = @Schema(implementation = Answers.Delete.class)))
    Envelope delete(@RequestBody Requests.Delete body, @RequestHeader(name = ApiPaths.INT64_HEADER, required = false) String int64, HttpServletRequest request) {
        accessGuard.requireDatabase(body.dbName());
        Written written = writer.delete(body.dbName(), body.collectionName(), body.id(), body.filter(), context(request));
        return Envelope.ok(counted("deleteCount", "deleteIds", written, int64));
    }

    @PostMapping(ApiPaths.RESTORE)
    @Operation(summary = "Quiver extension: bring soft-deleted entities back (inside the retention window)")
    @ApiResponse(responseCode = "200", description = "The envelope: data on success, an error code otherwise",
            content = @Content(schema = @Schema(implementation = Answers.Restore.class)))
    Envelope restore(@RequestBody Requests.Restore body, @RequestHeader(name = ApiPaths.INT64_HEADER, required = false) String int64, HttpServletRequest request) {
        accessGuard.requireDatabase(body.dbName());
        Restored restored = writer.restore(body.dbName(), body.collectionName(), body.id(), body.filter(), context(request));
        boolean asNumbers = Int64Rendering.asNumbers(int64, properties.int64AsNumber());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conflictIds", Int64Rendering.ids(restored.conflictIds(), asNumbers));
        data.put("restoreCount", restored.count());
        data.put("restoreIds", Int64Rendering.ids(restored.ids(), asNumbers));
        return Envelope.ok(data);
    }

    @PostMapping(ApiPaths.DELETIONS)
    @Operation(summary = "Quiver extension: who deleted which entities, when, in which request; oldest first")
    @ApiResponse(responseCode = "200", description = "The envelope: data on success, an error code otherwise",
            content = @Content(schema = @Schema(implementation = Answers.Deletions.class)))
    Envelope deletions(@RequestBody Requests.Deletions body, @RequestHeader(name = ApiPaths.INT64_HEADER, required = false) String int64) {
        accessGuard.requireDatabase(body.dbName());
        return deletionPage(deletionHistory.list(body.dbName(), body.collectionName(), body.since(), body.limit(),
                body.cursor()), int64);
    }

    @GetMapping(ApiPaths.DELETIONS)
    @Operation(summary = "Quiver extension: the deletion history (query-string form)")
    @ApiResponse(responseCode = "200", description = "The envelope: data on success, an error code otherwise",
            content = @Content(schema = @Schema(implementation = Answers.Deletions.class)))
    Envelope deletionsByQueryString(@RequestParam(required = false) String dbName,
            @Parameter(example = "book") @RequestParam(required = false) String collectionName,
            @Parameter(description = "Epoch milliseconds or ISO-8601") @RequestParam(required = false) String since,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            @RequestHeader(name = ApiPaths.INT64_HEADER, required = false) String int64) {
        accessGuard.requireDatabase(dbName);
        return deletionPage(deletionHistory.list(dbName, collectionName, text(since), limit, cursor), int64);
    }

    private Envelope deletionPage(DeletionHistory.Page page, String int64) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("deletions", Int64Rendering.rows(page.deletions(), Int64Rendering.asNumbers(int64,
                properties.int64AsNumber())));
        if (page.nextCursor() != null) {
            data.put("nextCursor", page.nextCursor());
        }
        return Envelope.ok(data);
    }

    private static JsonNode text(String value) {
        return value == null ? null : JsonNodeFactory.instance.stringNode(value);
    }

    private Envelope rows(Rows rows, String int64) {
        return Envelope.ok(Int64Rendering.rows(rows, Int64Rendering.asNumbers(int64, properties.int64AsNumber())));
    }

    /** {@code {"<x>Count": N, "<x>Ids": [...]}}, in Milvus's (alphabetical) key order. */
    private Map<String, Object> counted(String countKey, String idsKey, Written written, String int64) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(countKey, written.count());
        data.put(idsKey, Int64Rendering.ids(written.ids(), Int64Rendering.asNumbers(int64, properties.int64AsNumber())));
        return data;
    }

    private static RequestContext context(HttpServletRequest request) {
        String requestId = RequestIdFilter.of(request);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return new RequestContext(requestId, authentication == null ? "anonymous" : authentication.getName());
    }

    private static JsonNode commaSeparatedIds(String ids) {
        if (ids == null || ids.isEmpty()) {
            return null;
        }
        List<String> parts = commaSeparated(ids);
        if (parts.size() == 1) {
            return JsonNodeFactory.instance.stringNode(parts.get(0));
        }
        var array = JsonNodeFactory.instance.arrayNode();
        parts.forEach(array::add);
        return array;
    }

    private static List<String> commaSeparated(String values) {
        return values == null || values.isEmpty() ? null
                : Arrays.stream(values.split(",")).map(String::trim).toList();
    }
}
