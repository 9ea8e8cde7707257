package dev.quiver.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Milvus reads every body as JSON whatever its Content-Type, and answers JSON whatever the
 * Accept header asks for. Curl's {@code -d} sends {@code application/x-www-form-urlencoded}, and
 * the servlet stack would then parse the JSON as form fields and hand Spring a re-encoded body;
 * an {@code Accept: text/plain} would end in an empty 406. So API requests are presented as
 * JSON in and JSON out before anything reads them.
 */
final class JsonContentTypeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new JsonRequest(request), response);
    }

    private static final class JsonRequest extends HttpServletRequestWrapper {

        JsonRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public String getHeader(String name) {
            return isOverridden(name) ? MediaType.APPLICATION_JSON_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isOverridden(name)
                    ? Collections.enumeration(List.of(MediaType.APPLICATION_JSON_VALUE)) : super.getHeaders(name);
        }

        private static boolean isOverridden(String header) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(header) || HttpHeaders.ACCEPT.equalsIgnoreCase(header);
        }
    }
}
