package dev.quiver.index;

/**
 * One query against the rows of a segment, read in place from the segment's block: the exact
 * score hits report, and the same score as a cost (lower is better whatever the metric), which
 * the graph search ranks by.
 *
 * <p>One per search; not shared between threads.
 */
final class QueryScorer {

    private final float[] query;
    private final double queryNorm;
    private final Metric metric;
    private final boolean higherIsBetter;
    private final float[] block;
    private final double[] norms;

    QueryScorer(float[] query, double queryNorm, Metric metric, float[] block, double[] norms) {
        this.query = query;
        this.queryNorm = queryNorm;
        this.metric = metric;
        this.higherIsBetter = metric.higherIsBetter();
        this.block = block;
        this.norms = norms;
    }

    /** The exact score of a row, as hits report it. */
    double exact(int ordinal) {
        return metric.score(query, queryNorm, block, ordinal * query.length, norms == null ? 0 : norms[ordinal]);
    }

    /** The exact score turned so that lower is better: the score itself for L2, negated for IP and COSINE. */
    double cost(int ordinal) {
        double score = exact(ordinal);
        return higherIsBetter ? -score : score;
    }

    /** The exact score a {@link #cost} came from. */
    double score(double cost) {
        return higherIsBetter ? -cost : cost;
    }
}
