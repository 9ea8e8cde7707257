package dev.quiver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A flood of wrong passwords: after ten failures the client is refused without a password check
 * (401, code 1800, Retry-After), an unknown user and a wrong password answer alike, and
 * credentials verified before still work from the same client. On a real port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "quiver.auth.max-failed-logins=10"})
class LoginFloodHttpTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void wrongPasswordsAreThrottledWhileKnownCredentialsStillWork() throws Exception {
        assertThat(list("root:test-root-password").statusCode()).isEqualTo(200);

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> wrong = list(i % 2 == 0 ? "root:guess" + i : "nobody" + i + ":guess");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).isEqualTo("{\"code\":1800,\"message\":\"user hasn't authenticated\"}");
            assertThat(wrong.headers().firstValue("Retry-After")).isEmpty();
        }
        HttpResponse<String> refused = list("root:one-more-guess");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("\"code\":1800").contains("too many failed logins");
        assertThat(refused.headers().firstValue("Retry-After")).get().asString().matches("[1-9][0-9]*");
        assertThat(list("root:test-root-password").statusCode()).as("verified before").isEqualTo(200);
    }

    private HttpResponse<String> list(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/vector/collections"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
