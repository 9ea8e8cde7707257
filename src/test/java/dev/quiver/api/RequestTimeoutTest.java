package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A client's {@code Request-Timeout} header (seconds) bounds the request: a filter still running
 * past it stops with code 10001. Without the header the same query answers.
 */
class RequestTimeoutTest extends ApiTestSupport {

    @Test
    void aFilterRunningPastTheRequestTimeoutStopsWithCode10001() {
        createClientIdCollection("timeout_books", 2);
        String title = "x".repeat(400);
        for (int batch = 0; batch < 10; batch++) {
            StringBuilder rows = new StringBuilder("[");
            for (int i = 0; i < 2000; i++) {
                int id = batch * 2000 + i;
                rows.append(i == 0 ? "" : ",").append("{\"id\":").append(id).append(",\"vector\":[1,2],\"title\":\"")
                        .append(title).append(id).append("\"}");
            }
            insert("timeout_books", rows.append(']').toString());
        }
        // Many %-separated parts: each row's 400 characters are scanned once per part.
        String filter = "{\"collectionName\":\"timeout_books\",\"filter\":\"title like \\\"%" + "x%".repeat(60)
                + "q%\\\"\",\"outputFields\":[\"id\"]}";

        var stopped = exchange(mvc.post().uri(ApiPaths.QUERY).contentType(MediaType.APPLICATION_JSON).content(filter)
                .header(RequestDeadlineFilter.HEADER, "0.001"));
        assertError(stopped, 10001, "the request took longer than 1 ms (the Request-Timeout header)",
                "nothing was changed");

        assertThat(assertOk(post(ApiPaths.QUERY, filter)).size()).as("no title holds a q").isZero();
    }
}
