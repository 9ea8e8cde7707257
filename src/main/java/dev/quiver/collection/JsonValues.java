package dev.quiver.collection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import tools.jackson.databind.JsonNode;

/**
 * Turns JSON from a request into the plain values stored in dynamic fields: Long, Double, String,
 * Boolean, List and Map. Integral numbers that fit become Long, others Double (as Milvus does).
 */
final class JsonValues {

    private JsonValues() {
    }

    /** The plain value of a node; null for JSON null. */
    static Object plain(JsonNode node, String where) {
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            double value = toDouble(node);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(where + " holds a number out of range");
            }
            return value;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            int i = 0;
            for (JsonNode element : node.values()) {
                list.add(plain(element, where + "[" + i++ + "]"));
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Entry<String, JsonNode> property : node.properties()) {
            map.put(property.getKey(), plain(property.getValue(), where + "." + property.getKey()));
        }
        return map;
    }

    /**
     * A float vector of exactly {@code dimension} finite float32 components.
     *
     * @throws IllegalArgumentException naming the component at fault
     */
    static float[] vector(JsonNode node, int dimension, String name) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(notAnArray(name));
        }
        if (node.size() != dimension) {
            throw new IllegalArgumentException(wrongDimension(name, node.size(), dimension));
        }
        float[] vector = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            JsonNode component = node.get(i);
            if (!component.isNumber()) {
                throw new IllegalArgumentException(notANumber(name, i, component));
            }
            float value = toFloat(component);
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException(notFinite(name, i, component));
            }
            vector[i] = value;
        }
        return vector;
    }

    static String notAnArray(String name) {
        return "field '" + name + "' must be an array of numbers";
    }

    static String wrongDimension(String name, int components, int dimension) {
        return "field '" + name + "' has " + components + " components but the collection's dimension is " + dimension;
    }

    static String notANumber(String name, int index, JsonNode component) {
        return name + "[" + index + "] is not a number: " + abbreviate(component.toString());
    }

    static String notFinite(String name, int index, JsonNode component) {
        return name + "[" + index + "] = " + component + " is not a finite float32";
    }

    /** The float32 value of a number node; infinite when it is out of float32 range. */
    private static float toFloat(JsonNode number) {
        return (float) toDouble(number);
    }

    /** Jackson's node accessors throw on range loss; widen by hand and let callers check. */
    private static double toDouble(JsonNode number) {
        return number.isIntegralNumber() ? number.bigIntegerValue().doubleValue() : number.doubleValue();
    }

    private static String abbreviate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "...";
    }
}
