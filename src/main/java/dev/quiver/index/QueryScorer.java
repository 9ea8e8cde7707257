package dev.quiver.index;

import org.apache.lucene.util.hnsw.RandomVectorScorer;

/**
 * One query against the rows of a segment, as Lucene's graph searcher scores them: the
 * {@linkplain Metric#similarity similarity} of the exact score, read in place from the block.
 *
 * <p>One per search; not shared between threads.
 */
final class QueryScorer implements RandomVectorScorer {

    private final float[] query;
    private final double queryNorm;
    private final Metric metric;
    private final float[] block;
    private final double[] norms;
    private final int rows;

    QueryScorer(float[] query, double queryNorm, Metric metric, float[] block, double[] norms, int rows) {
        this.query = query;
        this.queryNorm = queryNorm;
        this.metric = metric;
        this.block = block;
        this.norms = norms;
        this.rows = rows;
    }

    /** The exact score of a row, as hits report it. */
    double exact(int ordinal) {
        return metric.score(query, queryNorm, block, ordinal * query.length, norms == null ? 0 : norms[ordinal]);
    }

    @Override
    public float score(int ordinal) {
        return metric.similarity(exact(ordinal));
    }

    @Override
    public int maxOrd() {
        return rows;
    }
}
