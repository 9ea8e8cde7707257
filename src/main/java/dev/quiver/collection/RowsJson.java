package dev.quiver.collection;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code data} of an insert or upsert as it arrived, not yet read. Decoding needs the
 * collection's schema, which the same request names (perhaps after the data), so the rows are
 * kept undecoded until then: as their span of the request body when there is one, so they are
 * read once, vectors straight into {@code float[]}, with no tree of nodes in between; or as a
 * tree when that is what the caller has.
 */
public final class RowsJson {

    private final byte[] source;
    private final int offset;
    private final int length;
    private final JsonNode tree;

    private RowsJson(byte[] source, int offset, int length, JsonNode tree) {
        this.source = source;
        this.offset = offset;
        this.length = length;
        this.tree = tree;
    }

    /** Rows held as a tree; null stays null. */
    public static RowsJson of(JsonNode tree) {
        return tree == null ? null : new RowsJson(null, 0, 0, tree);
    }

    /** Rows held as {@code source[offset, offset + length)}, one JSON array or object, already checked to be well-formed. */
    public static RowsJson span(byte[] source, int offset, int length) {
        return new RowsJson(source, offset, length, null);
    }

    /** True for JSON {@code null}, which is as good as no data at all. */
    boolean isNull() {
        return tree != null && (tree.isNull() || tree.isMissingNode());
    }

    /** A parser over the rows, before their first token. */
    JsonParser open(JsonMapper mapper) {
        return tree != null ? mapper.treeAsTokens(tree) : mapper.createParser(source, offset, length);
    }
}
