package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** count(*) queries, and filters that pin the primary key, through the HTTP API. */
class CountAndKeyLookupTest extends ApiTestSupport {

    private void seed(String collection) {
        post(ApiPaths.CREATE, "{\"collectionName\":\"" + collection + "\",\"dimension\":2,\"autoId\":false}");
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            rows.append(i > 1 ? "," : "").append("{\"id\":").append(i).append(",\"vector\":[").append(i)
                    .append(",1],\"even\":").append(i % 2 == 0).append('}');
        }
        assertOk(post(ApiPaths.INSERT, "{\"collectionName\":\"" + collection + "\",\"data\":[" + rows + "]}"));
    }

    @Test
    void countWithoutFilterCountsEveryLiveRow() {
        seed("count_all");
        assertOk(post(ApiPaths.DELETE, "{\"collectionName\":\"count_all\",\"id\":[1,2]}"));
        JsonNode data = assertOk(post(ApiPaths.QUERY, "{\"collectionName\":\"count_all\",\"outputFields\":[\"count(*)\"]}"));
        assertThat(data.toString()).isEqualTo("[{\"count(*)\":18}]");
    }

    @Test
    void countWithFilterCountsMatchesBeyondTheDefaultLimit() {
        seed("count_filter");
        JsonNode data = assertOk(post(ApiPaths.QUERY,
                "{\"collectionName\":\"count_filter\",\"filter\":\"even == true and id > 4\",\"outputFields\":[\"count(*)\"]}"));
        assertThat(data.toString()).isEqualTo("[{\"count(*)\":8}]");
    }

    @Test
    void countMixedWithOtherFieldsOrPagedIsInvalid() {
        seed("count_bad");
        assertError(post(ApiPaths.QUERY,
                "{\"collectionName\":\"count_bad\",\"filter\":\"id > 0\",\"outputFields\":[\"count(*)\",\"id\"]}"),
                1100, "count(*) cannot be combined");
        assertError(post(ApiPaths.QUERY,
                "{\"collectionName\":\"count_bad\",\"filter\":\"id > 0\",\"limit\":5,\"outputFields\":[\"count(*)\"]}"),
                1100, "count(*) takes no limit or offset");
    }

    @Test
    void primaryKeyFilterFindsRowsInInsertionOrderAndSkipsDeletedOnes() {
        seed("key_lookup");
        assertOk(post(ApiPaths.DELETE, "{\"collectionName\":\"key_lookup\",\"filter\":\"id in [7]\"}"));
        JsonNode data = assertOk(post(ApiPaths.QUERY,
                "{\"collectionName\":\"key_lookup\",\"filter\":\"id in [9, 7, 3, 99] and even == false\",\"outputFields\":[\"id\"]}"));
        assertThat(data.toString()).isEqualTo("[{\"id\":3},{\"id\":9}]");
        JsonNode hits = assertOk(post(ApiPaths.SEARCH,
                "{\"collectionName\":\"key_lookup\",\"vector\":[8,1],\"filter\":\"id == 4 or id == 12\",\"limit\":5}"));
        assertThat(hits.findValues("id").stream().map(JsonNode::asLong).toList()).containsExactly(4L, 12L);
    }

    @Test
    void deleteByPrimaryKeyFilterRemovesOnlyThoseRows() {
        seed("key_delete");
        JsonNode deleted = assertOk(post(ApiPaths.DELETE, "{\"collectionName\":\"key_delete\",\"filter\":\"id in [5, 6, 50]\"}"));
        assertThat(deleted.toString()).isEqualTo("{\"deleteCount\":2,\"deleteIds\":[5,6]}");
        JsonNode data = assertOk(post(ApiPaths.QUERY, "{\"collectionName\":\"key_delete\",\"outputFields\":[\"count(*)\"]}"));
        assertThat(data.toString()).isEqualTo("[{\"count(*)\":18}]");
    }
}
