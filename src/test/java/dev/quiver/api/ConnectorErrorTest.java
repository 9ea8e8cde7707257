package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.core.StandardHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Requests Tomcat refuses before any application code runs still get the envelope, and so does
 * whatever Tomcat answers itself when the application cannot (a request caught by a graceful
 * shutdown): its error report valve is ours.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ConnectorErrorTest {

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Test
    void malformedRequestHeadersGetTheEnvelopeNotAnHtmlPage() throws IOException {
        String answer = raw("GET /v1/vector/collections HTTP/1.1\r\nHost: quiver\r\nA header without a colon\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/json")
                .contains("{\"code\":1801,\"message\":\"can only accept json format request, error: the request could "
                        + "not be read (HTTP 400)\"}")
                .doesNotContain("<html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/vector/collections?x=%", "/v1/vector/collections/describe?collectionName=%zz",
        "/v1/vector/collections/describe?collectionName=%ff%fe"})
    void undecodableQueryStringsAreTheClientsErrorNotA500(String target) throws IOException {
        String answer = raw("GET " + target + " HTTP/1.1\r\nHost: quiver\r\nAuthorization: Bearer root:test-root-password"
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200").contains("{\"code\":1801,\"message\":\"can only accept json format "
                + "request, error: the query string is not valid percent-encoded UTF-8\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /v1/vector/collections HTTP/9.9", "GET /v1/vector%2Fcollections HTTP/1.1",
        "GET /v1/vector/collections%00 HTTP/1.1", "G@T /v1/vector/collections HTTP/1.1"})
    void requestLinesTomcatRefusesGetTheEnvelopeWithCode1801(String requestLine) throws IOException {
        String answer = raw(requestLine + "\r\nHost: quiver\r\nAuthorization: Bearer root:test-root-password"
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).containsIgnoringCase("Content-Type: application/json")
                .contains("{\"code\":1801,\"message\":\"can only accept json format request, error: the request could "
                        + "not be read (HTTP ").doesNotContain("65535", "<html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void askingForTheErrorPageItselfIsAnUnknownRouteNotA500(String method) throws IOException {
        String answer = raw(method + " /error HTTP/1.1\r\nHost: quiver\r\nAuthorization: Bearer root:test-root-password"
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 404").containsIgnoringCase("Content-Type: application/json")
                .contains("\"message\":\"" + dev.quiver.error.ErrorCode.ROUTE_NOT_FOUND.message("/error") + "\"");
    }

    @Test
    void tomcatsOwnErrorReportsAreEnvelopes() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        StandardHost host = (StandardHost) server.getTomcat().getHost();

        assertThat(host.getErrorReportValveClass()).isEqualTo(EnvelopeErrorReportValve.class.getName());
    }

    /** Sends bytes as they are (no client would send them) and reads until Tomcat closes. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            for (int read; (read = in.read()) >= 0; ) {
                answer.write(read);
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
