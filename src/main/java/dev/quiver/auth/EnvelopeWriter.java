package dev.quiver.auth;

import dev.quiver.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the Milvus error envelope for failures decided before any controller runs. */
@Component
class EnvelopeWriter {

    private final JsonMapper jsonMapper;

    EnvelopeWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    void unauthenticated(HttpServletResponse response) throws IOException {
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
