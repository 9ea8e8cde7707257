package dev.quiver.collection;

import dev.quiver.error.QuiverException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** A point in time as clients send it: epoch milliseconds (a number or digits) or ISO-8601. */
final class TimeArgument {

    private TimeArgument() {
    }

    /** Epoch milliseconds, or null when the argument is absent. */
    static Long millis(JsonNode value, String name) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        // time.time() * 1000 in Python, Date.now() / 1 in some clients: a whole number written
        // as a float is still a moment.
        if (value.isFloatingPointNumber() && Math.abs(value.doubleValue()) < 0x1p53
                && value.doubleValue() == Math.rint(value.doubleValue())) {
            return (long) value.doubleValue();
        }
        if (value.isString()) {
            return millis(value.stringValue(), name);
        }
        throw invalid(name, value.toString());
    }

    /** Epoch milliseconds from text, or null for null or empty text. */
    static Long millis(String text, String name) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(text);
            }
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            // Not a number, not ISO-8601, or a moment beyond what epoch milliseconds can hold.
            throw invalid(name, text);
        }
    }

    private static QuiverException invalid(String name, String shown) {
        String value = shown.length() <= 64 ? shown : shown.substring(0, 64) + "...";
        return QuiverException.invalid(name + " " + value + " is not a time: give epoch milliseconds or ISO-8601, "
                + "such as 2026-12-01T10:15:30Z");
    }
}
