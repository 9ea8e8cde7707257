package dev.quiver.collection;

import dev.quiver.store.ScalarType;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks one JSON value of a typed scalar field and turns it into the plain value the store
 * takes: Long for integer types, Double for Float (rounded to float32) and Double, Boolean,
 * String, the {@link JsonValues#plain plain} value of a JSON field, an unmodifiable List for an
 * Array. Values are never coerced: {@code "true"} is not a Bool and {@code 1.0} is not an integer.
 */
final class ScalarValues {

    private ScalarValues() {
    }

    /**
     * The plain value of a field; null when the field is nullable and the row leaves it out or
     * sets it to null.
     *
     * @throws IllegalArgumentException naming the field and the problem
     */
    static Object decode(JsonNode node, ScalarField field) {
        String where = "field '" + field.name() + "'";
        if (node == null || node.isNull()) {
            if (field.nullable()) {
                return null;
            }
            throw new IllegalArgumentException(node == null ? "missing " + where
                    : where + " is null but the field is not nullable");
        }
        return switch (field.type()) {
            case JSON -> JsonValues.plain(node, where);
            case ARRAY -> array(node, field, where);
            default -> element(node, field.type(), field.maxLength(), where);
        };
    }

    private static List<Object> array(JsonNode node, ScalarField field, String where) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(where + ": Array takes a JSON array, got " + shown(node));
        }
        if (node.size() > field.maxCapacity()) {
            throw new IllegalArgumentException(where + ": Array of " + node.size() + " elements exceeds maxCapacity "
                    + field.maxCapacity());
        }
        List<Object> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String at = where + "[" + i + "]";
            if (element.isNull()) {
                throw new IllegalArgumentException(at + ": Array elements cannot be null");
            }
            elements.add(element(element, field.elementType(), field.maxLength(), at));
        }
        return List.copyOf(elements);
    }

    /** A non-null value of a type that is neither JSON nor Array. */
    private static Object element(JsonNode node, ScalarType type, int maxLength, String where) {
        return switch (type) {
            case BOOL -> {
                if (!node.isBoolean()) {
                    throw new IllegalArgumentException(where + ": Bool takes true or false, got " + shown(node));
                }
                yield node.booleanValue();
            }
            case INT8, INT16, INT32, INT64 -> integer(node, type, where);
            case FLOAT -> {
                double value = number(node, "Float", where);
                float narrowed = (float) value;
                if (!Float.isFinite(narrowed)) {
                    throw new IllegalArgumentException(where + ": Float takes finite float32 numbers, got "
                            + shown(node));
                }
                yield (double) narrowed;
            }
            case DOUBLE -> number(node, "Double", where);
            case VARCHAR -> {
                if (!node.isString()) {
                    throw new IllegalArgumentException(where + ": VarChar takes strings, got " + shown(node));
                }
                String text = node.stringValue();
                if (text.length() > maxLength) {
                    throw new IllegalArgumentException(where + ": VarChar value of length " + text.length()
                            + " exceeds maxLength " + maxLength);
                }
                yield text;
            }
            case JSON, ARRAY -> throw new IllegalStateException(type + " is not an element type");
        };
    }

    private static Long integer(JsonNode node, ScalarType type, String where) {
        String range = type.wireName() + " takes integers in [" + type.min() + ", " + type.max() + "]";
        if (type == ScalarType.INT64 && node.isString()) {
            try {
                return PrimaryKeys.parseInt64(node.stringValue());
            } catch (PrimaryKeys.InvalidKey e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        if (!node.isIntegralNumber()) {
            throw new IllegalArgumentException(where + ": " + type.wireName() + " takes integers"
                    + (type == ScalarType.INT64 ? " or numeric strings" : "") + ", got " + shown(node));
        }
        if (!node.canConvertToLong()) {
            throw new IllegalArgumentException(where + ": " + range + ", got " + shown(node));
        }
        long value = node.longValue();
        if (value < type.min() || value > type.max()) {
            throw new IllegalArgumentException(where + ": " + range + ", got " + value);
        }
        return value;
    }

    /** A finite double; integral tokens beyond the long range are widened by hand (Jackson would throw). */
    private static double number(JsonNode node, String typeName, String where) {
        if (!node.isNumber()) {
            throw new IllegalArgumentException(where + ": " + typeName + " takes numbers, got " + shown(node));
        }
        double value = node.isIntegralNumber() ? node.bigIntegerValue().doubleValue() : node.doubleValue();
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(where + ": " + typeName + " takes finite numbers, got " + shown(node));
        }
        return value;
    }

    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() <= 32 ? text : text.substring(0, 32) + "...";
    }
}
