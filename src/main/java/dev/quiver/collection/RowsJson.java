package dev.quiver.collection;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code data} of an insert or upsert as it arrived, not yet read. Decoding needs the
 * collection's schema, which the same request names (perhaps after the data), so the rows are
 * kept as JSON text until then, ideally as their span of the request body: they are then read
 * once, vectors straight into {@code float[]}, with no tree of nodes in between.
 */
public final class RowsJson {

    /**
     * Writes trees for the decoder. A tree holds a number too large for a double (1e400) as
     * infinity; written bare, it makes the decoder refuse the rows as malformed JSON rather
     * than take the string "Infinity" Jackson would write by default.
     */
    private static final JsonMapper WRITER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final byte[] source;
    private final int offset;
    private final int length;

    private RowsJson(byte[] source, int offset, int length) {
        this.source = source;
        this.offset = offset;
        this.length = length;
    }

    /**
     * Rows given as a tree, for callers in the process and for a request body whose offsets are
     * not byte offsets (UTF-16 or UTF-32); written out as text, which is what the decoder reads.
     * Null stays null.
     */
    public static RowsJson of(JsonNode tree) {
        if (tree == null) {
            return null;
        }
        byte[] json = tree.isMissingNode() ? NULL : WRITER.writeValueAsBytes(tree);
        return new RowsJson(json, 0, json.length);
    }

    /** Rows held as {@code source[offset, offset + length)}: JSON text already read once, so well-formed. */
    public static RowsJson span(byte[] source, int offset, int length) {
        return new RowsJson(source, offset, length);
    }

    /** True for JSON {@code null}, which is as good as no data at all. */
    boolean isNull() {
        return scanner().peek() == 'n';
    }

    RowScanner scanner() {
        return new RowScanner(source, offset, length);
    }
}
