package dev.quiver.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real-HTTP client for the auth tests. Bodies go out as {@code text/plain}, as the Milvus
 * Node SDK sends them; a null authorization sends no {@code Authorization} header at all.
 */
public final class HttpApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public HttpApi(int port) {
        this.base = "http://localhost:" + port;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public Reply get(String pathAndQuery, String authorization) {
        return send(request(pathAndQuery, authorization).GET(), authorization);
    }

    public Reply post(String path, String authorization, String json) {
        return send(request(path, authorization).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(json)), authorization);
    }

    private HttpRequest.Builder request(String pathAndQuery, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder, String authorization) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer: status, Content-Type and body text. */
    public record Reply(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public int code() {
            return json().get("code").intValue();
        }

        public String message() {
            JsonNode message = json().get("message");
            return message == null ? null : message.stringValue();
        }
    }
}
