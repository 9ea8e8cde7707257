package dev.quiver.api;

import dev.quiver.collection.RowsJson;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixed parts of the served OpenAPI document. The server URL is relative: Swagger UI sends
 * "Try it out" to the origin the page came from, and the document is the same wherever it is
 * fetched from, so equal to the checked-in {@code openapi.yaml}. Generated clients take the
 * service's address from their configuration.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PATH_ORDER = List.of(ApiPaths.COLLECTIONS, ApiPaths.CREATE, ApiPaths.DESCRIBE,
            ApiPaths.INSERT, ApiPaths.UPSERT, ApiPaths.GET, ApiPaths.QUERY, ApiPaths.SEARCH, ApiPaths.DELETE,
            ApiPaths.DELETIONS, ApiPaths.RESTORE, ApiPaths.DROP);

    static {
        // Polymorphic fields (id, data, vector) are JsonNode or RowsJson; describe them as "any
        // JSON value" instead of letting springdoc introspect their getters (in no stable order).
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class,
                new Schema<Object>().description("Any JSON value"));
        SpringDocUtils.getConfig().replaceWithSchema(RowsJson.class,
                new Schema<Object>().description("Any JSON value"));
    }

    /**
     * The polymorphic request fields, spelled out: Jackson reads them as JsonNode (or RowsJson),
     * which says nothing about their shape. The service accepts one key or one row as well as an
     * array; the document names only the array, because generators turn "one or many" (a oneOf
     * of a value and an array) into code that does not compile or that drops the rows.
     */
    @Bean
    OpenApiCustomizer polymorphicFields() {
        return openApi -> {
            @SuppressWarnings("rawtypes")
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            replace(schemas, "GetRequest", "id", primaryKeys());
            replace(schemas, "DeleteRequest", "id", primaryKeys());
            replace(schemas, "RestoreRequest", "id", primaryKeys());
            Schema<?> row = new ObjectSchema().additionalProperties(true)
                    .description("Field name to value: the vector, the id when autoId is false, dynamic fields");
            replace(schemas, "InsertRequest", "data", new ArraySchema().items(row));
            replace(schemas, "SearchRequest", "vector", new ArraySchema().items(new NumberSchema().format("float")));
        };
    }

    /** Primary keys, as the answers of insert, query and search give them back. */
    private static Schema<?> primaryKeys() {
        return new ArraySchema().items(new Schema<>().description(Answers.PRIMARY_KEY));
    }

    @SuppressWarnings("rawtypes")
    private static void replace(Map<String, Schema> schemas, String schema, String property, Schema<?> replacement) {
        Map<String, Schema> properties = schemas.get(schema).getProperties();
        replacement.description(properties.get(property).getDescription());
        properties.put(property, replacement);
    }

    /**
     * The answers every route can give before its own: 401 without valid credentials, 403 when
     * the user may not do this, 503 while the service loads its data at start.
     */
    @Bean
    OpenApiCustomizer accessAnswers() {
        return openApi -> {
            @SuppressWarnings("rawtypes")
            Map<String, Schema> error = ModelConverters.getInstance(true).read(Answers.Error.class);
            openApi.getComponents().getSchemas().putAll(error);
            Schema<?> ref = new Schema<>().$ref("#/components/schemas/ErrorResponse");
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                ApiResponses responses = operation.getResponses();
                responses.addApiResponse("401", errorAnswer("No valid credentials (code 1800)", ref));
                responses.addApiResponse("403", errorAnswer("The user may not do this here (code 1401)", ref));
                responses.addApiResponse("503", errorAnswer("The service is still loading its data (code 1)", ref));
            }));
        };
    }

    private static ApiResponse errorAnswer(String description, Schema<?> schema) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(schema)));
    }

    /**
     * Routes in the order a new user takes them (collections first, drop last), instead of
     * springdoc's, which follows no plan; Swagger UI shows them in this order.
     */
    @Bean
    OpenApiCustomizer routeOrder() {
        return openApi -> {
            Paths ordered = new Paths();
            PATH_ORDER.forEach(path -> ordered.addPathItem(path, openApi.getPaths().get(path)));
            openApi.getPaths().forEach(ordered::putIfAbsent);
            openApi.setPaths(ordered);
        };
    }

    /**
     * A request body for each route that succeeds when sent in the page's order on a fresh
     * service, so Swagger UI's "Try it out" starts from something that works.
     */
    @Bean
    OpenApiCustomizer requestExamples() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            String example = RequestExamples.BY_OPERATION.get(operation.getOperationId());
            if (example != null && operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().get("application/json")
                        .setExample(JSON.readValue(example, Object.class));
            }
        }));
    }

    @Bean
    OpenAPI quiverOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Quiver")
                        .version("v1")
                        .description("A lightweight vector database service that speaks the Milvus RESTful API v1. "
                                + "Every response is HTTP 200 with {\"code\":200,\"data\":...} or "
                                + "{\"code\":N,\"message\":\"...\"}, except 401 (code 1800), 403 (code 1401) and "
                                + "404 for unknown routes. Fields marked x-quiver-extension are additions to Milvus.")
)
                .tags(List.of(new Tag().name("collections").description("Create, list, describe and drop collections"),
                        new Tag().name("entities").description("Write, read, search and delete entities")))
                .servers(List.of(new Server().url("/").description("The service this document came from")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("user:password, or an API key")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
