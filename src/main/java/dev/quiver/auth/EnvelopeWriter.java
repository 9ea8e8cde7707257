package dev.quiver.auth;

import dev.quiver.error.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the Milvus error envelope for failures decided before any controller runs. */
@Component
class EnvelopeWriter {

    private final JsonMapper jsonMapper;
    private final Counter wrongCredentials;
    private final Counter noCredentials;
    private final Counter throttled;

    EnvelopeWriter(JsonMapper jsonMapper, MeterRegistry meters) {
        this.jsonMapper = jsonMapper;
        this.wrongCredentials = loginFailures(meters, "wrong-credentials");
        this.noCredentials = loginFailures(meters, "no-credentials");
        this.throttled = loginFailures(meters, "throttled");
    }

    private static Counter loginFailures(MeterRegistry meters, String reason) {
        return Counter.builder("quiver.auth.failures").tag("reason", reason)
                .description("Requests answered 401: credentials that match no user or key, none, or not checked after "
                        + "too many failures").register(meters);
    }

    /** 401 for credentials that name no user or key (or the wrong password). */
    void wrongCredentials(HttpServletResponse response) throws IOException {
        wrongCredentials.increment();
        write(response, HttpServletResponse.SC_UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, null);
    }

    /** 401 with Retry-After, unchecked: too many failed logins from this client or for this user lately. */
    void throttledLogin(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        throttled.increment();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(response, HttpServletResponse.SC_UNAUTHORIZED, ErrorCode.UNAUTHENTICATED,
                "too many failed logins from this client or for this user; retry in " + retryAfterSeconds + " s");
    }

    /** 401 for a route that needs credentials, asked without any. */
    void noCredentials(HttpServletResponse response) throws IOException {
        noCredentials.increment();
        write(response, HttpServletResponse.SC_UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, null);
    }

    void forbidden(HttpServletResponse response, String detail) throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, ErrorCode.PRIVILEGE_NOT_PERMITTED, detail);
    }

    private void write(HttpServletResponse response, int status, ErrorCode code, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code.code());
        body.put("message", code.message(detail));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), body);
    }
}
