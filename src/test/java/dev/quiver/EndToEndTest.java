package dev.quiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Milvus v1 client's whole session over real HTTP, once per metric: create, list, describe,
 * insert seeded random rows, get, query, search against a brute force computed here, delete by id
 * and by filter, drop. Bodies go as {@code text/plain}, as the Node SDK sends them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class EndToEndTest {

    private static final String ROOT = "Bearer root:test-root-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int DIMENSION = 8;
    private static final int ROWS = 200;
    private static final long SEED = 20240611L;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A row as the test inserted it; {@code id} is the one the server assigned. */
    record Row(long id, float[] vector, int group, int rank) {
    }

    record Hit(long id, float distance) {
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"L2", "IP", "COSINE"})
    void collectionLifecycleOverHttpAgreesWithBruteForce(String metric) {
        String collection = "e2e_" + metric.toLowerCase();
        Random random = new Random(SEED);

        createListAndDescribe(collection, metric);
        Map<Long, Row> live = insertRows(collection, random);
        List<Row> rows = new ArrayList<>(live.values());
        List<float[]> queries = new ArrayList<>(List.of(rows.get(7).vector()));
        for (int i = 0; i < 5; i++) {
            queries.add(randomVector(random));
        }

        assertGetReturnsTheInsertedRows(collection, List.of(rows.get(0), rows.get(7), rows.get(ROWS - 1)));
        assertThat(ids(post("/v1/vector/query", Map.of("collectionName", collection,
                "filter", "group == 2 and rank < 100", "outputFields", List.of("rank", "group")))))
                .containsExactlyInAnyOrderElementsOf(ids(live.values(), row -> row.group() == 2 && row.rank() < 100));
        assertSearchesAgreeWithBruteForce(collection, metric, live, queries);

        // Delete the best hits of the first query (ties included), then a whole group by filter.
        List<Long> byId = bruteForce(live.values(), queries.get(0), metric, row -> true).stream()
                .limit(10).map(Hit::id).toList();
        JsonNode deleted = post("/v1/vector/delete", Map.of("collectionName", collection, "id", byId));
        assertThat(deleted.get("deleteCount").intValue()).isEqualTo(10);
        assertThat(longs(deleted.get("deleteIds"))).containsExactlyInAnyOrderElementsOf(byId);
        byId.forEach(live::remove);

        List<Long> group4 = ids(live.values(), row -> row.group() == 4);
        deleted = post("/v1/vector/delete", Map.of("collectionName", collection, "filter", "group == 4"));
        assertThat(deleted.get("deleteCount").intValue()).isEqualTo(group4.size());
        assertThat(longs(deleted.get("deleteIds"))).containsExactlyInAnyOrderElementsOf(group4);
        group4.forEach(live::remove);

        Set<Long> gone = new HashSet<>(byId);
        gone.addAll(group4);
        for (float[] query : queries) {
            List<Long> everything = ids(post("/v1/vector/search", Map.of("collectionName", collection,
                    "vector", query, "limit", ROWS)));
            assertThat(everything).hasSize(live.size()).doesNotContainAnyElementsOf(gone);
        }
        assertSearchesAgreeWithBruteForce(collection, metric, live, queries);
        assertThat(post("/v1/vector/get", Map.of("collectionName", collection, "id", List.copyOf(gone)))).isEmpty();
        assertThat(post("/v1/vector/query", Map.of("collectionName", collection, "filter", "group == 4"))).isEmpty();

        dropAndCheckItIsGone(collection);
    }

    private void createListAndDescribe(String collection, String metric) {
        assertThat(post("/v1/vector/collections/create",
                Map.of("collectionName", collection, "dimension", DIMENSION, "metricType", metric))).isEmpty();
        assertThat(strings(get("/v1/vector/collections"))).contains(collection);

        JsonNode description = get("/v1/vector/collections/describe?collectionName=" + collection);
        assertThat(description.get("collectionName").stringValue()).isEqualTo(collection);
        assertThat(description.get("load").stringValue()).isEqualTo("LoadStateLoaded");
        JsonNode fields = description.get("fields");
        assertThat(fields.get(0).get("name").stringValue()).isEqualTo("id");
        assertThat(fields.get(0).get("type").stringValue()).isEqualTo("Int64");
        assertThat(fields.get(0).get("primaryKey").booleanValue()).isTrue();
        assertThat(fields.get(0).get("autoId").booleanValue()).isTrue();
        assertThat(fields.get(1).get("type").stringValue()).isEqualTo("FloatVector(" + DIMENSION + ")");
        assertThat(description.get("indexes").get(0).get("metricType").stringValue()).isEqualTo(metric);
    }

    private Map<Long, Row> insertRows(String collection, Random random) {
        List<float[]> vectors = new ArrayList<>();
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            // Rows 100..104 repeat row 7's vector, so equal scores must be ordered by id.
            float[] vector = i >= 100 && i < 105 ? vectors.get(7) : randomVector(random);
            vectors.add(vector);
            data.add(Map.of("vector", vector, "group", i % 5, "rank", i));
        }
        JsonNode inserted = post("/v1/vector/insert", Map.of("collectionName", collection, "data", data));
        assertThat(inserted.get("insertCount").intValue()).isEqualTo(ROWS);
        List<Long> ids = longs(inserted.get("insertIds"));
        assertThat(new HashSet<>(ids)).hasSize(ROWS);
        assertThat(ids).allSatisfy(id -> assertThat(id).isPositive().isLessThan(1L << 53));

        Map<Long, Row> rows = new LinkedHashMap<>();
        for (int i = 0; i < ROWS; i++) {
            rows.put(ids.get(i), new Row(ids.get(i), vectors.get(i), i % 5, i));
        }
        return rows;
    }

    private void assertGetReturnsTheInsertedRows(String collection, List<Row> expected) {
        JsonNode found = post("/v1/vector/get",
                Map.of("collectionName", collection, "id", expected.stream().map(Row::id).toList()));
        assertThat(found).hasSize(expected.size());
        for (JsonNode row : found) {
            Row want = expected.stream().filter(r -> r.id() == row.get("id").longValue()).findFirst().orElseThrow();
            assertThat(floats(row.get("vector"))).containsExactly(want.vector());
            assertThat(row.get("group").intValue()).isEqualTo(want.group());
            assertThat(row.get("rank").intValue()).isEqualTo(want.rank());
        }
    }

    private void assertSearchesAgreeWithBruteForce(String collection, String metric, Map<Long, Row> live,
            List<float[]> queries) {
        for (float[] query : queries) {
            assertHits(post("/v1/vector/search", Map.of("collectionName", collection, "vector", query, "limit", 10)),
                    bruteForce(live.values(), query, metric, row -> true).subList(0, 10));
            assertHits(post("/v1/vector/search", Map.of("collectionName", collection, "vector", query,
                            "limit", 5, "offset", 5)),
                    bruteForce(live.values(), query, metric, row -> true).subList(5, 10));
            List<Hit> filtered = bruteForce(live.values(), query, metric, row -> row.group() == 1 || row.group() == 3);
            assertHits(post("/v1/vector/search", Map.of("collectionName", collection, "vector", query,
                            "limit", 15, "filter", "group in [1, 3]")),
                    filtered.subList(0, Math.min(15, filtered.size())));
        }
    }

    private void dropAndCheckItIsGone(String collection) {
        assertThat(post("/v1/vector/collections/drop", Map.of("collectionName", collection))).isEmpty();
        assertThat(strings(get("/v1/vector/collections"))).doesNotContain(collection);
        JsonNode describe = send(request("/v1/vector/collections/describe?collectionName=" + collection).GET());
        assertThat(describe.get("code").intValue()).isEqualTo(100);
    }

    private static void assertHits(JsonNode actual, List<Hit> expected) {
        assertThat(ids(actual)).containsExactlyElementsOf(expected.stream().map(Hit::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat((float) actual.get(i).get("distance").doubleValue())
                    .as("distance of hit %d", i).isCloseTo(expected.get(i).distance(), within(1e-5f));
        }
    }

    /** Every row's score, best first (L2 ascending, IP and COSINE descending), ties by id. */
    static List<Hit> bruteForce(Iterable<Row> rows, float[] query, String metric, Predicate<Row> filter) {
        List<Hit> hits = new ArrayList<>();
        for (Row row : rows) {
            if (filter.test(row)) {
                hits.add(new Hit(row.id(), score(metric, query, row.vector())));
            }
        }
        Comparator<Hit> byScore = Comparator.comparingDouble(Hit::distance);
        hits.sort((metric.equals("L2") ? byScore : byScore.reversed()).thenComparingLong(Hit::id));
        return hits;
    }

    /** Milvus's float32 scores: L2 is the squared distance; COSINE divides by both norms. */
    static float score(String metric, float[] q, float[] v) {
        float l2 = 0f;
        float dot = 0f;
        for (int i = 0; i < q.length; i++) {
            float d = q[i] - v[i];
            l2 += d * d;
            dot += q[i] * v[i];
        }
        return switch (metric) {
            case "L2" -> l2;
            case "IP" -> dot;
            default -> dot / (norm(q) * norm(v));
        };
    }

    private static float norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return (float) Math.sqrt(sum);
    }

    /** Multiples of 1/64 in [-1.5625, 1.5625]: exact in float32, so L2 and IP scores are exact too. */
    private static float[] randomVector(Random random) {
        float[] vector = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] = (random.nextInt(201) - 100) / 64f;
        }
        return vector;
    }

    private static List<Long> ids(Iterable<Row> rows, Predicate<Row> filter) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(row -> {
            if (filter.test(row)) {
                ids.add(row.id());
            }
        });
        return ids;
    }

    private static List<Long> ids(JsonNode rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.get("id").longValue()));
        return ids;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(value -> values.add(value.longValue()));
        return values;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.stringValue()));
        return values;
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).doubleValue();
        }
        return values;
    }

    /** GETs a route and returns {@code data}, having checked HTTP 200 and code 200. */
    private JsonNode get(String pathAndQuery) {
        return data(send(request(pathAndQuery).GET()));
    }

    /** POSTs a JSON body as {@code text/plain} and returns {@code data}, having checked success. */
    private JsonNode post(String path, Object body) {
        return data(send(request(path).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).header("Authorization", ROOT);
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("HTTP status of %s", response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode data(JsonNode envelope) {
        assertThat(envelope.get("code").intValue()).as("code of %s", envelope).isEqualTo(200);
        return envelope.get("data");
    }
}
