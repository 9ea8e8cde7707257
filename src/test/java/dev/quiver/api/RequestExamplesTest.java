package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every example the served OpenAPI document offers (request bodies and query-string parameters)
 * is a request that succeeds when sent in the document's route order on a fresh service, drop
 * last, as a new user clicking "Try it out" down the Swagger UI page would send them.
 */
// A context of its own (the property makes its cache key unique): the examples need a fresh service.
@SpringBootTest(properties = "request-examples.context=fresh")
@AutoConfigureMockMvc
class RequestExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ROOT = "Bearer root:test-root-password";

    @Autowired
    MockMvcTester mvc;

    @Test
    void everyExampleSucceedsInTheDocumentsOrder() {
        JsonNode document = JSON.readTree(mvc.get().uri("/v3/api-docs").exchange().getResponse()
                .getContentAsByteArray());
        List<String> sent = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String id = operation.getValue().get("operationId").asString();
                if (id.equals("drop")) {
                    drops.add(path.getKey());
                    continue;
                }
                send(operation.getKey(), path.getKey(), operation.getValue());
                sent.add(id);
            }
        }
        assertThat(drops).containsExactly(ApiPaths.DROP);
        send("post", ApiPaths.DROP, document.at("/paths/" + ApiPaths.DROP.replace("/", "~1") + "/post"));
        sent.add("drop");

        assertThat(sent).as("operations sent").hasSize(14).startsWith("list", "create", "describe", "insert")
                .endsWith("drop");
        assertThat(sent).as("examples that name the rows the insert wrote").contains("get", "upsert", "restore");
    }

    private void send(String method, String path, JsonNode operation) {
        MvcTestResult result;
        if (method.equals("post")) {
            JsonNode example = operation.at("/requestBody/content/application~1json/example");
            assertThat(example.isObject()).as("request body example of %s", path).isTrue();
            result = mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(example.toString())
                    .header(HttpHeaders.AUTHORIZATION, ROOT).exchange();
        } else {
            String query = operation.path("parameters").valueStream().filter(p -> p.has("example"))
                    .map(p -> p.get("name").asString() + "=" + p.get("example").asString())
                    .collect(Collectors.joining("&"));
            result = mvc.get().uri(path + (query.isEmpty() ? "" : "?" + query))
                    .header(HttpHeaders.AUTHORIZATION, ROOT).exchange();
        }
        String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(JSON.readTree(body).path("code").asInt()).as("%s %s answered %s", method, path, body)
                .isEqualTo(200);
    }
}
