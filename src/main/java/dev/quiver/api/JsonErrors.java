package dev.quiver.api;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;

/**
 * Turns Jackson's read errors into code 1801 with a message that names the field or the line and
 * column, and never a Java class name.
 */
final class JsonErrors {

    private static final Map<Class<?>, String> TYPE_NAMES = Map.of(
            Integer.class, "an integer (32-bit)",
            Integer.TYPE, "an integer (32-bit)",
            String.class, "a string",
            Boolean.class, "a boolean",
            Double.class, "a number",
            List.class, "an array");

    private JsonErrors() {
    }

    static QuiverException translate(JacksonException e) {
        String path = path(e.getPath());
        if (e instanceof DatabindException && !path.isEmpty()) {
            return new QuiverException(ErrorCode.MALFORMED_JSON, "error: field '" + path + "' must be "
                    + expected(e) + (e.getOriginalMessage().contains("out of range") ? " within range" : ""));
        }
        String detail = e.getOriginalMessage();
        if (e instanceof DatabindException) {
            detail = "the body must be a JSON object";
        }
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            detail += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return new QuiverException(ErrorCode.MALFORMED_JSON, "error: " + detail);
    }

    private static String expected(JacksonException e) {
        if (e instanceof tools.jackson.databind.exc.MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return TYPE_NAMES.getOrDefault(mismatch.getTargetType(), "of another JSON type");
        }
        return "of another JSON type";
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
