package dev.quiver.api;

import dev.quiver.error.ErrorCode;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors the servlet container decides before Spring MVC runs (a malformed request line, an
 * exception escaping a filter) are forwarded here, so they too get the envelope rather than
 * Boot's default error page.
 */
@Hidden
@RestController
class FallbackErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Envelope> error(HttpServletRequest request) {
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (attribute == null) {
            // Not forwarded by the container: a client asked for /error itself, which is no route of the API.
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(envelope(HttpStatus.NOT_FOUND.value(), request.getRequestURI()));
        }
        int status = attribute instanceof Integer code ? code : HttpStatus.INTERNAL_SERVER_ERROR.value();
        int answered = status == HttpStatus.METHOD_NOT_ALLOWED.value() ? HttpStatus.NOT_FOUND.value() : status;
        return ResponseEntity.status(answered)
                .body(envelope(status, String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))));
    }

    /** The envelope for an error status the container decided; shared with {@link EnvelopeErrorReportValve}. */
    static Envelope envelope(int status, String uri) {
        if (status == HttpStatus.NOT_FOUND.value() || status == HttpStatus.METHOD_NOT_ALLOWED.value()) {
            return Envelope.error(ErrorCode.ROUTE_NOT_FOUND, ErrorCode.ROUTE_NOT_FOUND.message(uri));
        }
        // 505: the request line names an HTTP version Tomcat does not speak (HTTP/9.9): the client's error.
        if ((status >= 400 && status < 500) || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
            return Envelope.error(ErrorCode.MALFORMED_JSON,
                    ErrorCode.MALFORMED_JSON.message("error: the request could not be read (HTTP " + status + ")"));
        }
        return Envelope.error(ErrorCode.UNEXPECTED,
                ErrorCode.UNEXPECTED.message("the server failed to handle the request; see its log"));
    }
}
