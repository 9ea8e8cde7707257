package dev.quiver.index;

import java.util.function.IntPredicate;

/**
 * A vector index over one segment's rows, addressed by the segment's local ordinals.
 * Implementations must never offer a row that {@code accept} rejects: deletes and filters reach
 * the index only through it. A search over many segments offers each segment's rows to one
 * shared {@link TopK}, which owns the top-k, the tie order and the final ranking.
 *
 * <p>Searches may run concurrently with each other, never with a change of the segment.
 */
public interface VectorIndex {

    /**
     * Offers the accepted rows within {@code range} to {@code collector}, each under the ordinal
     * {@code base + local}.
     */
    void search(float[] query, IntPredicate accept, ScoreRange range, int base, TopK collector);
}
