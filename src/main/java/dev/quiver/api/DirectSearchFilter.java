package dev.quiver.api;

import dev.quiver.auth.AccessGuard;
import dev.quiver.auth.Credentials;
import dev.quiver.auth.QuiverPrincipal;
import dev.quiver.auth.SecurityHeaders;
import dev.quiver.collection.DataReader;
import dev.quiver.collection.Rows;
import dev.quiver.collection.SearchRequest;
import dev.quiver.error.QuiverException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers searches that will succeed without Spring MVC's and Spring Security's per-request
 * machinery, which cost more than a graph search itself: on two cores, searches of a one-row
 * collection went from about 7,000 to about 15,000 answers a second (bench/README, "The HTTP
 * path"). It applies the same rules as the full path (the same credentials and database
 * permissions, the same search and JSON, the same headers) and hands every request it is not sure
 * of to the full chain, body intact: credentials it cannot accept without a password check (absent,
 * wrong, or not verified before; the chain checks and throttles those), a body of unknown or large size,
 * a body {@link SearchBody} does not read, a search that fails other than with a
 * {@link QuiverException}. So every refusal still comes from one place (the security chain,
 * {@link ApiExceptionHandler}); only a {@link QuiverException}, which carries its own envelope and
 * status, is answered here.
 */
final class DirectSearchFilter extends HttpFilter {

    /** Larger search bodies (vectors of more than some 20,000 dimensions) take the full path. */
    static final int MAX_DIRECT_BODY = 256 * 1024;

    private final Credentials credentials;
    private final AccessGuard accessGuard;
    private final DataReader reader;
    private final JsonMapper jsonMapper;
    private final boolean int64AsNumber;
    private final int maxBody;

    DirectSearchFilter(Credentials credentials, AccessGuard accessGuard, DataReader reader, JsonMapper jsonMapper,
            boolean int64AsNumber, long maxRequestSize) {
        this.credentials = credentials;
        this.accessGuard = accessGuard;
        this.reader = reader;
        this.jsonMapper = jsonMapper;
        this.int64AsNumber = int64AsNumber;
        this.maxBody = (int) Math.min(MAX_DIRECT_BODY, maxRequestSize);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        if (!"POST".equals(request.getMethod()) || !ApiPaths.SEARCH.equals(request.getRequestURI())
                || length <= 0 || length > maxBody) {
            chain.doFilter(request, response);
            return;
        }
        Optional<QuiverPrincipal> principal = credentials.recognised(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (principal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) length);
        SearchRequest search = SearchBody.parse(jsonMapper, body);
        if (search == null || !accessGuard.allows(principal.get(), search.dbName())) {
            chain.doFilter(new Replayed(request, body), response);
            return;
        }
        Envelope answer;
        try {
            Rows rows = reader.search(search);
            answer = Envelope.ok(Int64Rendering.rows(rows,
                    Int64Rendering.asNumbers(request.getHeader(ApiPaths.INT64_HEADER), int64AsNumber)));
        } catch (QuiverException e) {
            response.setStatus(ApiExceptionHandler.status(e).value());
            answer = Envelope.error(e.errorCode(), e.getMessage());
        } catch (RuntimeException e) {
            chain.doFilter(new Replayed(request, body), response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(observation -> observation.setPathPattern(ApiPaths.SEARCH));
        write(answer, request, response);
    }

    private void write(Envelope answer, HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] json = jsonMapper.writeValueAsBytes(answer);
        SecurityHeaders.write(request, response);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    /** The request with the body this filter has already read, for the full chain to read again. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
