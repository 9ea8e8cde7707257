package dev.quiver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Clients without credentials that announce a body and never send it (the freeze probe) get
 * their 401 and a closed connection at once, holding no worker; a legitimate request meanwhile is
 * answered. More such connections than Tomcat has workers, on a real port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "server.tomcat.threads.max=20"})
class SlowBodyHttpTest {

    private static final int ATTACKERS = 40;

    @LocalServerPort
    int port;

    @Test
    void announcedBodiesThatNeverArriveHoldNoWorker() throws Exception {
        List<Socket> attackers = new ArrayList<>();
        try {
            for (int i = 0; i < ATTACKERS; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("POST /v1/vector/query HTTP/1.1\r\nHost: quiver\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                attackers.add(socket);
            }

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> legitimate = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/v1/vector/collections")).header("Authorization", "Bearer root:test-root-password")
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(legitimate.statusCode()).isEqualTo(200);

            for (Socket attacker : attackers) {
                // Read to the end: the 401, then the server closes (a read timeout would throw).
                String answer = readToEnd(attacker.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 401").contains("\"code\":1800");
            }
        } finally {
            for (Socket attacker : attackers) {
                attacker.close();
            }
        }
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
