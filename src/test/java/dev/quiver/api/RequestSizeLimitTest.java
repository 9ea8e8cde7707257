package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * Bodies over {@code quiver.api.max-request-size} are refused with code 1100 before they are
 * parsed, whatever their Content-Type, and change nothing. Its own (small) context: the cap is
 * set to 1KB (1024 bytes) here.
 */
@TestPropertySource(properties = "quiver.api.max-request-size=1KB")
class RequestSizeLimitTest extends ApiTestSupport {

    private static String createBodyOfSize(String collection, int size) {
        String prefix = "{\"collectionName\":\"" + collection + "\",\"dimension\":2,\"description\":\"";
        String suffix = "\"}";
        return prefix + "d".repeat(size - prefix.length() - suffix.length()) + suffix;
    }

    @Test
    void bodyOverTheCapReturnsInvalidParameterNamingTheLimitAndCreatesNothing() {
        assertError(post(ApiPaths.CREATE, createBodyOfSize("size_over", 1025)), 1100,
                "exceeds the limit of 1024B", "(quiver.api.max-request-size)");

        assertError(get(ApiPaths.DESCRIBE + "?collectionName=size_over"), 100);
    }

    @Test
    void bodyExactlyAtTheCapIsAccepted() {
        String body = createBodyOfSize("size_at", 1024);
        assertThat(body).hasSize(1024);

        assertOk(post(ApiPaths.CREATE, body));

        assertThat(assertOk(get(ApiPaths.DESCRIBE + "?collectionName=size_at")).get("description").asString())
                .hasSize(965);
    }

    @Test
    void bodyOverTheCapIsRefusedWhateverTheContentType() {
        assertError(exchange(mvc.post().uri(ApiPaths.CREATE).contentType(MediaType.TEXT_PLAIN)
                .content(createBodyOfSize("size_text", 4096))), 1100, "exceeds the limit of 1024B");
        assertError(exchange(mvc.post().uri(ApiPaths.CREATE).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(createBodyOfSize("size_form", 4096))), 1100, "exceeds the limit of 1024B");
    }

    @Test
    void insertOverTheCapStoresNoRow() {
        createClientIdCollection("size_insert", 2);
        StringBuilder rows = new StringBuilder("[");
        for (int id = 1; id <= 60; id++) {
            rows.append(id == 1 ? "" : ",").append("{\"id\":").append(id).append(",\"vector\":[1,0]}");
        }

        assertError(post(ApiPaths.INSERT, "{\"collectionName\":\"size_insert\",\"data\":" + rows + "]}"), 1100,
                "exceeds the limit");
        assertThat(allIds("size_insert")).isEmpty();
    }
}
