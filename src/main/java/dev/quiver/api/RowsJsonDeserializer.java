package dev.quiver.api;

import dev.quiver.collection.RowsJson;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads an insert's {@code data} as its span of the request body: the array or object is
 * scanned for well-formedness (numbers are not even converted) and kept as bytes, to be decoded
 * once the collection's schema is known. Falls back to a tree when the body's bytes are not at
 * hand (another reader, or a body in UTF-16 or UTF-32, whose offsets are not byte offsets; see
 * {@link RowsJson#of} for what a tree cannot hold).
 */
final class RowsJsonDeserializer extends ValueDeserializer<RowsJson> {

    /** The attribute under which {@link JsonBodyConverter} hands the body's bytes to the read. */
    static final String BODY = RowsJsonDeserializer.class.getName() + ".body";

    @Override
    public RowsJson deserialize(JsonParser parser, DeserializationContext context) {
        byte[] body = (byte[]) context.getAttribute(BODY);
        long start = parser.currentTokenLocation().getByteOffset();
        if (body == null || start < 0) {
            return RowsJson.of(context.readTree(parser));
        }
        if (!parser.currentToken().isStructStart()) {
            // One scalar, which Jackson has checked: the decoder words the error.
            return RowsJson.span(body, (int) start, body.length - (int) start);
        }
        parser.skipChildren();
        // The closing bracket is one byte; the span ends just after it.
        long end = parser.currentTokenLocation().getByteOffset() + 1;
        return RowsJson.span(body, (int) start, (int) (end - start));
    }

    @Override
    public RowsJson getNullValue(DeserializationContext context) {
        return RowsJson.of(context.getNodeFactory().nullNode());
    }
}
