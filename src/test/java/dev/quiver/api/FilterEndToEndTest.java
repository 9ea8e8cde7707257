package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Every construct of the filter language through the HTTP API, over seeded random rows with
 * typed and dynamic fields: query returns exactly the matching ids, filtered search exactly the
 * brute-force top-k among them, and delete removes exactly them. Each filter's expected rows
 * come from a plain Java predicate written next to it.
 */
class FilterEndToEndTest extends ApiTestSupport {

    private static final int ROWS = 240;
    private static final int TOP_K = 7;
    private static final String[] COLORS = {"red", "green", "blue"};
    private static final List<Row> DATA = generate();

    record Row(long id, float[] vector, Integer age, double score, boolean active, String title,
            List<String> tags, long metaX, List<Long> metaArr, String color) {
    }

    private static List<Row> generate() {
        SplittableRandom random = new SplittableRandom(20261128);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            List<String> tags = new ArrayList<>();
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.add(COLORS[random.nextInt(3)]);
            }
            List<Long> arr = List.of((long) random.nextInt(5), (long) random.nextInt(5));
            rows.add(new Row(1000 + i, new float[] {random.nextInt(64) / 8f, random.nextInt(64) / 8f},
                    random.nextInt(10) == 0 ? null : random.nextInt(80), random.nextInt(100) / 4.0,
                    random.nextBoolean(), "t" + Integer.toString(random.nextInt(1000), 7), tags,
                    random.nextInt(10), arr, random.nextInt(5) == 0 ? null : COLORS[random.nextInt(3)]));
        }
        return rows;
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                filter("age > 30 and color in [\"red\", \"blue\"] and meta[\"x\"] < 5",
                        r -> r.age() != null && r.age() > 30 && r.color() != null && !r.color().equals("green") && r.metaX() < 5),
                filter("20 <= age < 40", r -> r.age() != null && r.age() >= 20 && r.age() < 40),
                filter("age % 3 == 0 && score * 2 > 20", r -> r.age() != null && r.age() % 3 == 0 && r.score() * 2 > 20),
                filter("-age > -10", r -> r.age() != null && -r.age() > -10),
                filter("age is null", r -> r.age() == null),
                filter("age is not null and not active", r -> r.age() != null && !r.active()),
                filter("title like \"t1%\"", r -> r.title().startsWith("t1")),
                filter("title like \"%6\"", r -> r.title().endsWith("6")),
                filter("title like \"t_0%\"", r -> r.title().length() >= 3 && r.title().charAt(2) == '0'),
                filter("array_contains(tags, \"red\")", r -> r.tags().contains("red")),
                filter("array_contains_all(tags, [\"red\", \"blue\"])", r -> r.tags().containsAll(List.of("red", "blue"))),
                filter("array_contains_any(tags, [\"green\"]) or array_length(tags) == 0",
                        r -> r.tags().contains("green") || r.tags().isEmpty()),
                filter("json_contains(meta[\"arr\"], 3)", r -> r.metaArr().contains(3L)),
                filter("json_contains_any(meta[\"arr\"], [0, 4]) AND NOT active",
                        r -> (r.metaArr().contains(0L) || r.metaArr().contains(4L)) && !r.active()),
                filter("json_contains_all(meta[\"arr\"], [1, 2])", r -> r.metaArr().containsAll(List.of(1L, 2L))),
                filter("meta[\"arr\"][0] + meta[\"arr\"][1] >= 6", r -> r.metaArr().get(0) + r.metaArr().get(1) >= 6),
                filter("exists color and color != \"red\"", r -> r.color() != null && !r.color().equals("red")),
                filter("not color == \"red\"", r -> !"red".equals(r.color())),
                filter("$meta[\"color\"] == 'green' || id in [1003, 1010]",
                        r -> "green".equals(r.color()) || r.id() == 1003 || r.id() == 1010),
                filter("id in [1001, 1005, 1100, 5000]", r -> List.of(1001L, 1005L, 1100L).contains(r.id())),
                filter("id in [1042, 1043, 1044, 1045, 1046, 1047] and not active", r -> r.id() >= 1042 && r.id() <= 1047 && !r.active()),
                filter("active == true and score <= 0x0A", r -> r.active() && r.score() <= 10),
                filter("score > age / 4", r -> r.age() != null && r.score() > r.age() / 4),
                filter("(age > 70 or score < 1.5) and id >= 1100", r -> (r.age() != null && r.age() > 70 || r.score() < 1.5) && r.id() >= 1100));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("filters")
    void queryAndSearchAndDeleteSelectExactlyTheMatchingRows(String filter, Predicate<Row> matches) {
        String collection = "e2e_filter_" + Math.abs(filter.hashCode());
        load(collection);
        List<Row> expected = DATA.stream().filter(matches).toList();
        assertThat(expected).as("the data should make the filter select some rows, not all").isNotEmpty().hasSizeLessThan(ROWS);
        String quoted = JsonNodeFactory.instance.stringNode(filter).toString();

        JsonNode queried = assertOk(post(ApiPaths.QUERY, """
                {"collectionName":"%s","filter":%s,"limit":0,"outputFields":["id"]}""".formatted(collection, quoted)));
        assertThat(ids(queried)).as("query").containsExactlyElementsOf(expected.stream().map(Row::id).toList());

        float[] query = {3.3f, 4.1f};
        List<Long> bruteForce = expected.stream()
                .sorted(Comparator.comparingDouble((Row r) -> squaredL2(query, r.vector())).thenComparingLong(Row::id))
                .limit(TOP_K).map(Row::id).toList();
        JsonNode hits = assertOk(post(ApiPaths.SEARCH, """
                {"collectionName":"%s","vector":[3.3,4.1],"filter":%s,"limit":%d}"""
                .formatted(collection, quoted, TOP_K)));
        assertThat(ids(hits)).as("search").containsExactlyElementsOf(bruteForce);

        JsonNode deleted = assertOk(post(ApiPaths.DELETE, """
                {"collectionName":"%s","filter":%s}""".formatted(collection, quoted)));
        assertThat(deleted.get("deleteCount").asInt()).isEqualTo(expected.size());
        JsonNode left = assertOk(post(ApiPaths.QUERY, """
                {"collectionName":"%s","outputFields":["count(*)"]}""".formatted(collection)));
        assertThat(left.get(0).get("count(*)").asInt()).isEqualTo(ROWS - expected.size());
    }

    private void load(String collection) {
        assertOk(post(ApiPaths.CREATE, """
                {"collectionName":"%s","dimension":2,"autoId":false,"fields":[
                 {"name":"age","type":"Int32","nullable":true},{"name":"score","type":"Double"},
                 {"name":"active","type":"Bool"},{"name":"title","type":"VarChar","maxLength":16},
                 {"name":"tags","type":"Array","elementType":"VarChar","maxLength":8,"maxCapacity":4},
                 {"name":"meta","type":"JSON"}]}""".formatted(collection)));
        StringBuilder rows = new StringBuilder();
        for (Row row : DATA) {
            rows.append(rows.length() == 0 ? "" : ",").append(json(row));
        }
        assertOk(post(ApiPaths.INSERT, "{\"collectionName\":\"" + collection + "\",\"data\":[" + rows + "]}"));
    }

    private static String json(Row row) {
        StringBuilder tags = new StringBuilder();
        row.tags().forEach(tag -> tags.append(tags.length() == 0 ? "" : ",").append('"').append(tag).append('"'));
        return "{\"id\":" + row.id() + ",\"vector\":[" + row.vector()[0] + "," + row.vector()[1] + "]"
                + ",\"age\":" + row.age() + ",\"score\":" + row.score() + ",\"active\":" + row.active()
                + ",\"title\":\"" + row.title() + "\",\"tags\":[" + tags + "]"
                + ",\"meta\":{\"x\":" + row.metaX() + ",\"arr\":" + row.metaArr() + "}"
                + (row.color() == null ? "" : ",\"color\":\"" + row.color() + "\"") + "}";
    }

    private static List<Long> ids(JsonNode rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.get("id").asLong()));
        return ids;
    }

    private static double squaredL2(float[] a, float[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        return dx * dx + dy * dy;
    }

    private static Arguments filter(String text, Predicate<Row> matches) {
        return Arguments.of(text, matches);
    }

}
