package dev.quiver.durability;

import static dev.quiver.auth.EnvelopeAssert.assertOk;
import static dev.quiver.durability.InProcessServer.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.auth.HttpApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * A graceful restart on the same store brings back every collection and every acknowledged
 * write exactly: schemas, rows with their vectors, typed and dynamic fields, deletes and
 * upserts; auto ids and versions continue after it. Segments are kept tiny (8 rows) so rows
 * span many of them.
 */
class RestartRecoveryTest {

    private static final String TYPED = "{\"collectionName\":\"books\",\"dimension\":3,\"metricType\":\"IP\","
            + "\"fields\":[{\"name\":\"year\",\"type\":\"Int16\"},{\"name\":\"title\",\"type\":\"VarChar\","
            + "\"maxLength\":32,\"nullable\":true},{\"name\":\"tags\",\"type\":\"Array\",\"elementType\":\"Float\","
            + "\"maxCapacity\":4},{\"name\":\"meta\",\"type\":\"JSON\",\"nullable\":true}]}";
    private static final String KEYED = "{\"collectionName\":\"keyed\",\"dimension\":2,\"idType\":\"VarChar\","
            + "\"autoId\":false,\"maxLength\":16}";

    @TempDir
    Path data;

    @ParameterizedTest
    @EnumSource(StoreUnderTest.class)
    void everyAcknowledgedWriteSurvivesARestart(StoreUnderTest store) {
        List<String> arguments = store.freshArguments(data);
        JsonNode booksBefore;
        JsonNode keyedBefore;
        JsonNode describeBefore;
        long highestAutoId;
        try (InProcessServer server = InProcessServer.start(arguments, "--quiver.segment-rows=8")) {
            HttpApi api = server.api;
            assertOk(api.post("/v1/vector/collections/create", ROOT, TYPED));
            assertOk(api.post("/v1/vector/collections/create", ROOT, KEYED));
            assertOk(api.post("/v1/vector/collections/create", ROOT, "{\"collectionName\":\"gone\",\"dimension\":2}"));
            List<Long> ids = new ArrayList<>();
            for (int batch = 0; batch < 5; batch++) {
                ids.addAll(longs(assertOk(api.post("/v1/vector/insert", ROOT, books(batch))).get("insertIds")));
            }
            assertOk(api.post("/v1/vector/delete", ROOT, "{\"collectionName\":\"books\",\"id\":[" + ids.get(0) + ","
                    + ids.get(17) + "]}"));
            assertOk(api.post("/v1/vector/delete", ROOT, "{\"collectionName\":\"books\",\"filter\":\"year >= 2004\"}"));
            assertOk(api.post("/v1/vector/insert", ROOT, keyed("a", "b", "c", "d")));
            assertOk(api.post("/v1/vector/upsert", ROOT, "{\"collectionName\":\"keyed\",\"data\":["
                    + "{\"id\":\"b\",\"vector\":[9,9],\"note\":\"replaced\"},{\"id\":\"e\",\"vector\":[5,5]}]}"));
            assertOk(api.post("/v1/vector/delete", ROOT, "{\"collectionName\":\"keyed\",\"id\":\"c\"}"));
            assertOk(api.post("/v1/vector/collections/drop", ROOT, "{\"collectionName\":\"gone\"}"));

            booksBefore = everything(api, "books", "id > 0");
            keyedBefore = everything(api, "keyed", "id != \"\"");
            describeBefore = assertOk(api.get("/v1/vector/collections/describe?collectionName=books", ROOT));
            highestAutoId = ids.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(booksBefore).hasSize(40 - 2 - 8);
            assertThat(keyedBefore).hasSize(4);
        }

        try (InProcessServer server = InProcessServer.start(arguments, "--quiver.segment-rows=8")) {
            HttpApi api = server.api;
            assertThat(assertOk(api.get("/v1/vector/collections", ROOT))).extracting(JsonNode::asString)
                    .containsExactly("books", "keyed");
            assertThat(assertOk(api.get("/v1/vector/collections/describe?collectionName=books", ROOT)))
                    .isEqualTo(describeBefore);
            assertThat(everything(api, "books", "id > 0")).isEqualTo(booksBefore);
            assertThat(everything(api, "keyed", "id != \"\"")).isEqualTo(keyedBefore);
            assertThat(everything(api, "keyed", "id != \"\"").toString()).contains("replaced").doesNotContain("\"c\"");

            List<Long> next = longs(assertOk(api.post("/v1/vector/insert", ROOT, books(5))).get("insertIds"));
            assertThat(next).allSatisfy(id -> assertThat(id).isGreaterThan(highestAutoId));
            assertOk(api.post("/v1/vector/upsert", ROOT, "{\"collectionName\":\"keyed\",\"data\":["
                    + "{\"id\":\"a\",\"vector\":[7,7]}]}"));
            JsonNode search = assertOk(api.post("/v1/vector/search", ROOT,
                    "{\"collectionName\":\"keyed\",\"vector\":[7,7],\"limit\":1}"));
            assertThat(search.get(0).get("id").asString()).isEqualTo("a");
            assertThat(search.get(0).get("distance").floatValue()).isZero();
        }
    }

    /** Eight rows of the typed collection; years 2000 + batch, so the filter delete hits batch 4. */
    private static String books(int batch) {
        StringBuilder rows = new StringBuilder("{\"collectionName\":\"books\",\"data\":[");
        for (int i = 0; i < 8; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"vector\":[").append(batch).append('.').append(i)
                    .append(",-1.5,0.25],\"year\":").append(2000 + batch)
                    .append(",\"title\":").append(i % 3 == 0 ? "null" : "\"t" + batch + i + "\"")
                    .append(",\"tags\":[0.1,").append(i).append("],\"meta\":{\"n\":").append(i)
                    .append(",\"deep\":[true,\"x\"]},\"extra\":").append(batch * 10 + i).append('}');
        }
        return rows.append("]}").toString();
    }

    private static String keyed(String... keys) {
        StringBuilder rows = new StringBuilder("{\"collectionName\":\"keyed\",\"data\":[");
        for (int i = 0; i < keys.length; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"id\":\"").append(keys[i]).append("\",\"vector\":[")
                    .append(i).append(",1]}");
        }
        return rows.append("]}").toString();
    }

    private static JsonNode everything(HttpApi api, String collection, String filter) {
        return assertOk(api.post("/v1/vector/query", ROOT, "{\"collectionName\":\"" + collection
                + "\",\"filter\":\"" + filter.replace("\"", "\\\"") + "\",\"outputFields\":[\"*\"],\"limit\":0}"));
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(node -> values.add(node.longValue()));
        return values;
    }
}
