package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.auth.AccessGuard;
import dev.quiver.collection.CollectionService;
import dev.quiver.config.ApiProperties;
import dev.quiver.config.AuthProperties;
import dev.quiver.config.StorageProperties;
import dev.quiver.persistence.EntityStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The web slice of the collection routes: Spring MVC with our converter, error translator and
 * security chain, over the real collection service and an embedded database, without the rest
 * of the application (no actuator, no data routes).
 */
@WebMvcTest(CollectionController.class)
@AutoConfigureJdbc
class CollectionControllerSliceTest {

    private static final String ROOT = "Bearer root:test-root-password";

    /** Our strict JsonMapper is a plain @Configuration, which the MVC slice leaves out by itself. */
    @TestConfiguration
    @Import(JsonConfig.class)
    @EnableConfigurationProperties({ApiProperties.class, AuthProperties.class, StorageProperties.class})
    @ComponentScan(basePackageClasses = {AccessGuard.class, CollectionService.class, EntityStore.class})
    static class Slice {

        /** The purge counts what it removes; the slice has no actuator, so a plain registry. */
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void createThenDescribeAnswersTheMilvusShape() {
        assertThat(mvc.post().uri(ApiPaths.CREATE).header("Authorization", ROOT)
                .contentType(MediaType.TEXT_PLAIN)
                .content("{\"collectionName\":\"slice_books\",\"dimension\":3,\"metricType\":\"IP\"}"))
                .hasStatusOk().bodyJson().isStrictlyEqualTo("{\"code\":200,\"data\":{}}");

        assertThat(mvc.get().uri(ApiPaths.DESCRIBE + "?collectionName=slice_books").header("Authorization", ROOT))
                .hasStatusOk().bodyJson()
                .extractingPath("$.data.fields[1].type").isEqualTo("FloatVector(3)");
    }

    @Test
    void listWithoutCredentialsAnswers401WithCode1800() {
        assertThat(mvc.get().uri(ApiPaths.COLLECTIONS))
                .hasStatus(401).bodyJson()
                .isStrictlyEqualTo("{\"code\":1800,\"message\":\"user hasn't authenticated\"}");
    }

    @Test
    void createWithStringDimensionAnswers1801NamingTheField() {
        assertThat(mvc.post().uri(ApiPaths.CREATE).header("Authorization", ROOT)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"collectionName\":\"slice_bad\",\"dimension\":\"8\"}"))
                .hasStatusOk().bodyJson()
                .isStrictlyEqualTo("{\"code\":1801,\"message\":\"can only accept json format request, "
                        + "error: field 'dimension' must be an integer (32-bit)\"}");
    }

    @Test
    void describeOfUnknownCollectionAnswers100() {
        assertThat(mvc.get().uri(ApiPaths.DESCRIBE + "?collectionName=slice_missing").header("Authorization", ROOT))
                .hasStatusOk().bodyJson()
                .isStrictlyEqualTo("{\"code\":100,\"message\":\"collection not found, database: default, "
                        + "collection: slice_missing\"}");
    }
}
