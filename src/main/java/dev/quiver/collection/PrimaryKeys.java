package dev.quiver.collection;

import dev.quiver.store.IdType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads primary keys from JSON: Int64 from numbers or numeric strings, VarChar from strings. */
final class PrimaryKeys {

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

    /** Parses like Go's {@code strconv.ParseInt(s, 0, 64)}: decimal, 0x hex, 0b binary, 0o or leading-0 octal. */
    static long parseInt64(String text) {
        String digits = text;
        boolean negative = false;
        if (digits.startsWith("-") || digits.startsWith("+")) {
            negative = digits.charAt(0) == '-';
            digits = digits.substring(1);
        }
        int radix = 10;
        String lower = digits.toLowerCase();
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        digits = digits.replace("_", "");
        try {
            if (digits.isEmpty() || digits.startsWith("-") || digits.startsWith("+")) {
                throw new NumberFormatException();
            }
            BigInteger value = new BigInteger(digits, radix);
            return (negative ? value.negate() : value).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidKey("'" + abbreviate(text) + "' is not a 64-bit integer");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
