package dev.quiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator reads: request ids echoed and in the log, Prometheus metrics of Quiver's own
 * beside per-route latency histograms, and a start line that says where everything is. On real
 * ports, with a small request-size limit so a refusal is cheap to provoke.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "quiver.api.max-request-size=4KB"})
class ObservabilityTest {

    private static final String ROOT = "Bearer root:test-root-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A series name in PromQL: the word before a label selector. */
    private static final Pattern SERIES = Pattern.compile("([a-z_]+)\\{");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theStartLineNamesBothPortsAndHowToLogIn(CapturedOutput output) {
        assertThat(output.getOut()).contains("Quiver is up: the Milvus REST v1 API on port " + port)
                .contains("health and metrics on port " + managementPort)
                .contains("Authorization: Bearer root:<password>")
                .doesNotContain("test-root-password");
    }

    @Test
    void aRequestIdIsEchoedAndInTheRequestsLogLines(CapturedOutput output) throws Exception {
        HttpResponse<String> created = post("/v1/vector/collections/create", ROOT, "obs-create-42",
                "{\"collectionName\":\"obs_ids\",\"dimension\":2}");

        assertThat(created.body()).isEqualTo("{\"code\":200,\"data\":{}}");
        assertThat(created.headers().firstValue("X-Request-Id")).hasValue("obs-create-42");
        assertThat(output.getOut().lines().filter(line -> line.contains("Created collection default.obs_ids")))
                .singleElement().asString().contains("[obs-create-42]");

        HttpResponse<String> unnamed = post("/v1/vector/collections/drop", ROOT, null, "{\"collectionName\":\"obs_ids\"}");
        String given = unnamed.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(given).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(output.getOut().lines().filter(line -> line.contains("Dropped collection default.obs_ids")))
                .singleElement().asString().contains("[" + given + "]");

        // An id that is not a plain token is not echoed into headers and logs; a fresh one is used.
        HttpResponse<String> odd = post("/v1/vector/collections", ROOT, "not a token!", "{}");
        assertThat(odd.headers().firstValue("X-Request-Id")).isPresent().get().asString().doesNotContain(" ");
    }

    @Test
    void prometheusShowsRowsDeletionsRefusalsFailedLoginsAndLatencyBuckets() throws Exception {
        post("/v1/vector/collections/create", ROOT, null, "{\"collectionName\":\"obs_rows\",\"dimension\":2,"
                + "\"autoId\":false}");
        post("/v1/vector/insert", ROOT, null, "{\"collectionName\":\"obs_rows\",\"data\":[{\"id\":1,\"vector\":[1,0]},"
                + "{\"id\":2,\"vector\":[0,1]},{\"id\":3,\"vector\":[1,1]}]}");
        post("/v1/vector/delete", ROOT, null, "{\"collectionName\":\"obs_rows\",\"id\":[1]}");
        HttpResponse<String> tooLarge = post("/v1/vector/insert", ROOT, null, "{\"collectionName\":\"obs_rows\","
                + "\"data\":[{\"vector\":[" + "0.5,".repeat(2000) + "0.5]}]}");
        assertThat(tooLarge.body()).contains("quiver.api.max-request-size");
        HttpResponse<String> wrong = post("/v1/vector/collections", "Bearer root:wrong", null, "{}");
        assertThat(wrong.statusCode()).isEqualTo(401);

        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();

        // One of three rows deleted: a segment is compacted only once half its rows are deleted.
        assertThat(metrics).contains("quiver_collection_rows{collection=\"obs_rows\",database=\"default\"} 2.0")
                .contains("quiver_collection_deleted_rows{collection=\"obs_rows\",database=\"default\"} 1.0")
                .contains("quiver_index_pending_rows{collection=\"obs_rows\",database=\"default\"} 0.0")
                .containsPattern("quiver_requests_rejected_total\\{limit=\"request-size\"} [1-9]")
                .contains("quiver_requests_rejected_total{limit=\"in-flight-bodies\"} 0.0")
                .containsPattern("quiver_auth_failures_total\\{reason=\"wrong-credentials\"} [1-9]")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/v1/vector/insert\",le=\"0.001048576\"}");

        // The Grafana dashboard in deploy/ is built on these: every series it queries is served.
        JsonNode dashboard = JSON.readTree(Files.readString(Path.of("deploy/grafana/quiver-dashboard.json")));
        List<String> queried = dashboard.findValues("expr").stream()
                .flatMap(expr -> SERIES.matcher(expr.asString()).results().map(match -> match.group(1))).distinct()
                .toList();
        assertThat(queried).hasSizeGreaterThanOrEqualTo(8).allSatisfy(series ->
                assertThat(metrics).as("series %s of the dashboard", series).contains("\n" + series + "{"));

        post("/v1/vector/collections/drop", ROOT, null, "{\"collectionName\":\"obs_rows\"}");
        String afterDrop = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(afterDrop).doesNotContain("collection=\"obs_rows\"");
    }

    private HttpResponse<String> post(String path, String authorization, String requestId, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
