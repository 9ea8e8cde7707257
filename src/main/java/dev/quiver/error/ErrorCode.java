package dev.quiver.error;

/**
 * Every failure code Quiver puts in the envelope, with the base message Milvus uses for it.
 * Messages follow Milvus's {@code "base, detail"} shape; the detail names the field, row or
 * position at fault.
 */
public enum ErrorCode {
    /** Answered with HTTP 503 while the service rebuilds memory from the store at start. */
    SERVICE_NOT_READY(1, "service not ready"),
    COLLECTION_NOT_FOUND(100, "collection not found"),
    DATABASE_NOT_FOUND(800, "database not found"),
    INVALID_PARAMETER(1100, "invalid parameter"),
    PRIVILEGE_NOT_PERMITTED(1401, "privilege not permitted"),
    UNAUTHENTICATED(1800, "user hasn't authenticated"),
    MALFORMED_JSON(1801, "can only accept json format request"),
    MISSING_PARAMETER(1802, "missing required parameters"),
    BAD_INSERT_DATA(1804, "fail to deal the insert data"),
    BAD_PRIMARY_KEY(1806, "please check the primary key and its' type can only in [int, string]"),
    RATE_LIMITED(1807, "request is rejected by limiter"),
    ROUTE_NOT_FOUND(404, "route not found"),
    /** Milvus's merr code for a request that ran out of time. */
    TIMEOUT(10001, "request timeout"),
    UNEXPECTED(65535, "unexpected error");

    private final int code;
    private final String base;

    ErrorCode(int code, String base) {
        this.code = code;
        this.base = base;
    }

    public int code() {
        return code;
    }

    /** The Milvus base message, optionally followed by {@code ", detail"}. */
    public String message(String detail) {
        return detail == null || detail.isEmpty() ? base : base + ", " + detail;
    }
}
