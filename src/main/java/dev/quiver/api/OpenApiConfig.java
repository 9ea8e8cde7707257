package dev.quiver.api;

import dev.quiver.collection.RowsJson;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The fixed parts of the served OpenAPI document. The server URL is pinned so the document is
 * the same wherever it is fetched from, and so equal to the checked-in {@code openapi.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

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
     * which says nothing about their shape.
     */
    @Bean
    OpenApiCustomizer polymorphicFields() {
        return openApi -> {
            @SuppressWarnings("rawtypes")
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            replace(schemas, "GetRequest", "id", primaryKeys());
            replace(schemas, "DeleteRequest", "id", primaryKeys());
            Schema<?> row = new ObjectSchema().additionalProperties(true)
                    .description("Field name to value: the vector, the id when autoId is false, dynamic fields");
            replace(schemas, "InsertRequest", "data", new Schema<>().oneOf(List.of(row, new ArraySchema().items(row))));
            replace(schemas, "SearchRequest", "vector", new ArraySchema().items(new NumberSchema().format("float")));
        };
    }

    /** A primary key (number or numeric string for Int64, string for VarChar) or an array of them. */
    private static Schema<?> primaryKeys() {
        Schema<?> key = new Schema<>().oneOf(List.of(new IntegerSchema().format("int64"), new StringSchema()));
        return new Schema<>().oneOf(List.of(key, new ArraySchema().items(key)));
    }

    @SuppressWarnings("rawtypes")
    private static void replace(Map<String, Schema> schemas, String schema, String property, Schema<?> replacement) {
        Map<String, Schema> properties = schemas.get(schema).getProperties();
        replacement.description(properties.get(property).getDescription());
        properties.put(property, replacement);
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
                .servers(List.of(new Server().url("http://localhost:19530").description("Local Quiver")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("user:password, or an API key")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
