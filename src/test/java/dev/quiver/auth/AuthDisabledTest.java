package dev.quiver.auth;

import static dev.quiver.auth.EnvelopeAssert.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code quiver.auth.enabled=false}: every request is let through as root, credentials ignored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "quiver.auth.enabled=false"})
class AuthDisabledTest {

    @LocalServerPort
    int port;

    private HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void requestsWithoutCredentialsSucceed() {
        assertOk(api.post("/v1/vector/collections/create", null, "{\"collectionName\":\"open_books\",\"dimension\":2}"));
        assertThat(assertOk(api.get("/v1/vector/collections", null)).toString()).contains("open_books");
        JsonNode inserted = assertOk(api.post("/v1/vector/insert", null,
                "{\"collectionName\":\"open_books\",\"data\":[{\"vector\":[1,2]}]}"));
        long id = inserted.get("insertIds").get(0).longValue();
        JsonNode hits = assertOk(api.post("/v1/vector/search", null,
                "{\"collectionName\":\"open_books\",\"vector\":[1,2],\"limit\":1}"));
        assertThat(hits.get(0).get("id").longValue()).isEqualTo(id);
        assertOk(api.post("/v1/vector/delete", null, "{\"collectionName\":\"open_books\",\"id\":" + id + "}"));
        assertOk(api.post("/v1/vector/collections/drop", null, "{\"collectionName\":\"open_books\"}"));
    }

    @Test
    void credentialsAreIgnored() {
        assertOk(api.get("/v1/vector/collections", HttpApi.bearer("root:wrong-password")));
        assertOk(api.get("/v1/vector/collections", HttpApi.bearer("unknown-api-key")));
        assertOk(api.get("/v1/vector/collections", "Bearer "));
    }
}
