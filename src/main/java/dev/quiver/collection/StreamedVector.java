package dev.quiver.collection;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * A row's vector: either the usual one {@link RowScanner#plainVector} read by hand, or one out of
 * the ordinary (a wrong length, a non-number, a number past float32) read here from Jackson's
 * parser, token by token, without a tree. The checks and messages are those of
 * {@link JsonValues#vector}; a problem is kept, not thrown, so the row's other fields can be read
 * first and the row's errors come in the usual order.
 */
final class StreamedVector {

    private final float[] values;
    private final String problem;

    private StreamedVector(float[] values, String problem) {
        this.values = values;
        this.problem = problem;
    }

    static StreamedVector of(float[] values) {
        return new StreamedVector(values, null);
    }

    /**
     * Reads the value at the parser's current token, leaving the parser on its last token;
     * null for JSON null.
     */
    static StreamedVector read(JsonParser parser, int dimension, String name) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return new StreamedVector(null, JsonValues.notAnArray(name));
        }
        float[] values = new float[dimension];
        String problem = null;
        int count = 0;
        for (JsonToken element; (element = parser.nextToken()) != JsonToken.END_ARRAY; count++) {
            if (problem != null || count >= dimension) {
                parser.skipChildren();
                continue;
            }
            if (!element.isNumeric()) {
                problem = JsonValues.notANumber(name, count, parser.readValueAsTree());
                continue;
            }
            float value = (float) component(parser, element);
            if (!Float.isFinite(value)) {
                problem = JsonValues.notFinite(name, count, (JsonNode) parser.readValueAsTree());
                continue;
            }
            values[count] = value;
        }
        if (count != dimension) {
            return new StreamedVector(null, JsonValues.wrongDimension(name, count, dimension));
        }
        return new StreamedVector(problem == null ? values : null, problem);
    }

    /** As {@link JsonValues} widens a number node: integers exactly, then rounded once. */
    private static double component(JsonParser parser, JsonToken number) {
        if (number == JsonToken.VALUE_NUMBER_FLOAT) {
            return parser.getDoubleValue();
        }
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                ? parser.getBigIntegerValue().doubleValue()
                : (double) parser.getLongValue();
    }

    /**
     * The components.
     *
     * @throws IllegalArgumentException naming the component at fault
     */
    float[] values() {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return values;
    }
}
