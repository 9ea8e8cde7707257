package dev.quiver.api;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.Limit;
import dev.quiver.error.QuiverException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * The one error translator: every failure becomes the Milvus envelope. Like Milvus, request
 * errors answer HTTP 200 (clients read {@code code}); unknown routes and wrong methods 404,
 * permission failures 403. Anything unforeseen is a bug: logged, and answered 500 with code 65535
 * and no internals.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Map<Limit, Counter> rejected = new EnumMap<>(Limit.class);

    ApiExceptionHandler(MeterRegistry meters) {
        for (Limit limit : Limit.values()) {
            rejected.put(limit, Counter.builder("quiver.requests.rejected").tag("limit", limit.tag())
                    .description("Requests refused because they ran into a configured limit").register(meters));
        }
    }

    @ExceptionHandler(QuiverException.class)
    ResponseEntity<Envelope> quiver(QuiverException e) {
        if (e.limit() != null) {
            rejected.get(e.limit()).increment();
        }
        return ResponseEntity.status(status(e)).body(Envelope.error(e.errorCode(), e.getMessage()));
    }

    static HttpStatus status(QuiverException e) {
        return e.errorCode() == ErrorCode.SERVICE_NOT_READY ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
    }

    /** The relational store failed: the request's transaction was rolled back, memory untouched. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Envelope> storeFailed(DataAccessException e, HttpServletRequest request) {
        log.error("The relational store failed on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Envelope.error(ErrorCode.UNEXPECTED,
                ErrorCode.UNEXPECTED.message("the relational store failed; nothing of this request was written")));
    }

    /**
     * The heap ran out while this request was parsed or served. Writes check for room before they
     * commit (and refuse with the same code), so this is a request that needed more transient
     * memory than was free: refused, logged, and the service goes on. Spring MVC hands such an
     * Error over wrapped, so {@link #unexpected} finds it.
     */
    private ResponseEntity<Envelope> outOfMemory(OutOfMemoryError e, HttpServletRequest request) {
        log.error("Out of memory on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        rejected.get(Limit.MEMORY).increment();
        return ResponseEntity.ok(Envelope.error(ErrorCode.RATE_LIMITED, ErrorCode.RATE_LIMITED.message(
                "the service ran out of memory handling this request; retry later, send smaller requests, or give "
                        + "the JVM more heap (-Xmx)")));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Envelope> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Envelope.error(ErrorCode.PRIVILEGE_NOT_PERMITTED, ErrorCode.PRIVILEGE_NOT_PERMITTED.message(e.getMessage())));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class})
    ResponseEntity<Envelope> notFound(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Envelope.error(ErrorCode.ROUTE_NOT_FOUND,
                ErrorCode.ROUTE_NOT_FOUND.message(request.getMethod() + " " + request.getRequestURI())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Envelope> missingParameter(MissingServletRequestParameterException e) {
        QuiverException missing = QuiverException.missing(e.getParameterName());
        return ResponseEntity.ok(Envelope.error(missing.errorCode(), missing.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Envelope> typeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.ok(Envelope.error(ErrorCode.MALFORMED_JSON,
                ErrorCode.MALFORMED_JSON.message("error: parameter '" + e.getName() + "' has the wrong type")));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeException.class})
    ResponseEntity<Envelope> unreadable() {
        return ResponseEntity.ok(Envelope.error(ErrorCode.MALFORMED_JSON,
                ErrorCode.MALFORMED_JSON.message("error: the request body could not be read as JSON")));
    }

    /**
     * JSON that Jackson first only scanned (an insert's rows) and found bad when it read it in
     * full, once the schema was known: the same error as had it been found at once.
     */
    @ExceptionHandler(JacksonException.class)
    ResponseEntity<Envelope> badJson(JacksonException e) {
        QuiverException translated = JsonErrors.translate(e);
        return ResponseEntity.ok(Envelope.error(translated.errorCode(), translated.getMessage()));
    }

    /** A query string Tomcat cannot decode ({@code ?x=%}, {@code %ff%fe}): the client's error, not ours. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Envelope> undecodableQueryString() {
        return ResponseEntity.ok(Envelope.error(ErrorCode.MALFORMED_JSON, ErrorCode.MALFORMED_JSON.message(
                "error: the query string is not valid percent-encoded UTF-8")));
    }

    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone() {
        // The client hung up; there is nobody to answer.
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Envelope> unexpected(Exception e, HttpServletRequest request) {
        // Spring MVC hands an Error from a handler over wrapped ("Handler dispatch failed").
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError outOfMemory) {
                return outOfMemory(outOfMemory, request);
            }
        }
        if (e instanceof HttpMessageNotWritableException && e.getCause() instanceof IOException) {
            // The client hung up while its answer was being written (a broken pipe): nobody to answer.
            log.debug("Client gone during the answer to {} {}", request.getMethod(), request.getRequestURI());
            return null;
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Envelope.error(ErrorCode.UNEXPECTED,
                ErrorCode.UNEXPECTED.message("the server failed to handle the request; see its log")));
    }
}
