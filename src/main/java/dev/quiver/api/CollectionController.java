package dev.quiver.api;

import dev.quiver.auth.AccessGuard;
import dev.quiver.collection.CollectionService;
import dev.quiver.collection.NewCollection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Collection routes of Milvus REST v1. */
@RestController
@Tag(name = "collections")
class CollectionController {

    private final CollectionService collections;
    private final AccessGuard accessGuard;

    CollectionController(CollectionService collections, AccessGuard accessGuard) {
        this.collections = collections;
        this.accessGuard = accessGuard;
    }

    @GetMapping(ApiPaths.COLLECTIONS)
    @Operation(summary = "List the collections of a database")
    @ApiResponse(responseCode = "200", description = "The envelope: data on success, an error code otherwise",
            content = @Content(schema = @Schema(implementation = Answers.CollectionNames.class)))
    Envelope list(@RequestParam(required = false) String dbName) {
        accessGuard.requireDatabase(dbName);
        return Envelope.ok(collections.list(dbName));
    }

    @PostMapping(ApiPaths.CREATE)
    @Operation(summary = "Create a collection with an index and load it")
    @ApiResponse(responseCode = "200", description = "The envelope: data on success, an error code otherwise",
            content = @Content(schema = @Schema(implementation = Answers.Empty.class)))
    Envelope create(@RequestBody Requests.CreateCollection body) {
        accessGuard.requireDatabase(body.dbName());
        collections.create(new NewCollection(body.dbName(), body.collectionName(), body.dimension(),
                body.metricType(), body.primaryField(), body.vectorField(), body.description(),
                body.enableDynamicField(), body.autoId(), body.idType(), body.maxLength(), fields(body.fields()),
                body.indexType(), body.indexParams() == null ? null : body.indexParams().m(),
                body.indexParams() == null ? null : body.indexParams().efConstruction()));
        return Envelope.ok(Map.of());
    }

    @GetMapping(ApiPaths.DESCRIBE)
    @Operation(summary = "Describe a collection: fields, index and load state")
    @ApiResponse(responseCode = "200", description = "The envelope: data on success, an error code otherwise",
            content = @Content(schema = @Schema(implementation = Answers.Describe.class)))
    Envelope describe(@Parameter(example = "book") @RequestParam(required = false) String collectionName,
            @RequestParam(required = false) String dbName) {
        accessGuard.requireDatabase(dbName);
        return Envelope.ok(collections.describe(dbName, collectionName));
    }

    @PostMapping(ApiPaths.DROP)
    @Operation(summary = "Drop a collection with its rows and soft-delete records")
    @ApiResponse(responseCode = "200", description = "The envelope: data on success, an error code otherwise",
            content = @Content(schema = @Schema(implementation = Answers.Empty.class)))
    Envelope drop(@RequestBody Requests.DropCollection body) {
        accessGuard.requireDatabase(body.dbName());
        collections.drop(body.dbName(), body.collectionName());
        return Envelope.ok(Map.of());
    }

    private static List<NewCollection.Field> fields(List<Requests.ScalarField> fields) {
        if (fields == null) {
            return null;
        }
        // A null entry stays null: the service reports it as a field without name and type.
        return fields.stream().map(field -> field == null ? null : new NewCollection.Field(field.name(),
                field.type(), field.maxLength(), field.elementType(), field.maxCapacity(), field.nullable(),
                field.description())).toList();
    }
}
