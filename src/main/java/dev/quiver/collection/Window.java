package dev.quiver.collection;

import dev.quiver.error.QuiverException;

/** Validated {@code offset} and {@code limit} of a query or search, within Milvus's result window. */
record Window(int offset, int limit) {

    /** Milvus's {@code quotaAndLimits.limits.maxQueryResultWindow} and {@code topK} ceiling. */
    static final int MAX_RESULT_WINDOW = 16384;
    static final int DEFAULT_LIMIT = 100;

    int end() {
        return offset + limit;
    }

    /** Query: {@code limit} 0 means every match, up to the window. */
    static Window forQuery(Integer limit, Integer offset) {
        int from = offset(offset);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 0) {
            throw QuiverException.invalid("limit " + size + " is invalid, it must be >= 0");
        }
        if (size == 0) {
            if (from >= MAX_RESULT_WINDOW) {
                throw QuiverException.invalid("offset " + from + " leaves no room for results: offset must be below "
                        + MAX_RESULT_WINDOW);
            }
            return new Window(from, MAX_RESULT_WINDOW - from);
        }
        if ((long) from + size > MAX_RESULT_WINDOW) {
            throw windowError((long) from + size);
        }
        return new Window(from, size);
    }

    /** Search: {@code limit} is the top-k and must be at least 1. */
    static Window forSearch(Integer limit, Integer offset) {
        int from = offset(offset);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_RESULT_WINDOW) {
            throw QuiverException.invalid("limit (topk) " + size + " is invalid, it should be in range [1, "
                    + MAX_RESULT_WINDOW + "]");
        }
        if ((long) from + size > MAX_RESULT_WINDOW) {
            throw windowError((long) from + size);
        }
        return new Window(from, size);
    }

    private static int offset(Integer offset) {
        int from = offset == null ? 0 : offset;
        if (from < 0) {
            throw QuiverException.invalid("offset " + from + " is invalid, it must be >= 0");
        }
        return from;
    }

    private static QuiverException windowError(long end) {
        return QuiverException.invalid("(offset+limit) should be in range [1, " + MAX_RESULT_WINDOW + "], but got " + end);
    }
}
