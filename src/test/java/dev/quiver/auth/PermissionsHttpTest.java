package dev.quiver.auth;

import static dev.quiver.auth.EnvelopeAssert.assertForbidden;
import static dev.quiver.auth.EnvelopeAssert.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.auth.HttpApi.Reply;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Read-only users, users limited to some databases, and the open management endpoints. */
class PermissionsHttpTest extends SecuredServerTestSupport {

    private static final String COLLECTION = "permission_books";

    /** Creates the collection the read-only user reads, with two rows, unless an earlier test did. */
    private void ensureCollection() {
        JsonNode names = assertOk(api.get("/v1/vector/collections", ROOT));
        for (JsonNode name : names.values()) {
            if (name.stringValue().equals(COLLECTION)) {
                return;
            }
        }
        assertOk(api.post("/v1/vector/collections/create", ROOT,
                "{\"collectionName\":\"" + COLLECTION + "\",\"dimension\":2}"));
        assertOk(api.post("/v1/vector/insert", ROOT, "{\"collectionName\":\"" + COLLECTION
                + "\",\"data\":[{\"vector\":[1,0],\"shelf\":1},{\"vector\":[0,1],\"shelf\":2}]}"));
    }

    @Test
    void readOnlyUserMayListDescribeGetQueryAndSearch() {
        ensureCollection();
        assertThat(assertOk(api.get("/v1/vector/collections", READER)).toString()).contains(COLLECTION);
        assertThat(assertOk(api.get("/v1/vector/collections/describe?collectionName=" + COLLECTION, READER))
                .get("collectionName").stringValue()).isEqualTo(COLLECTION);

        JsonNode rows = assertOk(api.post("/v1/vector/query", READER,
                "{\"collectionName\":\"" + COLLECTION + "\",\"filter\":\"shelf >= 1\"}"));
        assertThat(rows.size()).isEqualTo(2);
        long id = rows.get(0).get("id").longValue();

        assertThat(assertOk(api.post("/v1/vector/get", READER,
                "{\"collectionName\":\"" + COLLECTION + "\",\"id\":" + id + "}")).size()).isEqualTo(1);
        assertThat(assertOk(api.get("/v1/vector/get?collectionName=" + COLLECTION + "&id=" + id, READER)).size())
                .isEqualTo(1);
        JsonNode hits = assertOk(api.post("/v1/vector/search", READER,
                "{\"collectionName\":\"" + COLLECTION + "\",\"vector\":[1,0],\"limit\":1}"));
        assertThat(hits.size()).isEqualTo(1);
        assertThat(assertOk(api.get("/v1/vector/deletions?collectionName=" + COLLECTION, READER))
                .get("deletions").isArray()).isTrue();
        assertThat(assertOk(api.post("/v1/vector/deletions", READER, "{\"collectionName\":\"" + COLLECTION + "\"}"))
                .get("deletions").isArray()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void readOnlyUserIsForbiddenToWriteAndNothingChanges(String path, String body) {
        ensureCollection();
        assertForbidden(api.post(path, READER, body));

        assertThat(assertOk(api.get("/v1/vector/collections", ROOT)).toString()).contains(COLLECTION);
        assertThat(assertOk(api.post("/v1/vector/query", ROOT,
                "{\"collectionName\":\"" + COLLECTION + "\",\"filter\":\"shelf >= 1\"}")).size()).isEqualTo(2);
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("/v1/vector/collections/create", "{\"collectionName\":\"reader_made\",\"dimension\":2}"),
                Arguments.of("/v1/vector/insert", "{\"collectionName\":\"" + COLLECTION + "\",\"data\":[{\"vector\":[1,1]}]}"),
                Arguments.of("/v1/vector/upsert", "{\"collectionName\":\"" + COLLECTION + "\",\"data\":[{\"vector\":[1,1]}]}"),
                Arguments.of("/v1/vector/delete", "{\"collectionName\":\"" + COLLECTION + "\",\"filter\":\"shelf >= 1\"}"),
                Arguments.of("/v1/vector/restore", "{\"collectionName\":\"" + COLLECTION + "\",\"filter\":\"shelf >= 1\"}"),
                Arguments.of("/v1/vector/collections/drop", "{\"collectionName\":\"" + COLLECTION + "\"}"));
    }

    @Test
    void userLimitedToDefaultDatabaseIsForbiddenAnotherDatabase() {
        assertForbidden(api.get("/v1/vector/collections?dbName=other", LIMITED));
        assertForbidden(api.post("/v1/vector/collections/create", LIMITED,
                "{\"dbName\":\"other\",\"collectionName\":\"limited_made\",\"dimension\":2}"));
        assertForbidden(api.post("/v1/vector/query", LIMITED,
                "{\"dbName\":\"other\",\"collectionName\":\"anything\",\"filter\":\"id > 0\"}"));
        assertForbidden(api.get("/v1/vector/deletions?dbName=other&collectionName=anything", LIMITED));
        assertForbidden(api.post("/v1/vector/restore", LIMITED,
                "{\"dbName\":\"other\",\"collectionName\":\"anything\",\"id\":1}"));
        assertThat(assertOk(api.get("/v1/vector/collections?dbName=other", ROOT)).toString())
                .doesNotContain("limited_made");
    }

    @Test
    void userLimitedToDefaultDatabaseMayUseDefault() {
        assertOk(api.get("/v1/vector/collections", LIMITED));
        assertOk(api.get("/v1/vector/collections?dbName=default", LIMITED));
    }

    @Test
    void unrestrictedUserMayUseTheOtherDatabase() {
        // Shows that the 403 above is about the user's databases, not about "other" being unknown (800).
        assertOk(api.get("/v1/vector/collections?dbName=other", ROOT));
        assertOk(api.get("/v1/vector/collections?dbName=other", HttpApi.bearer(API_KEY)));
    }

    @Test
    void healthAndPrometheusOnTheManagementPortNeedNoToken() {
        HttpApi management = new HttpApi(managementPort);
        Reply health = management.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").stringValue()).isEqualTo("UP");

        Reply prometheus = management.get("/actuator/prometheus", null);
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.contentType()).startsWith("text/plain");
        assertThat(prometheus.body()).contains("# TYPE");
    }
}
