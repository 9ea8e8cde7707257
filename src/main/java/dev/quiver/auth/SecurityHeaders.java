package dev.quiver.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * The response headers Spring Security's default configuration adds, written by its own writers,
 * for answers given before the security chain runs.
 */
public final class SecurityHeaders {

    private static final List<HeaderWriter> DEFAULTS = List.of(new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter());

    private SecurityHeaders() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response) {
        for (HeaderWriter writer : DEFAULTS) {
            writer.writeHeaders(request, response);
        }
    }
}
