package dev.quiver.collection;

import dev.quiver.error.QuiverException;
import java.util.regex.Pattern;

/** Milvus's rule for collection and field names. */
final class Names {

    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

    private Names() {
    }

    static String require(String what, String name) {
        if (!VALID.matcher(name).matches()) {
            throw QuiverException.invalid(what + " '" + abbreviate(name) + "' is invalid: it must start with a letter"
                    + " or '_', hold only letters, digits and '_', and be at most 255 characters");
        }
        return name;
    }

    static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }

    /** Code 1802 naming whichever of {@code collectionName} and {@code other} is missing. */
    static void requireParameters(String collectionName, String other, boolean otherMissing) {
        boolean nameMissing = isBlank(collectionName);
        if (nameMissing && otherMissing) {
            throw QuiverException.missing("collectionName", other);
        }
        if (nameMissing || otherMissing) {
            throw QuiverException.missing(nameMissing ? "collectionName" : other);
        }
    }

    private static String abbreviate(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "...";
    }
}
