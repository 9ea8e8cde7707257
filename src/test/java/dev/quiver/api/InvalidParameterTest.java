package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values that are well-typed JSON but outside Milvus's limits get code 1100 with a message saying
 * what is wrong and where: topK, the result window, dimensions, names, metrics and filters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvalidParameterTest extends ApiTestSupport {

    private static final String COLLECTION = "limits_rows";

    /** Read-only fixture shared by the tests of this class. */
    @BeforeAll
    void createThreeRows() {
        createClientIdCollection(COLLECTION, 2);
        insert(COLLECTION, """
                [{"id":1,"vector":[1,0]},{"id":2,"vector":[0,1]},{"id":3,"vector":[1,1]}]""");
    }

    private String search(String extra) {
        return "{\"collectionName\":\"" + COLLECTION + "\",\"vector\":[0,0]" + extra + "}";
    }

    private String query(String extra) {
        return "{\"collectionName\":\"" + COLLECTION + "\",\"filter\":\"id > 0\"" + extra + "}";
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 16385})
    void searchWhenTopKOutOfRangeReturnsInvalidParameter(int limit) {
        assertError(post(ApiPaths.SEARCH, search(",\"limit\":" + limit)), 1100,
                "limit (topk) " + limit + " is invalid", "[1, 16384]");
    }

    @Test
    void searchAcceptsTheLargestTopK() {
        assertThat(assertOk(post(ApiPaths.SEARCH, search(",\"limit\":16384")))).hasSize(3);
    }

    @Test
    void searchWhenOffsetPlusLimitExceedsWindowReturnsInvalidParameter() {
        assertError(post(ApiPaths.SEARCH, search(",\"limit\":16384,\"offset\":1")), 1100,
                "(offset+limit) should be in range [1, 16384], but got 16385");
    }

    @Test
    void queryWhenOffsetPlusLimitExceedsWindowReturnsInvalidParameter() {
        assertError(post(ApiPaths.QUERY, query(",\"limit\":100,\"offset\":16300")), 1100,
                "(offset+limit) should be in range [1, 16384], but got 16400");
    }

    @Test
    void queryAcceptsAWindowEndingExactlyAtTheCap() {
        assertThat(assertOk(post(ApiPaths.QUERY, query(",\"limit\":84,\"offset\":16300")))).isEmpty();
    }

    @Test
    void queryWhenOffsetNegativeReturnsInvalidParameter() {
        assertError(post(ApiPaths.QUERY, query(",\"offset\":-1")), 1100, "offset -1 is invalid");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 32769, -3})
    void createWhenDimensionOutOfRangeReturnsInvalidParameter(int dimension) {
        assertError(post(ApiPaths.CREATE, """
                {"collectionName":"limits_dim","dimension":%d}""".formatted(dimension)), 1100,
                "dimension " + dimension + " is out of range [2, 32768]");
    }

    @Test
    void createAcceptsTheSmallestAndLargestDimension() {
        assertOk(post(ApiPaths.CREATE, """
                {"collectionName":"limits_dim_min","dimension":2}"""));
        assertOk(post(ApiPaths.CREATE, """
                {"collectionName":"limits_dim_max","dimension":32768}"""));

        assertThat(assertOk(get(ApiPaths.DESCRIBE + "?collectionName=limits_dim_max")).at("/fields/1/type").asString())
                .isEqualTo("FloatVector(32768)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1starts_with_digit", "has-dash", "has space", "caf\u00e9"})
    void createWhenCollectionNameInvalidReturnsInvalidParameterQuotingIt(String name) {
        assertError(post(ApiPaths.CREATE, """
                {"collectionName":"%s","dimension":2}""".formatted(name)), 1100,
                "collectionName '" + name + "' is invalid");
    }

    @Test
    void createWhenCollectionNameLongerThan255ReturnsInvalidParameter() {
        assertError(post(ApiPaths.CREATE, """
                {"collectionName":"%s","dimension":2}""".formatted("n".repeat(256))), 1100,
                "is invalid", "at most 255 characters");
        assertOk(post(ApiPaths.CREATE, """
                {"collectionName":"%s","dimension":2}""".formatted("n".repeat(255))));
    }

    @Test
    void createWhenPrimaryFieldNameInvalidReturnsInvalidParameter() {
        assertError(post(ApiPaths.CREATE, """
                {"collectionName":"limits_bad_pk","dimension":2,"primaryField":"my-id"}"""), 1100,
                "primaryField 'my-id' is invalid");
    }

    @Test
    void createWhenMetricUnknownReturnsInvalidParameter() {
        assertError(post(ApiPaths.CREATE, """
                {"collectionName":"limits_metric","dimension":2,"metricType":"HAMMING"}"""), 1100,
                "metricType 'HAMMING' is not supported");
    }

    @Test
    void createWhenCollectionExistsReturnsInvalidParameterAndKeepsTheOriginal() {
        assertError(post(ApiPaths.CREATE, """
                {"collectionName":"limits_rows","dimension":8}"""), 1100, "collection 'limits_rows' already exists");

        assertThat(assertOk(get(ApiPaths.DESCRIBE + "?collectionName=limits_rows")).at("/fields/1/type").asString())
                .isEqualTo("FloatVector(2)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id >> 3", "id ==", "(id > 1", "id in [1, 2", "title like", "id > 1 and"})
    void queryWhenFilterInvalidReturnsInvalidParameterWithPosition(String filter) {
        assertError(post(ApiPaths.QUERY, """
                {"collectionName":"limits_rows","filter":"%s"}""".formatted(filter)), 1100, "filter: ", "at position ");
    }

    @Test
    void searchWhenFilterInvalidReturnsInvalidParameterWithPosition() {
        assertError(post(ApiPaths.SEARCH, search(",\"filter\":\"id >> 3\"")), 1100, "filter: ", "at position 4");
    }

    @Test
    void deleteWhenFilterInvalidReturnsInvalidParameterAndDeletesNothing() {
        assertError(post(ApiPaths.DELETE, """
                {"collectionName":"limits_rows","filter":"id in ["}"""), 1100, "filter: ", "at position ");

        assertThat(allIds(COLLECTION)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void searchWhenQueryVectorLengthDiffersFromDimensionReturnsInvalidParameter() {
        assertError(post(ApiPaths.SEARCH, """
                {"collectionName":"limits_rows","vector":[1,0,0]}"""), 1100,
                "has 3 components but the collection's dimension is 2");
    }

    @Test
    void searchWhenQueryVectorNotFiniteReturnsInvalidParameter() {
        assertError(post(ApiPaths.SEARCH, """
                {"collectionName":"limits_rows","vector":[1e39,0]}"""), 1100, "vector[0]", "not a finite float32");
    }

    @Test
    void searchWhenRadiusOnTheWrongSideOfRangeFilterReturnsInvalidParameter() {
        assertError(post(ApiPaths.SEARCH, search(",\"params\":{\"radius\":1,\"range_filter\":2}")), 1100,
                "radius must be greater than range_filter");
    }
}
