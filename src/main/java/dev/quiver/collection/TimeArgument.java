package dev.quiver.collection;

import dev.quiver.error.QuiverException;
import java.time.Instant;
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
        if (text.length() <= 19 && text.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(text);
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw invalid(name, text);
            }
        }
    }

    private static QuiverException invalid(String name, String shown) {
        String value = shown.length() <= 64 ? shown : shown.substring(0, 64) + "...";
        return QuiverException.invalid(name + " " + value + " is not a time: give epoch milliseconds or ISO-8601, "
                + "such as 2026-12-01T10:15:30Z");
    }
}
