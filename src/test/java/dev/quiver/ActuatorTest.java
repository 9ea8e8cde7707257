package dev.quiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Probes and metrics live on the management port and need no token; the API port does not serve
 * them. On a real port, because the probes are not visible under MockMvc.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ActuatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROOT = "Bearer root:test-root-password";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void managementPortIsNotTheApiPort() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
    }

    @Test
    void livenessProbeIsUpWithoutToken() {
        HttpResponse<String> response = get(managementPort, "/actuator/health/liveness", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
    }

    @Test
    void readinessProbeIsUpWithoutToken() {
        HttpResponse<String> response = get(managementPort, "/actuator/health/readiness", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
    }

    @Test
    void healthIsUpWithoutToken() {
        HttpResponse<String> response = get(managementPort, "/actuator/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").stringValue()).isEqualTo("UP");
    }

    @Test
    void prometheusServesTextMetricsWithoutToken() {
        get(port, "/v1/vector/collections", ROOT);

        HttpResponse<String> response = get(managementPort, "/actuator/prometheus", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("# HELP", "# TYPE", "jvm_memory_used_bytes",
                "http_server_requests_seconds_count");
    }

    @Test
    void apiPortDoesNotServeActuatorEvenWithCredentials() {
        for (String authorization : new String[] {null, ROOT}) {
            HttpResponse<String> response = get(port, "/actuator/health", authorization);
            assertThat(response.statusCode()).isEqualTo(404);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("code").intValue()).isEqualTo(404);
            assertThat(body.get("message").stringValue()).contains("/actuator/health");
        }
        assertThat(get(port, "/actuator/prometheus", ROOT).statusCode()).isEqualTo(404);
    }

    @Test
    void managementPortDoesNotServeTheApi() {
        assertThat(get(managementPort, "/v1/vector/collections", ROOT).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(int targetPort, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + targetPort + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
