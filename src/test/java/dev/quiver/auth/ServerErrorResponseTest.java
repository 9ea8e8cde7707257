package dev.quiver.auth;

import static dev.quiver.auth.EnvelopeAssert.assertError;
import static dev.quiver.auth.EnvelopeAssert.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.auth.HttpApi.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A server error must never look like a 401 (a custom auth filter can lose the security context on
 * the ERROR dispatch). Both paths are provoked: an exception escaping the credentials filter (a
 * user whose hash lacks its {@code {bcrypt}} prefix) and one inside a controller (the soft-delete
 * table is gone). Its own context, because it breaks the database on purpose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class ServerErrorResponseTest {

    private static final String ROOT = HttpApi.bearer("root:test-root-password");
    private static final String UNPREFIXED_PASSWORD = "unprefixed-secret";

    private final JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private HttpApi api;

    ServerErrorResponseTest(@Autowired JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @DynamicPropertySource
    static void unprefixedHash(DynamicPropertyRegistry registry) {
        String hash = new BCryptPasswordEncoder().encode(UNPREFIXED_PASSWORD);
        // A list binds from one property source, so the whole entry is supplied here.
        registry.add("quiver.auth.users[0].name", () -> "unprefixed");
        registry.add("quiver.auth.users[0].password-hash", () -> hash);
    }

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void exceptionWhileCheckingCredentialsIsA500WithCode65535NotA401() {
        Reply reply = api.get("/v1/vector/collections", HttpApi.bearer("unprefixed:" + UNPREFIXED_PASSWORD));

        assertError(reply, 500, 65535);
        assertThat(reply.message()).startsWith("unexpected error").doesNotContain("Exception", "bcrypt", "{");
    }

    @Test
    void databaseFailureDuringDeleteIsA503WithCode65535AndDeletesNothing() {
        assertOk(api.post("/v1/vector/collections/create", ROOT, "{\"collectionName\":\"fragile\",\"dimension\":2}"));
        JsonNode inserted = assertOk(api.post("/v1/vector/insert", ROOT,
                "{\"collectionName\":\"fragile\",\"data\":[{\"vector\":[1,2]}]}"));
        long id = inserted.get("insertIds").get(0).longValue();

        Reply reply;
        jdbc.execute("ALTER TABLE entity_deletion RENAME TO entity_deletion_offline");
        try {
            reply = api.post("/v1/vector/delete", ROOT, "{\"collectionName\":\"fragile\",\"id\":" + id + "}");
        } finally {
            jdbc.execute("ALTER TABLE entity_deletion_offline RENAME TO entity_deletion");
        }

        assertError(reply, 503, 65535);
        assertThat(reply.message()).contains("relational store failed").doesNotContain("SQL", "entity_deletion",
                "Exception");
        // The database write comes first, so a failed delete leaves the row in place.
        assertThat(assertOk(api.post("/v1/vector/get", ROOT, "{\"collectionName\":\"fragile\",\"id\":" + id + "}")))
                .hasSize(1);
        assertThat(assertOk(api.post("/v1/vector/delete", ROOT, "{\"collectionName\":\"fragile\",\"id\":" + id + "}"))
                .get("deleteCount").intValue()).isEqualTo(1);
    }
}
