package dev.quiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The checked-in {@code openapi.yaml} must be exactly what springdoc serves, so generated clients
 * and the running service never disagree. To regenerate after an API change:
 * {@code ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiContractTest {

    private static final Path CHECKED_IN = Path.of("openapi.yaml");

    @Autowired
    MockMvcTester mvc;

    @Test
    void checkedInOpenApiEqualsWhatSpringdocServes() throws IOException {
        MvcTestResult result = mvc.get().uri("/v3/api-docs.yaml").exchange();
        assertThat(result).hasStatusOk();
        String served = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CHECKED_IN, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(CHECKED_IN))
                .as("openapi.yaml is missing; regenerate it with "
                        + "./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true")
                .isTrue();
        assertThat(Files.readString(CHECKED_IN, StandardCharsets.UTF_8))
                .as("openapi.yaml differs from what springdoc serves; regenerate it with "
                        + "./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true and review the diff")
                .isEqualTo(served);
    }

    @Test
    void servedDocumentMarksQuiverExtensions() {
        MvcTestResult result = mvc.get().uri("/v3/api-docs.yaml").exchange();
        assertThat(result).bodyText().contains("x-quiver-extension: true").contains("/v1/vector/search");
    }
}
