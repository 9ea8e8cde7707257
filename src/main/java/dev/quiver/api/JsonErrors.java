package dev.quiver.api;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns Jackson's read errors into code 1801 with a message that names the field or the line and
 * column, and never a Java class or Jackson setting name.
 */
final class JsonErrors {

    private static final Map<Class<?>, String> TYPE_NAMES = Map.of(
            Integer.class, "an integer (32-bit)",
            Integer.TYPE, "an integer (32-bit)",
            String.class, "a string",
            Boolean.class, "a boolean",
            Double.class, "a number",
            List.class, "an array");

    /** Jackson's hints name its own settings: "(from `StreamReadConstraints...`)", ": enable `...` to allow". */
    private static final Pattern JACKSON_HINTS = Pattern.compile(
            "\\s*\\(from `[^`]*`\\)|,\\s*from `[^`]*`|:?\\s*enable `[^`]*` to allow|\\s*\\(`[^`]*`\\)");
    private static final Pattern NUMERIC_VALUE = Pattern.compile("Numeric value \\(([^)]{1,64})\\)");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("`(?:[\\w$]+\\.)+([\\w$]+)`");

    private JsonErrors() {
    }

    static QuiverException translate(JacksonException e) {
        String path = path(e.getPath());
        if (e instanceof InputCoercionException coercion) {
            JsonParser parser = coercion.processor();
            String field = !path.isEmpty() ? path : parser != null && parser.currentName() != null ? parser.currentName() : "?";
            Matcher value = NUMERIC_VALUE.matcher(coercion.getOriginalMessage());
            String number = value.find() ? value.group(1) : "a number";
            return malformed("field '" + field + "' holds " + number + ", out of range of "
                    + expected(coercion.getTargetType()));
        }
        if (e instanceof DatabindException && !path.isEmpty()) {
            Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return malformed("field '" + path + "' must be " + expected(target));
        }
        String detail;
        if (e instanceof DatabindException) {
            detail = "the body must be a JSON object";
        } else if (e instanceof StreamConstraintsException) {
            detail = "the body exceeds a JSON limit: " + clean(e.getOriginalMessage());
        } else {
            detail = clean(e.getOriginalMessage());
        }
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            detail += " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }
        return malformed(detail);
    }

    private static QuiverException malformed(String detail) {
        return new QuiverException(ErrorCode.MALFORMED_JSON, "error: " + detail);
    }

    static String clean(String message) {
        String withoutHints = JACKSON_HINTS.matcher(message).replaceAll("");
        return QUALIFIED_NAME.matcher(withoutHints).replaceAll("$1");
    }

    private static String expected(Class<?> target) {
        return target == null ? "of another JSON type" : TYPE_NAMES.getOrDefault(target, "of another JSON type");
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
