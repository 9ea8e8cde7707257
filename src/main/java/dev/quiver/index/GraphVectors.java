package dev.quiver.index;

import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * The rows of one segment as Lucene's graph builder scores them: row against row, in place in
 * the segment's block, by our kernels. The builder's thread points it at the segment's current
 * block before each round of additions (the block is reallocated as the segment grows).
 *
 * <p>Used by one builder thread at a time.
 */
final class GraphVectors implements RandomVectorScorerSupplier {

    private final Metric metric;
    private final int dimension;
    private float[] block;
    private double[] norms;
    private int size;

    GraphVectors(Metric metric, int dimension) {
        this.metric = metric;
        this.dimension = dimension;
    }

    void refresh(SegmentView view) {
        this.block = view.block();
        this.norms = view.norms();
        this.size = view.size();
    }

    @Override
    public RandomVectorScorer scorer(int ordinal) {
        float[] rows = block;
        double[] rowNorms = norms;
        int rowCount = size;
        int offset = ordinal * dimension;
        double norm = rowNorms == null ? 0 : rowNorms[ordinal];
        return new RandomVectorScorer() {
            @Override
            public float score(int other) {
                return metric.similarity(metric.score(rows, offset, norm, rows, other * dimension,
                        rowNorms == null ? 0 : rowNorms[other], dimension));
            }

            @Override
            public int maxOrd() {
                return rowCount;
            }
        };
    }

    @Override
    public RandomVectorScorerSupplier copy() {
        GraphVectors copy = new GraphVectors(metric, dimension);
        copy.block = block;
        copy.norms = norms;
        copy.size = size;
        return copy;
    }
}
