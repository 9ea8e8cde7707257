package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Bodies that are not JSON, or whose values have the wrong JSON type, get code 1801 with HTTP 200
 * and a message naming the problem; nothing is coerced. Content-Type never matters: every body is
 * read as JSON. Unknown routes and wrong methods get 404.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestTest extends ApiTestSupport {

    private static final String COLLECTION = "malformed_rows";
    private static final String QUERY_ALL = """
            {"collectionName":"malformed_rows","filter":"id >= 0"}""";

    /** Read-only fixture shared by the tests of this class; tests that write use their own collection. */
    @BeforeAll
    void createTwoRows() {
        createClientIdCollection(COLLECTION, 2);
        insert(COLLECTION, """
                [{"id":1,"vector":[1,0]},{"id":2,"vector":[0,1]}]""");
    }

    @Test
    void truncatedJsonReturnsMalformedJsonWithLineAndColumn() {
        assertError(post(ApiPaths.QUERY, "{\"collectionName\":"), 1801,
                "can only accept json format request", "line 1, column");
    }

    @Test
    void trailingGarbageAfterTheObjectReturnsMalformedJson() {
        assertError(post(ApiPaths.QUERY, QUERY_ALL + " x"), 1801, "can only accept json format request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "5", "\"text\""})
    void bodyThatIsNotAnObjectReturnsMalformedJson(String body) {
        assertError(post(ApiPaths.QUERY, body), 1801, "must be a JSON object");
    }

    @Test
    void emptyBodyReturnsMalformedJson() {
        assertError(post(ApiPaths.QUERY, ""), 1801, "can only accept json format request");
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of(ApiPaths.QUERY, """
                        {"collectionName":"malformed_rows","filter":"id >= 0","limit":"3"}""", "'limit'"),
                Arguments.of(ApiPaths.QUERY, """
                        {"collectionName":"malformed_rows","filter":"id >= 0","limit":1.5}""", "'limit'"),
                Arguments.of(ApiPaths.QUERY, """
                        {"collectionName":"malformed_rows","filter":"id >= 0","offset":true}""", "'offset'"),
                Arguments.of(ApiPaths.SEARCH, """
                        {"collectionName":"malformed_rows","vector":[1,0],"limit":"3"}""", "'limit'"),
                Arguments.of(ApiPaths.CREATE, """
                        {"collectionName":"malformed_dim","dimension":"8"}""", "'dimension'"),
                Arguments.of(ApiPaths.CREATE, """
                        {"collectionName":"malformed_auto","dimension":8,"autoId":"false"}""", "'autoId'"),
                Arguments.of(ApiPaths.SEARCH, """
                        {"collectionName":"malformed_rows","vector":[1,0],"params":{"radius":"1"}}""", "'params.radius'"));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void valueOfTheWrongJsonTypeReturnsMalformedJsonNamingTheField(String path, String body, String field) {
        assertError(post(path, body), 1801, "can only accept json format request", field);
    }

    @Test
    void int32OverflowReturnsMalformedJson() {
        assertError(post(ApiPaths.QUERY, """
                {"collectionName":"malformed_rows","filter":"id >= 0","limit":3000000000}"""),
                1801, "3000000000", "out of range");
    }

    @Test
    void duplicateKeyReturnsMalformedJsonNamingTheKey() {
        assertError(post(ApiPaths.QUERY, """
                {"collectionName":"malformed_rows","filter":"id >= 0","filter":"id < 0"}"""),
                1801, "Duplicate", "\"filter\"");
    }

    @Test
    void duplicateKeyInsideARowReturnsMalformedJsonAndInsertsNothing() {
        createClientIdCollection("malformed_dup_row", 2);

        assertError(post(ApiPaths.INSERT, """
                {"collectionName":"malformed_dup_row","data":[{"id":1,"vector":[1,0],"vector":[0,1]}]}"""),
                1801, "Duplicate", "\"vector\"");
        assertThat(allIds("malformed_dup_row")).isEmpty();
    }

    /**
     * An insert's rows are first only scanned, then read in full once the schema is known; what
     * the full read finds is still malformed JSON, and nothing is inserted.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\"a\\qb\"", "\"a\u0001b\"", "\"\u00ff\u00fe\""})
    void badTextInsideARowReturnsMalformedJsonAndInsertsNothing(String note) {
        createClientIdCollection("malformed_row_text", 2);
        // ISO-8859-1 turns each char of the note into one byte: \u00ff\u00fe become bytes that
        // are not UTF-8.
        byte[] body = ("{\"collectionName\":\"malformed_row_text\",\"data\":[{\"id\":1,\"vector\":[1,0]},"
                + "{\"id\":2,\"vector\":[0,1],\"note\":" + note + "}]}").getBytes(StandardCharsets.ISO_8859_1);

        MvcTestResult result = exchange(mvc.post().uri(ApiPaths.INSERT).contentType(MediaType.APPLICATION_JSON)
                .content(body));

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(result).get("code").asInt()).as(body(result).toString()).isEqualTo(1801);
        assertThat(allIds("malformed_row_text")).isEmpty();
        post(ApiPaths.DROP, "{\"collectionName\":\"malformed_row_text\"}");
    }

    @Test
    void searchVectorThatIsNotAnArrayReturnsMalformedJson() {
        assertError(post(ApiPaths.SEARCH, """
                {"collectionName":"malformed_rows","vector":"1,0"}"""), 1801, "vector must be an array");
    }

    @Test
    void rangeFilterWithoutRadiusReturnsMalformedJson() {
        assertError(post(ApiPaths.SEARCH, """
                {"collectionName":"malformed_rows","vector":[1,0],"params":{"range_filter":1}}"""),
                1801, "invalid search params", "radius");
    }

    @Test
    void unknownKeysAreIgnored() {
        assertThat(assertOk(post(ApiPaths.QUERY, """
                {"collectionName":"malformed_rows","filter":"id >= 0","consistencyLevel":"Strong"}"""))).hasSize(2);
    }

    static Stream<MediaType> nonJsonContentTypes() {
        return Stream.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_OCTET_STREAM);
    }

    @ParameterizedTest
    @MethodSource("nonJsonContentTypes")
    void bodyIsReadAsJsonWhateverTheContentType(MediaType contentType) {
        MvcTestResult result = exchange(mvc.post().uri(ApiPaths.QUERY).contentType(contentType).content(QUERY_ALL));

        assertThat(assertOk(result)).hasSize(2);
    }

    @Test
    void bodyIsReadAsJsonWithoutAContentType() {
        MvcTestResult result = exchange(mvc.post().uri(ApiPaths.QUERY).content(QUERY_ALL));

        assertThat(assertOk(result)).hasSize(2);
    }

    @Test
    void formEncodedInsertStoresTheRowsTheJsonDescribes() {
        createClientIdCollection("malformed_form_insert", 2);

        MvcTestResult result = exchange(mvc.post().uri(ApiPaths.INSERT).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("""
                        {"collectionName":"malformed_form_insert","data":[{"id":7,"vector":[1,0],"note":"a=b&c"}]}"""));

        assertThat(assertOk(result).get("insertIds").get(0).asLong()).isEqualTo(7L);
        assertThat(assertOk(post(ApiPaths.GET, """
                {"collectionName":"malformed_form_insert","id":7,"outputFields":["note"]}""")).get(0).get("note").asString())
                .isEqualTo("a=b&c");
    }

    @Test
    void unknownRouteReturnsNotFound() {
        assertThat(get("/v1/vector/nope")).hasStatus(404);
        assertThat(post("/v1/vector/collections/rename", "{}")).hasStatus(404);
    }

    @Test
    void describeWithPostReturnsNotFound() {
        assertThat(post(ApiPaths.DESCRIBE, """
                {"collectionName":"malformed_rows"}""")).hasStatus(404);
    }

    @Test
    void dataRouteWithGetOrPutReturnsNotFound() {
        assertThat(get(ApiPaths.INSERT)).hasStatus(404);
        assertThat(get(ApiPaths.QUERY)).hasStatus(404);
        assertThat(exchange(mvc.put().uri(ApiPaths.SEARCH).content("{}"))).hasStatus(404);
    }
}
