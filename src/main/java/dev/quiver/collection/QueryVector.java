package dev.quiver.collection;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import tools.jackson.databind.JsonNode;

/**
 * A search's query vector as the client sent it, read into floats once the collection's dimension
 * is known: from Jackson's tree, or already read by hand from the request body when it was an
 * array of plain numbers. Both give the same floats and the same errors.
 */
public final class QueryVector {

    private static final String NAME = "vector";

    private final JsonNode tree;
    private final float[] plain;

    private QueryVector(JsonNode tree, float[] plain) {
        this.tree = tree;
        this.plain = plain;
    }

    /** Null for an absent or null vector. */
    public static QueryVector of(JsonNode tree) {
        return tree == null || tree.isNull() ? null : new QueryVector(tree, null);
    }

    /**
     * The array of plain numbers at {@code json[offset, +length)}, which must be well-formed JSON
     * (Jackson has read it); null for any other array, whose reading and errors are the tree's.
     */
    public static QueryVector ofPlainNumbers(byte[] json, int offset, int length) {
        float[] plain = new RowScanner(json, offset, length).plainVectorOfAnyLength();
        return plain == null ? null : new QueryVector(null, plain);
    }

    /** The components, checked against the collection's dimension. */
    public float[] read(int dimension) {
        if (plain != null) {
            if (plain.length != dimension) {
                throw QuiverException.invalid(JsonValues.wrongDimension(NAME, plain.length, dimension));
            }
            return plain;
        }
        if (!tree.isArray()) {
            throw new QuiverException(ErrorCode.MALFORMED_JSON, "error: vector must be an array of numbers");
        }
        try {
            return JsonValues.vector(tree, dimension, NAME);
        } catch (IllegalArgumentException e) {
            throw QuiverException.invalid(e.getMessage());
        }
    }
}
