package dev.quiver.api;

import org.junit.jupiter.api.Test;

/**
 * Exact response bodies of the entity routes, one success and one failure each, pinned in
 * {@code src/test/resources/golden}. Collections use client ids ({@code autoId:false}) so the
 * ids in the bodies are stable.
 */
class DataRoutesGoldenTest extends ApiTestSupport {

    /** Three rows at known distances from the origin: 1 (id 1), 4 (id 2) and 9 (id 3). */
    private void createAbc(String collection) {
        createClientIdCollection(collection, 2);
        insert(collection, """
                [{"id":1,"vector":[1,0],"title":"a"},
                 {"id":2,"vector":[0,2],"title":"b"},
                 {"id":3,"vector":[3,0],"title":"c"}]""");
    }

    @Test
    void insertReturnsCountAndClientIds() {
        createClientIdCollection("golden_insert", 2);

        assertGolden(post(ApiPaths.INSERT, """
                {"collectionName":"golden_insert","data":[{"id":1,"vector":[1,0]},{"id":2,"vector":[0,1]}]}"""),
                "insert-success");
    }

    @Test
    void insertWhenVectorLengthDiffersFromDimensionNamesRowAndField() {
        createClientIdCollection("golden_insert_bad", 2);

        assertGolden(post(ApiPaths.INSERT, """
                {"collectionName":"golden_insert_bad","data":[{"id":1,"vector":[1,0]},{"id":2,"vector":[0,1,2]}]}"""),
                "insert-wrong-dimension");
    }

    @Test
    void upsertReturnsCountAndIdsOfReplacedAndNewRows() {
        createAbc("golden_upsert");

        assertGolden(post(ApiPaths.UPSERT, """
                {"collectionName":"golden_upsert","data":[{"id":1,"vector":[5,5]},{"id":3,"vector":[6,6]}]}"""),
                "upsert-success");
    }

    @Test
    void upsertWhenCollectionGeneratesIdsReturnsInvalidParameter() {
        createAutoIdCollection("golden_upsert_auto", 2);

        assertGolden(post(ApiPaths.UPSERT, """
                {"collectionName":"golden_upsert_auto","data":[{"vector":[1,0]}]}"""), "upsert-auto-id-collection");
    }

    @Test
    void getReturnsEveryFieldOfTheFoundRowsAndSkipsUnknownIds() {
        createAbc("golden_get");

        assertGolden(post(ApiPaths.GET, """
                {"collectionName":"golden_get","id":[1,2,99]}"""), "get-success");
    }

    @Test
    void getWhenIdIsFractionalReturnsBadPrimaryKey() {
        createAbc("golden_get_bad");

        assertGolden(post(ApiPaths.GET, """
                {"collectionName":"golden_get_bad","id":1.5}"""), "get-fractional-id");
    }

    @Test
    void getByQueryStringReturnsTheRequestedFields() {
        createAbc("golden_get_qs");

        assertGolden(get(ApiPaths.GET + "?collectionName=golden_get_qs&id=1,2&outputFields=id,title&dbName=default"),
                "get-query-string-success");
    }

    @Test
    void getByQueryStringWhenIdMissingReturnsMissingParameter() {
        createAbc("golden_get_qs_bad");

        assertGolden(get(ApiPaths.GET + "?collectionName=golden_get_qs_bad&outputFields=id"),
                "get-query-string-missing-id");
    }

    @Test
    void queryReturnsMatchingRowsWithAllFieldsByDefault() {
        createAbc("golden_query");

        assertGolden(post(ApiPaths.QUERY, """
                {"collectionName":"golden_query","filter":"id >= 2"}"""), "query-success");
    }

    @Test
    void queryWhenFilterInvalidReturnsInvalidParameterWithPosition() {
        createAbc("golden_query_bad");

        assertGolden(post(ApiPaths.QUERY, """
                {"collectionName":"golden_query_bad","filter":"id >> 3"}"""), "query-invalid-filter");
    }

    @Test
    void searchReturnsNearestFirstWithIdDistanceAndOutputFields() {
        createAbc("golden_search");

        assertGolden(post(ApiPaths.SEARCH, """
                {"collectionName":"golden_search","vector":[0,0],"limit":2,"outputFields":["title"]}"""),
                "search-success");
    }

    @Test
    void searchWhenTopKZeroReturnsInvalidParameter() {
        createAbc("golden_search_bad");

        assertGolden(post(ApiPaths.SEARCH, """
                {"collectionName":"golden_search_bad","vector":[0,0],"limit":0}"""), "search-top-k-zero");
    }

    @Test
    void deleteReturnsCountAndIdsOfTheRowsItRemoved() {
        createAbc("golden_delete");

        assertGolden(post(ApiPaths.DELETE, """
                {"collectionName":"golden_delete","id":[1,99]}"""), "delete-success");
    }

    @Test
    void deleteWhenNeitherIdNorFilterGivenReturnsMissingParameter() {
        createAbc("golden_delete_bad");

        assertGolden(post(ApiPaths.DELETE, """
                {"collectionName":"golden_delete_bad"}"""), "delete-missing-id-and-filter");
    }
}
