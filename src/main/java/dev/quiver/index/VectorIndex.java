package dev.quiver.index;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * A vector index over one collection's rows. Implementations must never return a row that
 * {@code accept} rejects: deletes and filters reach the index only through it.
 */
public interface VectorIndex {

    /**
     * The best {@code k} accepted rows within {@code range}, best first, ties broken by
     * {@code tieOrder}.
     */
    List<Hit> search(float[] query, int k, IntPredicate accept, ScoreRange range, OrdinalOrder tieOrder);
}
