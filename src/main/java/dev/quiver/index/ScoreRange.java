package dev.quiver.index;

/**
 * Milvus range search bounds. For L2 a hit is kept when {@code rangeFilter <= score < radius};
 * for IP and COSINE when {@code radius < score <= rangeFilter}. Either bound may be absent.
 */
public record ScoreRange(Float radius, Float rangeFilter) {

    public static final ScoreRange ALL = new ScoreRange(null, null);

    public boolean accepts(Metric metric, float score) {
        if (metric.higherIsBetter()) {
            return (radius == null || score > radius) && (rangeFilter == null || score <= rangeFilter);
        }
        return (radius == null || score < radius) && (rangeFilter == null || score >= rangeFilter);
    }
}
