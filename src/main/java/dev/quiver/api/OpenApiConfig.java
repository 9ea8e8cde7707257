package dev.quiver.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fixed parts of the served OpenAPI document. The server URL is pinned so the document is
 * the same wherever it is fetched from, and so equal to the checked-in {@code openapi.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

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
                        .license(new License().name("Apache-2.0")))
                .servers(List.of(new Server().url("http://localhost:19530").description("Local Quiver")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("user:password, or an API key")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
