package dev.quiver.durability;

import static dev.quiver.auth.EnvelopeAssert.assertOk;
import static dev.quiver.durability.InProcessServer.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.auth.HttpApi;
import dev.quiver.auth.HttpApi.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * HNSW over HTTP on a real port: create takes the index type and its parameters and describe
 * shows them with the build's progress; a row is found the moment its insert is acknowledged;
 * deleted rows never come back; bad index parameters are refused; and once the graphs are rebuilt
 * after a restart, the same searches give the same hits. (Graphs are rebuilt, not stored: a restart
 * packs the live rows into fresh segments, so after deletes the rebuilt graphs are built over a
 * different layout and may find other approximate neighbours; without deletes the layout, and so
 * every graph, is the same.) Segments are small (1,000 rows), so a search spans several graphs.
 */
class GraphIndexHttpTest {

    private static final int DIMENSION = 16;
    private static final int ROWS = 4_000;

    @TempDir
    Path data;

    @Test
    void graphSearchesAreRepeatableAcrossARestartAndFreshRowsAreFoundAtOnce() throws InterruptedException {
        List<String> arguments = StoreUnderTest.H2.freshArguments(data);
        Random random = new Random(5);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String filter = i % 3 == 0 ? ",\"filter\":\"id % 10 == 3\"" : "";
            queries.add("{\"collectionName\":\"graphs\",\"limit\":10,\"params\":{\"ef\":16},\"vector\":"
                    + vector(random) + filter + "}");
        }
        List<JsonNode> before = new ArrayList<>();
        try (InProcessServer server = InProcessServer.start(arguments, "--quiver.segment-rows=1000")) {
            HttpApi api = server.api;
            assertOk(api.post("/v1/vector/collections/create", ROOT, "{\"collectionName\":\"graphs\",\"dimension\":"
                    + DIMENSION + ",\"autoId\":false,\"indexType\":\"HNSW\",\"indexParams\":{\"M\":8,"
                    + "\"efConstruction\":40}}"));
            for (int batch = 0; batch < ROWS / 500; batch++) {
                String rows = rows(random, batch * 500, 500);
                assertOk(api.post("/v1/vector/insert", ROOT, "{\"collectionName\":\"graphs\",\"data\":" + rows + "}"));
            }
            float[] far = new float[DIMENSION];
            java.util.Arrays.fill(far, 1000f);
            assertOk(api.post("/v1/vector/insert", ROOT, "{\"collectionName\":\"graphs\",\"data\":[{\"id\":99999,"
                    + "\"vector\":" + java.util.Arrays.toString(far) + "}]}"));
            JsonNode fresh = assertOk(api.post("/v1/vector/search", ROOT, "{\"collectionName\":\"graphs\",\"limit\":1,"
                    + "\"vector\":" + java.util.Arrays.toString(far) + "}"));
            assertThat(fresh.get(0).get("id").longValue()).as("found as soon as acknowledged").isEqualTo(99999);

            JsonNode index = awaitGraphs(api);
            assertThat(index.get("indexType").asString()).isEqualTo("HNSW");
            assertThat(index.get("params").get("M").intValue()).isEqualTo(8);
            assertThat(index.get("params").get("efConstruction").intValue()).isEqualTo(40);
            for (String query : queries) {
                JsonNode hits = assertOk(api.post("/v1/vector/search", ROOT, query));
                assertThat(hits).hasSize(10);
                before.add(hits);
            }
        }
        try (InProcessServer server = InProcessServer.start(arguments, "--quiver.segment-rows=1000")) {
            HttpApi api = server.api;
            awaitGraphs(api);
            for (int i = 0; i < queries.size(); i++) {
                assertThat(assertOk(api.post("/v1/vector/search", ROOT, queries.get(i)))).as("query %d", i)
                        .isEqualTo(before.get(i));
            }
        }
    }

    @Test
    void deletedRowsAreNeverReturnedByAGraphSearch() throws InterruptedException {
        Random random = new Random(9);
        try (InProcessServer server = InProcessServer.start(StoreUnderTest.H2.freshArguments(data),
                "--quiver.segment-rows=1000")) {
            HttpApi api = server.api;
            assertOk(api.post("/v1/vector/collections/create", ROOT, "{\"collectionName\":\"graphs\",\"dimension\":"
                    + DIMENSION + ",\"autoId\":false,\"indexType\":\"HNSW\"}"));
            assertOk(api.post("/v1/vector/insert", ROOT, "{\"collectionName\":\"graphs\",\"data\":"
                    + rows(random, 0, 3000) + "}"));
            awaitGraphs(api);
            assertOk(api.post("/v1/vector/delete", ROOT, "{\"collectionName\":\"graphs\",\"filter\":\"id % 3 != 0\"}"));
            for (int i = 0; i < 30; i++) {
                JsonNode hits = assertOk(api.post("/v1/vector/search", ROOT, "{\"collectionName\":\"graphs\","
                        + "\"limit\":20,\"vector\":" + vector(random) + "}"));
                assertThat(hits).hasSize(20);
                hits.forEach(hit -> assertThat(hit.get("id").longValue() % 3).as("deleted rows never return").isZero());
            }
        }
    }

    @Test
    void badIndexParametersAreRefusedAndCreateNothing() {
        try (InProcessServer server = InProcessServer.start(StoreUnderTest.H2.freshArguments(data))) {
            HttpApi api = server.api;
            refused(api.post("/v1/vector/collections/create", ROOT, "{\"collectionName\":\"c\",\"dimension\":4,"
                    + "\"indexType\":\"IVF_FLAT\"}"), "indexType 'IVF_FLAT' is not supported");
            refused(api.post("/v1/vector/collections/create", ROOT, "{\"collectionName\":\"c\",\"dimension\":4,"
                    + "\"indexType\":\"HNSW\",\"indexParams\":{\"M\":1}}"), "indexParams.M 1 is out of range [2, 512]");
            refused(api.post("/v1/vector/collections/create", ROOT, "{\"collectionName\":\"c\",\"dimension\":4,"
                    + "\"indexParams\":{\"efConstruction\":0}}"), "indexParams.efConstruction 0 is out of range");
            refused(api.post("/v1/vector/collections/create", ROOT, "{\"collectionName\":\"c\",\"dimension\":4,"
                    + "\"indexType\":\"FLAT\",\"indexParams\":{\"M\":16}}"), "indexParams apply to HNSW and AUTOINDEX");
            assertThat(assertOk(api.get("/v1/vector/collections", ROOT))).isEmpty();

            assertOk(api.post("/v1/vector/collections/create", ROOT, "{\"collectionName\":\"flat\",\"dimension\":2,"
                    + "\"indexType\":\"flat\"}"));
            JsonNode index = assertOk(api.get("/v1/vector/collections/describe?collectionName=flat", ROOT))
                    .get("indexes").get(0);
            assertThat(index.get("indexType").asString()).isEqualTo("FLAT");
            assertThat(index.has("params")).isFalse();
            Reply again = api.post("/v1/vector/collections/create", ROOT, "{\"collectionName\":\"flat\",\"dimension\":2,"
                    + "\"indexType\":\"HNSW\",\"indexParams\":{\"M\":8}}");
            refused(again, "indexType: FLAT here, HNSW requested");
            assertThat(again.message()).as("FLAT has no graph parameters to differ in").doesNotContain("indexParams");
            refused(api.post("/v1/vector/search", ROOT, "{\"collectionName\":\"flat\",\"vector\":[1,2],"
                    + "\"params\":{\"ef\":0}}"), "params.ef 0 is out of range [1, 32768]");
            refused(api.post("/v1/vector/search", ROOT, "{\"collectionName\":\"flat\",\"vector\":[1,2],"
                    + "\"params\":{\"ef\":40000}}"), "params.ef 40000 is out of range");
        }
    }

    private static void refused(Reply reply, String message) {
        assertThat(reply.code()).as(reply.body()).isEqualTo(1100);
        assertThat(reply.message()).contains(message);
    }

    /** Waits until describe says every graph holds all its segment's rows; returns the index entry. */
    private static JsonNode awaitGraphs(HttpApi api) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode index = assertOk(api.get("/v1/vector/collections/describe?collectionName=graphs", ROOT))
                    .get("indexes").get(0);
            if (index.get("state").asString().equals("Finished")) {
                assertThat(index.get("pendingIndexRows").longValue()).isZero();
                return index;
            }
            assertThat(System.nanoTime()).as("graphs built within a minute").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String rows(Random random, int firstId, int count) {
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"id\":").append(firstId + i).append(",\"vector\":")
                    .append(vector(random)).append('}');
        }
        return rows.append(']').toString();
    }

    private static String vector(Random random) {
        StringBuilder vector = new StringBuilder("[");
        for (int i = 0; i < DIMENSION; i++) {
            vector.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f", random.nextGaussian()));
        }
        return vector.append(']').toString();
    }
}
