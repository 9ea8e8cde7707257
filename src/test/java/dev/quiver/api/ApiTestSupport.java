package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared set-up of the web-layer tests: the whole application (real security chain, real
 * services) behind MockMvc, one Spring context for every subclass. Each test names its own
 * collections, so tests stay independent although the context is shared. Every exchange asserts
 * that the server did not answer 500: a 500 is always a bug.
 *
 * <p>{@value #LISTING_DB} is a database no test but the list golden uses, so the listing is
 * deterministic whatever else the shared context holds.
 */
@SpringBootTest(properties = "quiver.api.databases=" + ApiTestSupport.LISTING_DB)
@AutoConfigureMockMvc
abstract class ApiTestSupport {

    static final String LISTING_DB = "listing";
    static final String ROOT = "Bearer root:test-root-password";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    /** POSTs a JSON body as root. */
    MvcTestResult post(String path, String json) {
        return exchange(mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** POSTs a JSON body as root with an {@code Accept-Type-Allow-Int64} header. */
    MvcTestResult post(String path, String json, String allowInt64) {
        return exchange(mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json)
                .header(ApiPaths.INT64_HEADER, allowInt64));
    }

    /** GETs a URI (with its query string) as root. */
    MvcTestResult get(String uri) {
        return exchange(mvc.get().uri(uri));
    }

    /** Sends a request as root and checks it did not fail with a server error. */
    MvcTestResult exchange(MockMvcRequestBuilder request) {
        MvcTestResult result = request.header(HttpHeaders.AUTHORIZATION, ROOT).exchange();
        assertThat(result.getResponse().getStatus())
                .as("HTTP status of %s %s (body: %s)", result.getRequest().getMethod(),
                        result.getRequest().getRequestURI(), bodyText(result))
                .isNotEqualTo(500);
        return result;
    }

    /** Compares the body, strictly, with {@code golden/<name>.json}. */
    static void assertGolden(MvcTestResult result, String name) {
        assertThat(result).hasStatusOk().bodyJson().isStrictlyEqualTo("golden/" + name + ".json");
    }

    /** Asserts a success envelope and returns its {@code data}. */
    static JsonNode assertOk(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        JsonNode body = body(result);
        assertThat(body.path("code").asInt()).as("code of %s", body).isEqualTo(200);
        assertThat(body.has("message")).as("message in %s", body).isFalse();
        return body.get("data");
    }

    /** Asserts an HTTP 200 error envelope with {@code code} whose message holds every fragment. */
    static void assertError(MvcTestResult result, int code, String... messageFragments) {
        assertThat(result).hasStatusOk();
        assertErrorBody(result, code, messageFragments);
    }

    /** Asserts an error envelope, whatever the HTTP status, without {@code data}. */
    static void assertErrorBody(MvcTestResult result, int code, String... messageFragments) {
        JsonNode body = body(result);
        assertThat(body.path("code").asInt()).as("code of %s", body).isEqualTo(code);
        assertThat(body.has("data")).as("data in %s", body).isFalse();
        String message = body.path("message").asString();
        assertThat(message).isNotBlank().doesNotContain("Exception", "java.", "tools.jackson", "dev.quiver");
        for (String fragment : messageFragments) {
            assertThat(message).contains(fragment);
        }
    }

    static JsonNode body(MvcTestResult result) {
        return JSON.readTree(bodyText(result));
    }

    static String bodyText(MvcTestResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    // ---- fixtures -------------------------------------------------------------------------

    /** Creates a collection with Milvus defaults (auto ids, L2, dynamic fields). */
    void createAutoIdCollection(String name, int dimension) {
        assertOk(post(ApiPaths.CREATE, """
                {"collectionName":"%s","dimension":%d}""".formatted(name, dimension)));
    }

    /** Creates a collection whose Int64 ids the client supplies. */
    void createClientIdCollection(String name, int dimension) {
        assertOk(post(ApiPaths.CREATE, """
                {"collectionName":"%s","dimension":%d,"autoId":false}""".formatted(name, dimension)));
    }

    /** Inserts rows (a JSON array or object) and returns the insert ids as the server rendered them. */
    JsonNode insert(String collection, String rows) {
        return assertOk(post(ApiPaths.INSERT, """
                {"collectionName":"%s","data":%s}""".formatted(collection, rows))).get("insertIds");
    }

    /** The primary keys of every live row, in storage order, via query. */
    List<Long> allIds(String collection) {
        JsonNode rows = assertOk(post(ApiPaths.QUERY, """
                {"collectionName":"%s","filter":"id >= 0","outputFields":["id"],"limit":0}""".formatted(collection)));
        List<Long> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.get("id").asLong()));
        return ids;
    }

    /** The ids of search hits, best first. */
    List<Long> searchIds(String collection, String vector) {
        JsonNode hits = assertOk(post(ApiPaths.SEARCH, """
                {"collectionName":"%s","vector":%s,"limit":100}""".formatted(collection, vector)));
        List<Long> ids = new ArrayList<>();
        hits.forEach(hit -> ids.add(hit.get("id").asLong()));
        return ids;
    }
}
