package dev.quiver.error;

/**
 * A request failure with a stable wire code. Thrown from any layer; the API's single error
 * translator turns it into {@code {"code":N,"message":"..."}}.
 */
public class QuiverException extends RuntimeException {

    private final ErrorCode errorCode;
    private final Limit limit;

    public QuiverException(ErrorCode errorCode, String detail) {
        this(errorCode, detail, null);
    }

    private QuiverException(ErrorCode errorCode, String detail, Limit limit) {
        super(errorCode.message(detail), null, false, false);
        this.errorCode = errorCode;
        this.limit = limit;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The configured bound the request ran into, or null when it failed for another reason. */
    public Limit limit() {
        return limit;
    }

    /** A request refused because it ran into a configured bound. */
    public static QuiverException overLimit(Limit limit, ErrorCode errorCode, String detail) {
        return new QuiverException(errorCode, detail, limit);
    }

    public static QuiverException invalid(String detail) {
        return new QuiverException(ErrorCode.INVALID_PARAMETER, detail);
    }

    public static QuiverException missing(String... parameters) {
        return new QuiverException(ErrorCode.MISSING_PARAMETER,
                "required parameters: [" + String.join(", ", parameters) + "]");
    }

    public static QuiverException badRow(int row, String detail) {
        return new QuiverException(ErrorCode.BAD_INSERT_DATA, "row " + row + ": " + detail);
    }

    public static QuiverException badId(String detail) {
        return new QuiverException(ErrorCode.BAD_PRIMARY_KEY, detail);
    }
}
