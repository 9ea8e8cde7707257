package dev.quiver.api;

import dev.quiver.collection.RequestDeadline;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Starts each API request's {@link RequestDeadline}: {@code quiver.api.request-timeout}, or the
 * client's {@code Request-Timeout} header (seconds, as Milvus reads it) when that is sooner. An
 * unreadable or non-positive header is ignored.
 */
final class RequestDeadlineFilter extends OncePerRequestFilter {

    static final String HEADER = "Request-Timeout";

    private final Duration configured;

    RequestDeadlineFilter(Duration configured) {
        this.configured = configured;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration asked = asked(request.getHeader(HEADER));
        if (asked != null && asked.compareTo(configured) < 0) {
            RequestDeadline.begin(asked, "the Request-Timeout header");
        } else {
            RequestDeadline.begin(configured, "quiver.api.request-timeout");
        }
        try {
            chain.doFilter(request, response);
        } finally {
            RequestDeadline.end();
        }
    }

    private static Duration asked(String header) {
        if (header == null) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(header.trim());
            return seconds > 0 && seconds < 1e9 ? Duration.ofMillis((long) Math.ceil(seconds * 1000)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
