package dev.quiver.durability;

import static dev.quiver.auth.EnvelopeAssert.assertError;
import static dev.quiver.auth.EnvelopeAssert.assertOk;
import static dev.quiver.durability.InProcessServer.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.auth.HttpApi;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Time travel, restore (with its conflict case) and the deletion history over real HTTP, then
 * again after a restart on the same store: the past answers the same before and after.
 */
class HistoryEndToEndTest {

    @TempDir
    Path data;

    @ParameterizedTest
    @EnumSource(StoreUnderTest.class)
    void timeTravelRestoreAndDeletionHistoryWorkAndSurviveARestart(StoreUnderTest store) throws Exception {
        List<String> arguments = store.freshArguments(data);
        long afterInsert;
        long afterUpsert;
        long afterDelete;
        try (InProcessServer server = InProcessServer.start(arguments, "--quiver.segment-rows=2")) {
            HttpApi api = server.api;
            assertOk(api.post("/v1/vector/collections/create", ROOT,
                    "{\"collectionName\":\"past\",\"dimension\":2,\"autoId\":false}"));
            assertOk(api.post("/v1/vector/insert", ROOT, "{\"collectionName\":\"past\",\"data\":["
                    + "{\"id\":1,\"vector\":[1,0],\"tag\":\"a\"},{\"id\":2,\"vector\":[2,0],\"tag\":\"b\"},"
                    + "{\"id\":3,\"vector\":[3,0],\"tag\":\"b\"}]}"));
            afterInsert = tick();
            assertOk(api.post("/v1/vector/upsert", ROOT,
                    "{\"collectionName\":\"past\",\"data\":[{\"id\":2,\"vector\":[20,0],\"tag\":\"c\"}]}"));
            afterUpsert = tick();
            assertOk(api.post("/v1/vector/delete", ROOT, "{\"collectionName\":\"past\",\"id\":1}"));
            afterDelete = tick();

            assertThePast(api, afterInsert, afterUpsert, afterDelete);

            JsonNode history = assertOk(api.post("/v1/vector/deletions", ROOT, "{\"collectionName\":\"past\"}"));
            assertThat(history.get("deletions")).extracting(entry -> entry.get("id").longValue()).containsExactly(2L, 1L);
            assertThat(history.get("deletions").get(0).get("deletedBy").asString()).isEqualTo("root");
            assertThat(history.get("deletions").get(1).get("requestId").asString()).isNotBlank();
            assertThat(Instant.parse(history.get("deletions").get(1).get("deletedAt").asString()).toEpochMilli())
                    .isBetween(afterUpsert, afterDelete);
        }

        try (InProcessServer server = InProcessServer.start(arguments, "--quiver.segment-rows=2")) {
            HttpApi api = server.api;
            assertThePast(api, afterInsert, afterUpsert, afterDelete);

            JsonNode first = assertOk(api.get("/v1/vector/deletions?collectionName=past&limit=1", ROOT));
            assertThat(first.get("deletions")).extracting(entry -> entry.get("id").longValue()).containsExactly(2L);
            JsonNode second = assertOk(api.get("/v1/vector/deletions?collectionName=past&limit=1&cursor="
                    + first.get("nextCursor").asString(), ROOT));
            assertThat(second.get("deletions")).extracting(entry -> entry.get("id").longValue()).containsExactly(1L);
            JsonNode since = assertOk(api.get("/v1/vector/deletions?collectionName=past&since="
                    + Instant.ofEpochMilli(afterUpsert), ROOT));
            assertThat(since.get("deletions")).extracting(entry -> entry.get("id").longValue()).containsExactly(1L);
            assertThat(assertOk(api.get("/v1/vector/deletions?collectionName=past&since=9223372036854775807", ROOT))
                    .get("deletions")).as("a far-future bound is simply past every deletion").isEmpty();
            var future = api.post("/v1/vector/query", ROOT, "{\"collectionName\":\"past\",\"filter\":\"id > 0\","
                    + "\"travelTimestamp\":" + (System.currentTimeMillis() + 60_000) + "}");
            assertError(future, 200, 1100);
            assertThat(future.message()).contains("in the future");

            // A long id list is looked up in slices (PostgreSQL takes at most 65,535 parameters).
            StringBuilder many = new StringBuilder("[1");
            for (int id = 1_000; id < 70_000; id++) {
                many.append(',').append(id);
            }
            JsonNode none = assertOk(api.post("/v1/vector/restore", ROOT, "{\"collectionName\":\"past\",\"id\":"
                    + many.append(']') + "}"));
            assertThat(none.get("restoreIds")).extracting(JsonNode::longValue).containsExactly(1L);
            assertOk(api.post("/v1/vector/delete", ROOT, "{\"collectionName\":\"past\",\"id\":1}"));

            // Restore: 1 comes back; 2 is live again (its old version was replaced), so it conflicts;
            // 3 was never deleted, so nothing happens to it.
            JsonNode restored = assertOk(api.post("/v1/vector/restore", ROOT,
                    "{\"collectionName\":\"past\",\"id\":[1,2,3]}"));
            assertThat(restored.get("restoreCount").intValue()).isEqualTo(1);
            assertThat(restored.get("restoreIds")).extracting(JsonNode::longValue).containsExactly(1L);
            assertThat(restored.get("conflictIds")).extracting(JsonNode::longValue).containsExactly(2L);
            assertThat(rows(api, "{\"collectionName\":\"past\",\"filter\":\"id >= 0\",\"outputFields\":[\"*\"]}"))
                    .as("a restore writes a new version, so 1 now comes last in insertion order")
                    .containsExactly("3:[3.0,0.0]:b", "2:[20.0,0.0]:c", "1:[1.0,0.0]:a");

            // Restore by filter, evaluated against the deleted versions.
            assertOk(api.post("/v1/vector/delete", ROOT, "{\"collectionName\":\"past\",\"filter\":\"tag in [\\\"a\\\",\\\"b\\\"]\"}"));
            JsonNode byFilter = assertOk(api.post("/v1/vector/restore", ROOT,
                    "{\"collectionName\":\"past\",\"filter\":\"tag == \\\"b\\\"\"}"));
            assertThat(byFilter.get("restoreIds")).extracting(JsonNode::longValue).containsExactly(3L);
            assertThat(byFilter.get("conflictIds")).extracting(JsonNode::longValue).as("2's old version had tag b")
                    .containsExactly(2L);
        }

        try (InProcessServer server = InProcessServer.start(arguments)) {
            assertThat(rows(server.api, "{\"collectionName\":\"past\",\"filter\":\"id >= 0\",\"outputFields\":[\"*\"]}"))
                    .as("restores are durable").containsExactly("2:[20.0,0.0]:c", "3:[3.0,0.0]:b");
        }
    }

