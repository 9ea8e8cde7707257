package dev.quiver.index;

import dev.quiver.store.Segment;
import dev.quiver.store.Vectors;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The FLAT index: scores every accepted row of a segment. Exact by construction, so it is also
 * the reference the ANN indexes are measured against.
 *
 * <p>Reads the segment without locking; callers hold the collection's read lock.
 */
public final class ExactScan implements VectorIndex {

    private final Segment segment;
    private final Metric metric;

    public ExactScan(Segment segment, Metric metric) {
        this.segment = segment;
        this.metric = metric;
    }

    /** The best {@code k} accepted rows of this segment alone, best first. */
    public List<Hit> search(float[] query, int k, IntPredicate accept, ScoreRange range, OrdinalOrder tieOrder) {
        TopK top = new TopK(k, metric, tieOrder);
        search(query, accept, range, 0, top);
        return top.toList();
    }

    @Override
    public void search(float[] query, IntPredicate accept, ScoreRange range, int base, TopK top) {
        scan(query, Vectors.norm(query), accept, range, base, 0, segment.size(), top);
    }

    /** Offers the accepted rows among the local ordinals {@code [from, to)}. */
    void scan(float[] query, double queryNorm, IntPredicate accept, ScoreRange range, int base, int from, int to,
            TopK top) {
        float[] block = segment.vectorBlock();
        int dimension = segment.dimension();
        for (int ordinal = from; ordinal < to; ordinal++) {
            if (!accept.test(ordinal)) {
                continue;
            }
            double score = metric.score(query, queryNorm, block, ordinal * dimension, segment.norm(ordinal));
            // The range applies to the distance as reported (a float), so what a client sees is
            // what was filtered.
            if (range.accepts(metric, (float) score)) {
                top.offer(base + ordinal, score);
            }
        }
    }
}
