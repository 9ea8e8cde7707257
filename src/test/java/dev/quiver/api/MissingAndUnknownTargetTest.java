package dev.quiver.api;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every route names the parameters it misses (code 1802), and answers code 100 for a collection
 * and code 800 for a database that does not exist.
 */
class MissingAndUnknownTargetTest extends ApiTestSupport {

    static Stream<Arguments> missingParameters() {
        return Stream.of(
                Arguments.of("create", ApiPaths.CREATE, "{}", "[collectionName, dimension]"),
                Arguments.of("create", ApiPaths.CREATE, "{\"collectionName\":\"missing_dim\"}", "[dimension]"),
                Arguments.of("create", ApiPaths.CREATE, "{\"collectionName\":\"missing_dim0\",\"dimension\":0}", "[dimension]"),
                Arguments.of("create", ApiPaths.CREATE, "{\"dimension\":8}", "[collectionName]"),
                Arguments.of("drop", ApiPaths.DROP, "{}", "[collectionName]"),
                Arguments.of("insert", ApiPaths.INSERT, "{}", "[collectionName, data]"),
                Arguments.of("insert", ApiPaths.INSERT, "{\"collectionName\":\"c\"}", "[data]"),
                Arguments.of("insert", ApiPaths.INSERT, "{\"collectionName\":\"c\",\"data\":null}", "[data]"),
                Arguments.of("upsert", ApiPaths.UPSERT, "{\"data\":[]}", "[collectionName]"),
                Arguments.of("get", ApiPaths.GET, "{\"collectionName\":\"c\"}", "[id]"),
                Arguments.of("get", ApiPaths.GET, "{}", "[collectionName, id]"),
                Arguments.of("query", ApiPaths.QUERY, "{\"collectionName\":\"c\"}", "[filter]"),
                Arguments.of("query", ApiPaths.QUERY, "{\"collectionName\":\"c\",\"filter\":\"\"}", "[filter]"),
                Arguments.of("search", ApiPaths.SEARCH, "{\"collectionName\":\"c\"}", "[vector]"),
                Arguments.of("search", ApiPaths.SEARCH, "{\"vector\":[1,0]}", "[collectionName]"),
                Arguments.of("delete", ApiPaths.DELETE, "{\"collectionName\":\"c\"}", "[id/filter]"),
                Arguments.of("delete", ApiPaths.DELETE, "{\"collectionName\":\"c\",\"filter\":\"\"}", "[id/filter]"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("missingParameters")
    void missingParameterReturnsMissingParametersListingThem(String route, String path, String body, String listed) {
        assertError(post(path, body), 1802, "missing required parameters", "required parameters: " + listed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("getRoutesWithoutCollectionName")
    void getRouteWithoutCollectionNameReturnsMissingParameters(String uri) {
        assertError(get(uri), 1802, "required parameters: [collectionName");
    }

    static Stream<String> getRoutesWithoutCollectionName() {
        return Stream.of(ApiPaths.DESCRIBE, ApiPaths.DESCRIBE + "?collectionName=", ApiPaths.GET + "?id=1");
    }

    static Stream<Arguments> requestsNaming(String db) {
        String dbName = db == null ? "" : "\"dbName\":\"" + db + "\",";
        String query = db == null ? "" : "&dbName=" + db;
        return Stream.of(
                Arguments.of("describe", null, ApiPaths.DESCRIBE + "?collectionName=unknown_coll" + query),
                Arguments.of("get (query string)", null, ApiPaths.GET + "?collectionName=unknown_coll&id=1" + query),
                Arguments.of("drop", ApiPaths.DROP, "{" + dbName + "\"collectionName\":\"unknown_coll\"}"),
                Arguments.of("insert", ApiPaths.INSERT, "{" + dbName + "\"collectionName\":\"unknown_coll\",\"data\":[{\"vector\":[1,0]}]}"),
                Arguments.of("upsert", ApiPaths.UPSERT, "{" + dbName + "\"collectionName\":\"unknown_coll\",\"data\":[{\"id\":1,\"vector\":[1,0]}]}"),
                Arguments.of("get", ApiPaths.GET, "{" + dbName + "\"collectionName\":\"unknown_coll\",\"id\":1}"),
                Arguments.of("query", ApiPaths.QUERY, "{" + dbName + "\"collectionName\":\"unknown_coll\",\"filter\":\"id > 0\"}"),
                Arguments.of("search", ApiPaths.SEARCH, "{" + dbName + "\"collectionName\":\"unknown_coll\",\"vector\":[1,0]}"),
                Arguments.of("delete", ApiPaths.DELETE, "{" + dbName + "\"collectionName\":\"unknown_coll\",\"id\":1}"));
    }

    static Stream<Arguments> unknownCollection() {
        return requestsNaming(null);
    }

    static Stream<Arguments> unknownDatabase() {
        return Stream.concat(requestsNaming("no_such_db"), Stream.of(
                Arguments.of("list", null, ApiPaths.COLLECTIONS + "?dbName=no_such_db"),
                Arguments.of("create", ApiPaths.CREATE, "{\"dbName\":\"no_such_db\",\"collectionName\":\"unknown_coll\",\"dimension\":2}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownCollection")
    void unknownCollectionReturnsCollectionNotFoundNamingIt(String route, String postPath, String bodyOrUri) {
        assertError(send(postPath, bodyOrUri), 100, "collection not found", "database: default", "collection: unknown_coll");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unknownDatabase")
    void unknownDatabaseReturnsDatabaseNotFoundNamingIt(String route, String postPath, String bodyOrUri) {
        assertError(send(postPath, bodyOrUri), 800, "database not found", "database: no_such_db");
    }

    private MvcTestResult send(String postPath, String bodyOrUri) {
        return postPath == null ? get(bodyOrUri) : post(postPath, bodyOrUri);
    }
}
