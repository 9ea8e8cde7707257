package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Int64 ids are JSON numbers by default; {@code Accept-Type-Allow-Int64: false} renders them as
 * strings (Milvus 2.3.3+) in insert/upsert/delete ids, get/query rows and search hits, so
 * JavaScript clients keep every digit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Int64RenderingTest extends ApiTestSupport {

    /** 2^53 + 1: a double cannot hold it, so any detour through floating point would show. */
    private static final String BEYOND_DOUBLE = "9007199254740993";

    @BeforeAll
    void createRowBeyondDoublePrecision() {
        createClientIdCollection("int64_rows", 2);
        insert("int64_rows", "[{\"id\":" + BEYOND_DOUBLE + ",\"vector\":[1,0],\"count\":5}]");
    }

    @Test
    void autoIdInsertRendersIdsAsNumbersByDefault() {
        createAutoIdCollection("int64_auto_default", 2);

        JsonNode ids = insert("int64_auto_default", "[{\"vector\":[1,0]},{\"vector\":[0,1]}]");

        assertThat(ids).hasSize(2).allSatisfy(id -> assertThat(id.isIntegralNumber()).isTrue());
        assertThat(ids.get(0).asLong()).isLessThan(1L << 53).isLessThan(ids.get(1).asLong());
    }

    @Test
    void autoIdInsertRendersIdsAsStringsWhenHeaderIsFalse() {
        createAutoIdCollection("int64_auto_strings", 2);

        JsonNode data = assertOk(post(ApiPaths.INSERT, """
                {"collectionName":"int64_auto_strings","data":[{"vector":[1,0]}]}""", "false"));

        assertThat(data.get("insertCount").isIntegralNumber()).as("insertCount stays a number").isTrue();
        assertThat(data.get("insertIds").get(0).isString()).isTrue();
        assertThat(data.get("insertIds").get(0).asString()).matches("[0-9]+");
    }

    @Test
    void clientIdBeyondDoublePrecisionRoundTripsExactlyAsNumberAndAsString() {
        assertThat(bodyText(post(ApiPaths.GET, """
                {"collectionName":"int64_rows","id":"%s","outputFields":["id"]}""".formatted(BEYOND_DOUBLE))))
                .isEqualTo("{\"code\":200,\"data\":[{\"id\":" + BEYOND_DOUBLE + "}]}");
        assertThat(bodyText(post(ApiPaths.GET, """
                {"collectionName":"int64_rows","id":%s,"outputFields":["id"]}""".formatted(BEYOND_DOUBLE), "false")))
                .isEqualTo("{\"code\":200,\"data\":[{\"id\":\"" + BEYOND_DOUBLE + "\"}]}");
    }

    @Test
    void queryRowsRenderIdsAsStringsWhenHeaderIsFalseButLeaveOtherNumbersAlone() {
        JsonNode row = assertOk(post(ApiPaths.QUERY, """
                {"collectionName":"int64_rows","filter":"id > 0"}""", "false")).get(0);

        assertThat(row.get("id").isString()).isTrue();
        assertThat(row.get("id").asString()).isEqualTo(BEYOND_DOUBLE);
        assertThat(row.get("count").isIntegralNumber()).as("dynamic field").isTrue();
    }

    @Test
    void queryRowsRenderIdsAsNumbersByDefault() {
        JsonNode row = assertOk(post(ApiPaths.QUERY, """
                {"collectionName":"int64_rows","filter":"id > 0"}""")).get(0);

        assertThat(row.get("id").isIntegralNumber()).isTrue();
        assertThat(row.get("id").asString()).isEqualTo(BEYOND_DOUBLE);
    }

    @Test
    void searchHitIdsAreStringsWhenHeaderIsFalseAndDistanceStaysANumber() {
        JsonNode hit = assertOk(post(ApiPaths.SEARCH, """
                {"collectionName":"int64_rows","vector":[1,0],"outputFields":["id"]}""", "false")).get(0);

        assertThat(hit.get("id").isString()).isTrue();
        assertThat(hit.get("id").asString()).isEqualTo(BEYOND_DOUBLE);
        assertThat(hit.get("distance").isNumber()).isTrue();
    }

    @Test
    void searchHitIdsAreNumbersByDefault() {
        JsonNode hit = assertOk(post(ApiPaths.SEARCH, """
                {"collectionName":"int64_rows","vector":[1,0]}""")).get(0);

        assertThat(hit.get("id").isIntegralNumber()).isTrue();
        assertThat(hit.get("id").asString()).isEqualTo(BEYOND_DOUBLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "1", "TRUE", "not-a-bool"})
    void headerOtherThanFalseRendersNumbers(String header) {
        JsonNode row = assertOk(post(ApiPaths.QUERY, """
                {"collectionName":"int64_rows","filter":"id > 0","outputFields":["id"]}""", header)).get(0);

        assertThat(row.get("id").isIntegralNumber()).isTrue();
    }

    @Test
    void upsertAndDeleteIdsAreStringsWhenHeaderIsFalse() {
        createClientIdCollection("int64_writes", 2);

        JsonNode upserted = assertOk(post(ApiPaths.UPSERT, """
                {"collectionName":"int64_writes","data":[{"id":7,"vector":[1,0]}]}""", "false"));
        JsonNode deleted = assertOk(post(ApiPaths.DELETE, """
                {"collectionName":"int64_writes","id":7}""", "false"));

        assertThat(upserted.get("upsertIds").get(0).isString()).isTrue();
        assertThat(upserted.get("upsertCount").isIntegralNumber()).isTrue();
        assertThat(deleted.get("deleteIds").get(0).isString()).isTrue();
        assertThat(deleted.get("deleteCount").isIntegralNumber()).isTrue();
    }

    @Test
    void varCharIdsAreStringsWhateverTheHeader() {
        assertOk(post(ApiPaths.CREATE, """
                {"collectionName":"int64_varchar","dimension":2,"idType":"VarChar","autoId":false,"maxLength":16}"""));

        JsonNode ids = assertOk(post(ApiPaths.INSERT, """
                {"collectionName":"int64_varchar","data":[{"id":"123","vector":[1,0]}]}""", "true")).get("insertIds");

        assertThat(ids.get(0).isString()).isTrue();
    }
}
