package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Insert data that does not fit the schema gets code 1804 naming the row, and a rejected request
 * changes nothing. Ids that are not valid for the primary key type get code 1806 on get and delete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRowAndIdTest extends ApiTestSupport {

    private static final String GOOD_ROWS = "{\"id\":1,\"vector\":[1,0]},{\"id\":2,\"vector\":[0,1]}";

    /** Fixture for the id tests, which must leave it as it is: rows 1 and 2. */
    @BeforeAll
    void createRowsOneAndTwo() {
        createClientIdCollection("badid_rows", 2);
        insert("badid_rows", "[" + GOOD_ROWS + "]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong length   | {"id":3,"vector":[1,0,0]}   | row 2: field 'vector' has 3 components but the collection's dimension is 2
            empty vector   | {"id":3,"vector":[]}        | row 2: field 'vector' has 0 components
            NaN string     | {"id":3,"vector":["NaN",0]} | row 2: vector[0] is not a number
            Infinity str   | {"id":3,"vector":[0,"Infinity"]} | row 2: vector[1] is not a number
            beyond float32 | {"id":3,"vector":[1e39,0]}  | row 2: vector[0] = 1.0E39 is not a finite float32
            null component | {"id":3,"vector":[null,0]}  | row 2: vector[0] is not a number
            vector missing | {"id":3,"title":"x"}        | row 2: missing field 'vector'
            vector object  | {"id":3,"vector":{"a":1}}   | row 2: field 'vector' must be an array
            id missing     | {"vector":[1,0]}            | row 2: missing primary key field 'id'
            fractional id  | {"id":3.5,"vector":[1,0]}   | row 2: Int64 primary key 'id' takes integers or numeric strings, got 3.5
            id beyond int64| {"id":9223372036854775808,"vector":[1,0]} | row 2: Int64 primary key 'id'
            repeated id    | {"id":1,"vector":[1,0]}     | row 2: primary key 1 repeats the key of row 0
            row not object | [1,0]                       | row 2: a row must be a JSON object
            """)
    void insertWhenThirdRowIsBadReturnsBadInsertDataAndStoresNoRow(String problem, String badRow, String message) {
        String collection = "badrow_" + problem.toLowerCase().replaceAll("[^a-z0-9]", "_");
        createClientIdCollection(collection, 2);

        assertError(post(ApiPaths.INSERT, """
                {"collectionName":"%s","data":[%s,%s]}""".formatted(collection, GOOD_ROWS, badRow)),
                1804, "fail to deal the insert data", message);
        assertThat(allIds(collection)).isEmpty();
    }

    @Test
    void insertWhenRowCarriesIdOnAutoIdCollectionReturnsBadInsertDataNamingTheRow() {
        createAutoIdCollection("badrow_auto_with_id", 2);

        assertError(post(ApiPaths.INSERT, """
                {"collectionName":"badrow_auto_with_id","data":[{"vector":[1,0]},{"id":5,"vector":[0,1]}]}"""),
                1804, "row 1: primary key 'id' is generated (autoId)");
        assertThat(allIds("badrow_auto_with_id")).isEmpty();
    }

    @Test
    void insertWhenDataIsEmptyReturnsBadInsertData() {
        createClientIdCollection("badrow_empty", 2);

        assertError(post(ApiPaths.INSERT, """
                {"collectionName":"badrow_empty","data":[]}"""), 1804, "data holds no rows");
    }

    @Test
    void insertAcceptsASingleRowObjectAndNumericStringIds() {
        createClientIdCollection("badrow_single", 2);

        assertOk(post(ApiPaths.INSERT, """
                {"collectionName":"badrow_single","data":{"id":"0x10","vector":[1,0]}}"""));

        assertThat(allIds("badrow_single")).containsExactly(16L);
    }

    @Test
    void upsertWhenSecondRowIsBadLeavesExistingRowsUntouched() {
        createClientIdCollection("badrow_upsert", 2);
        insert("badrow_upsert", "[" + GOOD_ROWS + "]");

        assertError(post(ApiPaths.UPSERT, """
                {"collectionName":"badrow_upsert","data":[{"id":1,"vector":[9,9]},{"id":2,"vector":[9]}]}"""),
                1804, "row 1: field 'vector' has 1 components");

        assertThat(assertOk(post(ApiPaths.GET, """
                {"collectionName":"badrow_upsert","id":1,"outputFields":["vector"]}""")).get(0).get("vector").toString())
                .isEqualTo("[1.0,0.0]");
        assertThat(allIds("badrow_upsert")).containsExactly(1L, 2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "[1, 2.5]", "\"abc\"", "[\"1\", \"abc\"]", "\"1.5\"", "true", "{\"a\":1}",
            "\"99999999999999999999\""})
    void getWhenIdIsNotAnInt64ReturnsBadPrimaryKey(String id) {
        assertError(post(ApiPaths.GET, """
                {"collectionName":"badid_rows","id":%s}""".formatted(id)),
                1806, "please check the primary key and its' type can only in [int, string]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "[1, 2.5]", "\"abc\"", "[2, \"abc\"]"})
    void deleteWhenIdIsNotAnInt64ReturnsBadPrimaryKeyAndDeletesNothing(String id) {
        assertError(post(ApiPaths.DELETE, """
                {"collectionName":"badid_rows","id":%s}""".formatted(id)),
                1806, "please check the primary key and its' type can only in [int, string]");
        assertThat(allIds("badid_rows")).containsExactly(1L, 2L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "abc", "1,abc"})
    void getByQueryStringWhenIdIsNotAnInt64ReturnsBadPrimaryKey(String id) {
        assertError(get(ApiPaths.GET + "?collectionName=badid_rows&id=" + id), 1806, "is not a 64-bit integer");
    }

    @Test
    void getWhenVarCharCollectionIsGivenANumberReturnsBadPrimaryKey() {
        assertOk(post(ApiPaths.CREATE, """
                {"collectionName":"badid_varchar","dimension":2,"idType":"VarChar","autoId":false,"maxLength":16}"""));

        assertError(post(ApiPaths.GET, """
                {"collectionName":"badid_varchar","id":5}"""), 1806, "VarChar primary key 'id' takes strings");
    }

}
