package dev.quiver.auth;

import static dev.quiver.auth.EnvelopeAssert.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Searches answered before Spring MVC and Security (the api package's DirectSearchFilter) give
 * the same answer, byte for byte and header for header, as the full path; every request the
 * filter is not sure of reaches the full chain with its body intact.
 */
class DirectSearchHttpTest extends SecuredServerTestSupport {

    private static final String COLLECTION = "direct_search_books";
    private static final String SEARCH = "{\"collectionName\":\"" + COLLECTION
            + "\",\"vector\":[0.9,0.1],\"limit\":2,\"outputFields\":[\"shelf\"],\"filter\":\"shelf >= 1\"}";

    @Autowired
    FilterRegistrationBean<?> directSearchFilter;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void ensureCollection() {
        if (assertOk(api.get("/v1/vector/collections", ROOT)).toString().contains(COLLECTION)) {
            return;
        }
        assertOk(api.post("/v1/vector/collections/create", ROOT,
                "{\"collectionName\":\"" + COLLECTION + "\",\"dimension\":2}"));
        assertOk(api.post("/v1/vector/insert", ROOT, "{\"collectionName\":\"" + COLLECTION
                + "\",\"data\":[{\"vector\":[1,0],\"shelf\":1},{\"vector\":[0,1],\"shelf\":2}]}"));
    }

    /** A body of known length takes the direct path; a chunked one, of unknown length, the full path. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("searches")
    void directAndFullPathsAnswerAlike(String name, String body, String int64) throws Exception {
        HttpResponse<String> direct = send(body, int64, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> full = send(body, int64, HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));

        assertThat(direct.statusCode()).isEqualTo(full.statusCode());
        assertThat(direct.body()).isEqualTo(full.body());
        assertThat(headers(direct.headers())).isEqualTo(headers(full.headers()));
    }

    static Stream<Arguments> searches() {
        return Stream.of(
                Arguments.of("hits with a field", SEARCH, null),
                Arguments.of("ids as strings", SEARCH, "false"),
                Arguments.of("no such collection", SEARCH.replace(COLLECTION, "no_such_books"), null),
                Arguments.of("wrong dimension", SEARCH.replace("[0.9,0.1]", "[0.9]"), null),
                Arguments.of("bad filter", SEARCH.replace("shelf >= 1", "shelf >="), null),
                Arguments.of("limit of the wrong type", SEARCH.replace("\"limit\":2", "\"limit\":\"two\""), null),
                Arguments.of("not JSON", "{\"collectionName\":", null),
                Arguments.of("database not permitted", SEARCH.replace("{", "{\"dbName\":\"other\","), null));
    }

    @Test
    void aPermittedSearchIsAnsweredWithoutTheChain() throws Exception {
        Outcome outcome = filter(ROOT, SEARCH);

        assertThat(outcome.chained()).isNull();
        assertThat(outcome.response().getContentAsString()).startsWith("{\"code\":200,\"data\":[{").contains("\"shelf\":1}");
    }

    @Test
    void aRefusalTheSearchItselfMakesIsAnsweredWithoutTheChain() throws Exception {
        Outcome outcome = filter(ROOT, SEARCH.replace(COLLECTION, "no_such_books"));

        assertThat(outcome.chained()).isNull();
        assertThat(outcome.response().getContentAsString()).contains("\"code\":100");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handedOn")
    void requestsItIsNotSureOfReachTheChainWithTheirBody(String name, String authorization, String body)
            throws Exception {
        Outcome outcome = filter(authorization, body);

        assertThat(outcome.chained()).isNotNull();
        assertThat(outcome.chained().getInputStream().readAllBytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> handedOn() {
        return Stream.of(
                Arguments.of("no credentials", null, SEARCH),
                Arguments.of("wrong password", HttpApi.bearer("root:wrong"), SEARCH),
                Arguments.of("database not permitted", LIMITED, SEARCH.replace("{", "{\"dbName\":\"other\",")),
                Arguments.of("JSON that does not bind", ROOT, SEARCH.replace("\"limit\":2", "\"limit\":[2]")));
    }

    private Outcome filter(String authorization, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/vector/search");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<ServletRequest> chained = new AtomicReference<>();
        FilterChain chain = (req, res) -> chained.set(req);
        ((Filter) directSearchFilter.getFilter()).doFilter(request, response, chain);
        return new Outcome(chained.get(), response);
    }

    private record Outcome(ServletRequest chained, MockHttpServletResponse response) {
    }

    private HttpResponse<String> send(String body, String int64, HttpRequest.BodyPublisher publisher) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/vector/search"))
                .header("Authorization", ROOT).header("Content-Type", "text/plain").POST(publisher);
        if (int64 != null) {
            request.header("Accept-Type-Allow-Int64", int64);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every header but those that differ between any two answers (the date, how the body is framed). */
    private static Map<String, Object> headers(HttpHeaders headers) {
        Map<String, Object> kept = new TreeMap<>(headers.map());
        assertThat(headers.firstValue("X-Request-Id")).as("request id").isPresent();
        // Each request gets its own id, so only its presence can be alike.
        kept.keySet().removeIf(name -> name.equalsIgnoreCase("date") || name.equalsIgnoreCase("content-length")
                || name.equalsIgnoreCase("transfer-encoding") || name.equalsIgnoreCase("x-request-id"));
        return kept;
    }
}
