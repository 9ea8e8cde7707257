package dev.quiver.error;

/**
 * A request failure with a stable wire code. Thrown from any layer; the API's single error
 * translator turns it into {@code {"code":N,"message":"..."}}.
 */
public class QuiverException extends RuntimeException {

    private final ErrorCode errorCode;

    public QuiverException(ErrorCode errorCode, String detail) {
        super(errorCode.message(detail), null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
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