    private static void assertThePast(HttpApi api, long afterInsert, long afterUpsert, long afterDelete) {
        assertThat(queryAt(api, afterInsert)).containsExactly("1:[1.0,0.0]:a", "2:[2.0,0.0]:b", "3:[3.0,0.0]:b");
        assertThat(queryAt(api, afterUpsert)).containsExactly("1:[1.0,0.0]:a", "3:[3.0,0.0]:b", "2:[20.0,0.0]:c");
        assertThat(queryAt(api, afterDelete)).containsExactly("3:[3.0,0.0]:b", "2:[20.0,0.0]:c");
        assertThat(rows(api, "{\"collectionName\":\"past\",\"id\":[1,2],\"travelTimestamp\":\""
                + Instant.ofEpochMilli(afterUpsert) + "\"}", "/v1/vector/get"))
                .containsExactlyInAnyOrder("1:[1.0,0.0]:a", "2:[20.0,0.0]:c");
        JsonNode search = assertOk(api.post("/v1/vector/search", ROOT, "{\"collectionName\":\"past\","
                + "\"vector\":[2,0],\"limit\":2,\"travelTimestamp\":" + afterInsert + "}"));
        assertThat(search.get(0).get("id").longValue()).isEqualTo(2L);
        assertThat(search.get(0).get("distance").floatValue()).isZero();
        JsonNode count = assertOk(api.post("/v1/vector/query", ROOT, "{\"collectionName\":\"past\","
                + "\"outputFields\":[\"count(*)\"],\"travelTimestamp\":" + afterDelete + "}"));
        assertThat(count.get(0).get("count(*)").longValue()).isEqualTo(2);
        var outside = api.post("/v1/vector/query", ROOT, "{\"collectionName\":\"past\",\"filter\":\"id > 0\","
                + "\"travelTimestamp\":\"2020-01-01T00:00:00Z\"}");
        assertError(outside, 200, 1100);
        assertThat(outside.message()).contains("retention window");
    }

    private static List<String> queryAt(HttpApi api, long moment) {
        return rows(api, "{\"collectionName\":\"past\",\"filter\":\"id >= 0\",\"outputFields\":[\"*\"],"
                + "\"travelTimestamp\":" + moment + "}");
    }

    private static List<String> rows(HttpApi api, String body) {
        return rows(api, body, "/v1/vector/query");
    }

    /** Rows as "id:vector:tag", in the order answered. */
    private static List<String> rows(HttpApi api, String body, String path) {
        List<String> rows = new ArrayList<>();
        assertOk(api.post(path, ROOT, body)).forEach(row -> rows.add(row.get("id").longValue() + ":"
                + row.get("vector") + ":" + row.get("tag").asString()));
        return rows;
    }

    /** The current time, after making sure the next write lands in a later millisecond. */
    private static long tick() throws InterruptedException {
        Thread.sleep(15);
        long now = System.currentTimeMillis();
        Thread.sleep(15);
        return now;
    }
}
