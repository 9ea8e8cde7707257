package dev.quiver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.quiver.error.ErrorCode;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The Milvus v1 response body: {@code {"code":200,"data":...}} on success,
 * {@code {"code":N,"message":"..."}} on failure.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Milvus v1 envelope: code 200 with data, or an error code with a message")
public record Envelope(
        @Schema(description = "200 on success, otherwise the error code", example = "200") int code,
        @Schema(description = "The payload; absent on failure") Object data,
        @Schema(description = "What went wrong; absent on success") String message) {

    public static final int OK = 200;

    public static Envelope ok(Object data) {
        return new Envelope(OK, data, null);
    }

    public static Envelope error(ErrorCode code, String message) {
        return new Envelope(code.code(), null, message);
    }
}
