package dev.quiver.collection;

import dev.quiver.store.IdType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads primary keys from JSON: Int64 from numbers or numeric strings, VarChar from strings. */
final class PrimaryKeys {

    private static final int MAX_INTEGER_TEXT = 160;

    private PrimaryKeys() {
    }

    /** Thrown with the reason a value is not a valid key; callers attach the wire code. */
    static final class InvalidKey extends RuntimeException {
        InvalidKey(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A scalar id or an array of them, as get and delete take it. */
    static List<Object> list(JsonNode ids, CollectionSchema schema) {
        List<Object> keys = new ArrayList<>();
        if (ids.isArray()) {
            for (JsonNode id : ids.values()) {
                keys.add(key(id, schema));
            }
        } else {
            keys.add(key(ids, schema));
        }
        return keys;
    }

    /** One key: a {@link Long} for Int64 collections, a {@link String} for VarChar ones. */
    static Object key(JsonNode id, CollectionSchema schema) {
        if (schema.idType() == IdType.VARCHAR) {
            if (!id.isString()) {
                throw new InvalidKey("VarChar primary key '" + schema.primaryField() + "' takes strings, got " + id);
            }
            String key = id.stringValue();
            if (key.length() > schema.maxLength()) {
                throw new InvalidKey("primary key of length " + key.length() + " exceeds maxLength " + schema.maxLength());
            }
            return key;
        }
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return id.longValue();
        }
        if (id.isString()) {
            return parseInt64(id.stringValue());
        }
        throw new InvalidKey("Int64 primary key '" + schema.primaryField() + "' takes integers or numeric strings, got "
                + abbreviate(id.toString()));
    }

    /**
     * Parses like Go's {@code strconv.ParseInt(s, 0, 64)}: an optional sign, then decimal, 0x hex,
     * 0b binary, 0o or leading-0 octal; ASCII digits only, underscores only between digits.
     */
    static long parseInt64(String text) {
        // 64 bits need at most 64 binary digits (plus sign, prefix and underscores): refuse longer
        // text before BigInteger, whose parsing is quadratic in the length.
        if (text.length() > MAX_INTEGER_TEXT) {
            throw new InvalidKey("'" + abbreviate(text) + "' is not a 64-bit integer (too long)");
        }
        int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        String body = text.substring(start);
        String lower = body.toLowerCase();
        int radix = 10;
        int digitsFrom = 0;
        if (lower.startsWith("0x")) {
            radix = 16;
            digitsFrom = 2;
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digitsFrom = 2;
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digitsFrom = 2;
        } else if (body.length() > 1 && body.charAt(0) == '0') {
            radix = 8;
            digitsFrom = 1;
        }
        String digits = body.substring(digitsFrom);
        // Go allows one underscore right after a base prefix ("0x_FF"), otherwise only between digits.
        if (digitsFrom > 0 && digits.startsWith("_")) {
            digits = digits.substring(1);
        }
        if (!validDigits(digits, radix)) {
            throw new InvalidKey("'" + abbreviate(text) + "' is not a 64-bit integer");
        }
        try {
            BigInteger value = new BigInteger(digits.replace("_", ""), radix);
            return (text.startsWith("-") ? value.negate() : value).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidKey("'" + abbreviate(text) + "' is not a 64-bit integer (out of range)");
        }
    }

    private static boolean validDigits(String digits, int radix) {
        if (digits.isEmpty() || digits.startsWith("_") || digits.endsWith("_") || digits.contains("__")) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c != '_' && (c > 127 || Character.digit(c, radix) < 0)) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
