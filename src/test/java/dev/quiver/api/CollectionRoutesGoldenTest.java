package dev.quiver.api;

import org.junit.jupiter.api.Test;

/**
 * Exact response bodies of the collection routes, one success and one failure each, pinned in
 * {@code src/test/resources/golden}. A change to one of these files is a change to the wire
 * contract that Milvus clients see.
 */
class CollectionRoutesGoldenTest extends ApiTestSupport {

    @Test
    void listReturnsTheDatabasesCollectionNamesSorted() {
        assertOk(post(ApiPaths.CREATE, """
                {"dbName":"listing","collectionName":"golden_list_b","dimension":2}"""));
        assertOk(post(ApiPaths.CREATE, """
                {"dbName":"listing","collectionName":"golden_list_a","dimension":2}"""));

        assertGolden(get(ApiPaths.COLLECTIONS + "?dbName=" + LISTING_DB), "list-success");
    }

    @Test
    void listWhenDatabaseUnknownReturnsDatabaseNotFound() {
        assertGolden(get(ApiPaths.COLLECTIONS + "?dbName=nowhere"), "list-unknown-database");
    }

    @Test
    void createReturnsEmptyData() {
        assertGolden(post(ApiPaths.CREATE, """
                {"collectionName":"golden_create","dimension":8}"""), "create-success");
    }

    @Test
    void createWhenDimensionTooSmallReturnsInvalidParameter() {
        assertGolden(post(ApiPaths.CREATE, """
                {"collectionName":"golden_create_dim","dimension":1}"""), "create-dimension-out-of-range");
    }

    @Test
    void describeReportsMilvusDefaultsAndTheRequestedMetric() {
        assertOk(post(ApiPaths.CREATE, """
                {"collectionName":"golden_describe","dimension":4,"metricType":"IP","description":"books"}"""));

        assertGolden(get(ApiPaths.DESCRIBE + "?collectionName=golden_describe"), "describe-success");
    }

    @Test
    void describeWhenCollectionUnknownReturnsCollectionNotFound() {
        assertGolden(get(ApiPaths.DESCRIBE + "?collectionName=golden_nowhere"), "describe-unknown-collection");
    }

    @Test
    void dropReturnsEmptyData() {
        createAutoIdCollection("golden_drop", 2);

        assertGolden(post(ApiPaths.DROP, """
                {"collectionName":"golden_drop"}"""), "drop-success");
    }

    @Test
    void dropWhenCollectionNameMissingReturnsMissingParameter() {
        assertGolden(post(ApiPaths.DROP, "{}"), "drop-missing-collection-name");
    }
}
