package dev.quiver.expr;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;

/** A filter that cannot be parsed or type-checked; always code 1100 with the position. */
public final class FilterException extends QuiverException {

    FilterException(String problem, int position) {
        super(ErrorCode.INVALID_PARAMETER, "filter: " + problem + " at position " + position);
    }
}
