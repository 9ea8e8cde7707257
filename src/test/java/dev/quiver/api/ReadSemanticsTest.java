package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Query windows (default 100, {@code limit:0} = all, offset), search offset and range search,
 * output field projection, and VarChar primary keys end to end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadSemanticsTest extends ApiTestSupport {

    private static final String MANY = "read_many";
    private static final int MANY_ROWS = 150;

    /** Read-only fixture: ids 1..150 with vector [id, 0], so the L2 distance from [0,0] is id². */
    @BeforeAll
    void createManyRows() {
        createClientIdCollection(MANY, 2);
        StringBuilder rows = new StringBuilder("[");
        for (int id = 1; id <= MANY_ROWS; id++) {
            rows.append(id == 1 ? "" : ",").append("{\"id\":").append(id).append(",\"vector\":[").append(id)
                    .append(",0],\"parity\":\"").append(id % 2 == 0 ? "even" : "odd").append("\"}");
        }
        insert(MANY, rows.append(']').toString());
    }

    private List<Long> ids(JsonNode rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.get("id").asLong()));
        return ids;
    }

    private JsonNode query(String extra) {
        return assertOk(post(ApiPaths.QUERY, """
                {"collectionName":"read_many","filter":"id > 0","outputFields":["id"]%s}""".formatted(extra)));
    }

    private JsonNode search(String extra) {
        return assertOk(post(ApiPaths.SEARCH, """
                {"collectionName":"read_many","vector":[0,0]%s}""".formatted(extra)));
    }

    @Test
    void queryWithoutLimitReturnsTheFirstHundredMatches() {
        assertThat(query("")).hasSize(100);
    }

    @Test
    void queryWithLimitZeroReturnsEveryMatch() {
        assertThat(ids(query(",\"limit\":0"))).hasSize(MANY_ROWS).doesNotHaveDuplicates();
    }

    @Test
    void queryOffsetSkipsMatchesInOrder() {
        assertThat(ids(query(",\"limit\":3,\"offset\":10"))).containsExactly(11L, 12L, 13L);
        assertThat(ids(query(",\"limit\":0,\"offset\":148"))).containsExactly(149L, 150L);
        assertThat(query(",\"limit\":5,\"offset\":150")).isEmpty();
    }

    @Test
    void queryFiltersOnDynamicFields() {
        JsonNode rows = assertOk(post(ApiPaths.QUERY, """
                {"collectionName":"read_many","filter":"parity == \\"even\\" and id < 7","outputFields":["id"]}"""));

        assertThat(ids(rows)).containsExactly(2L, 4L, 6L);
    }

    @Test
    void searchReturnsNearestFirstWithDefaultTopKOfHundred() {
        List<Long> ids = ids(search(""));

        assertThat(ids).hasSize(100).startsWith(1L, 2L, 3L).endsWith(100L);
    }

    @Test
    void searchOffsetSkipsTheBestHits() {
        JsonNode hits = search(",\"limit\":2,\"offset\":3");

        assertThat(ids(hits)).containsExactly(4L, 5L);
        assertThat(hits.get(0).get("distance").asDouble()).isEqualTo(16.0);
    }

    @Test
    void searchWithRadiusKeepsHitsCloserThanIt() {
        assertThat(ids(search(",\"params\":{\"radius\":10}"))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void searchWithRadiusAndRangeFilterKeepsTheRingBetweenThem() {
        // L2 keeps range_filter <= distance < radius: 4 <= id² < 25.
        assertThat(ids(search(",\"params\":{\"radius\":25,\"range_filter\":4}"))).containsExactly(2L, 3L, 4L);
    }

    @Test
    void searchRangeOnInnerProductKeepsScoresAboveRadiusUpToRangeFilter() {
        assertOk(post(ApiPaths.CREATE, """
                {"collectionName":"read_ip","dimension":2,"metricType":"IP","autoId":false}"""));
        insert("read_ip", "[{\"id\":1,\"vector\":[1,0]},{\"id\":2,\"vector\":[2,0]},{\"id\":3,\"vector\":[3,0]},"
                + "{\"id\":4,\"vector\":[4,0]}]");

        JsonNode hits = assertOk(post(ApiPaths.SEARCH, """
                {"collectionName":"read_ip","vector":[1,0],"params":{"radius":1,"range_filter":3}}"""));

        assertThat(ids(hits)).containsExactly(3L, 2L);
        assertThat(hits.get(0).get("distance").asDouble()).isEqualTo(3.0);
    }

    @Test
    void searchWithFilterOnlyReturnsMatchingRows() {
        assertThat(ids(search(",\"limit\":3,\"filter\":\"parity == \\\"odd\\\"\""))).containsExactly(1L, 3L, 5L);
    }

    @Test
    void searchHitsCarryOnlyIdAndDistanceUnlessOutputFieldsAsk() {
        JsonNode plain = search(",\"limit\":1").get(0);
        JsonNode all = search(",\"limit\":1,\"outputFields\":[\"*\"]").get(0);

        assertThat(plain.propertyNames()).containsExactlyInAnyOrder("id", "distance");
        assertThat(all.propertyNames()).containsExactlyInAnyOrder("id", "distance", "vector", "parity");
    }

    @Test
    void getAndQueryReturnOnlyTheRequestedOutputFields() {
        JsonNode row = assertOk(post(ApiPaths.GET, """
                {"collectionName":"read_many","id":2,"outputFields":["parity"]}""")).get(0);

        assertThat(row.propertyNames()).containsExactlyInAnyOrder("id", "parity");
        assertThat(row.get("parity").asString()).isEqualTo("even");
    }

    @Test
    void varCharCollectionRoundTripsThroughEveryRoute() {
        assertOk(post(ApiPaths.CREATE, """
                {"collectionName":"read_varchar","dimension":2,"idType":"VarChar","autoId":false,"maxLength":16}"""));

        assertThat(assertOk(post(ApiPaths.INSERT, """
                {"collectionName":"read_varchar","data":[{"id":"alpha","vector":[1,0]},{"id":"beta","vector":[0,1]},
                 {"id":"gamma","vector":[5,5]}]}""")).get("insertIds").toString()).isEqualTo("[\"alpha\",\"beta\",\"gamma\"]");
        assertThat(assertOk(get(ApiPaths.DESCRIBE + "?collectionName=read_varchar")).at("/fields/0/type").asString())
                .isEqualTo("VarChar(16)");
        assertThat(assertOk(post(ApiPaths.GET, """
                {"collectionName":"read_varchar","id":["beta","nope"],"outputFields":["id"]}""")).toString())
                .isEqualTo("[{\"id\":\"beta\"}]");
        assertThat(assertOk(get(ApiPaths.GET + "?collectionName=read_varchar&id=alpha,gamma&outputFields=id")).toString())
                .isEqualTo("[{\"id\":\"alpha\"},{\"id\":\"gamma\"}]");
        assertThat(assertOk(post(ApiPaths.QUERY, """
                {"collectionName":"read_varchar","filter":"id in [\\"alpha\\", \\"gamma\\"]","outputFields":["id"]}""")).toString())
                .isEqualTo("[{\"id\":\"alpha\"},{\"id\":\"gamma\"}]");
        assertThat(assertOk(post(ApiPaths.SEARCH, """
                {"collectionName":"read_varchar","vector":[0,1],"limit":1}""")).toString())
                .isEqualTo("[{\"distance\":0.0,\"id\":\"beta\"}]");
        assertThat(assertOk(post(ApiPaths.UPSERT, """
                {"collectionName":"read_varchar","data":[{"id":"beta","vector":[9,9]}]}""")).get("upsertIds").toString())
                .isEqualTo("[\"beta\"]");
        assertThat(assertOk(post(ApiPaths.DELETE, """
                {"collectionName":"read_varchar","id":"alpha"}""")).get("deleteIds").toString()).isEqualTo("[\"alpha\"]");
        assertThat(assertOk(post(ApiPaths.QUERY, """
                {"collectionName":"read_varchar","filter":"id >= \\"a\\"","outputFields":["id","vector"]}""")).toString())
                .isEqualTo("[{\"id\":\"gamma\",\"vector\":[5.0,5.0]},{\"id\":\"beta\",\"vector\":[9.0,9.0]}]");
    }

    @Test
    void varCharIdLongerThanMaxLengthReturnsBadInsertData() {
        assertOk(post(ApiPaths.CREATE, """
                {"collectionName":"read_varchar_short","dimension":2,"idType":"VarChar","autoId":false,"maxLength":4}"""));

        assertError(post(ApiPaths.INSERT, """
                {"collectionName":"read_varchar_short","data":[{"id":"abcd","vector":[1,0]},{"id":"abcde","vector":[1,0]}]}"""),
                1804, "row 1: primary key of length 5 exceeds maxLength 4");
    }
}
