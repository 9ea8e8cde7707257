package dev.quiver.index;

/**
 * Similarity metrics with Milvus's semantics. L2 is the squared Euclidean distance (smaller is
 * better); IP and COSINE are similarities (larger is better). The {@link Kernels#active() kernel}
 * reads the stored vector in place from the segment's contiguous block; finite float32 inputs
 * never give an infinite or NaN score, and hits are ranked on these scores even where their
 * float renderings (clamped to the float range) coincide.
 */
public enum Metric {
    L2(false) {
        @Override
        public double score(float[] query, double queryNorm, float[] block, int offset, double norm) {
            return KERNEL.squaredL2(query, block, offset);
        }
    },
    IP(true) {
        @Override
        public double score(float[] query, double queryNorm, float[] block, int offset, double norm) {
            return KERNEL.dot(query, block, offset);
        }
    },
    COSINE(true) {
        @Override
        public double score(float[] query, double queryNorm, float[] block, int offset, double norm) {
            double denominator = queryNorm * norm;
            return denominator == 0 ? 0 : KERNEL.dot(query, block, offset) / denominator;
        }
    };

    /** Read once per class, not per score: the JIT then sees one implementation and inlines it. */
    private static final DistanceKernel KERNEL = Kernels.active();

    private final boolean higherIsBetter;

    Metric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /** Scores a stored vector (at {@code block[offset..offset+query.length)}) against the query. */
    public abstract double score(float[] query, double queryNorm, float[] block, int offset, double norm);

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** True when score {@code a} ranks strictly before score {@code b}. */
    public boolean isBetter(double a, double b) {
        return higherIsBetter ? a > b : a < b;
    }

    /** Parses a metric name case-insensitively; returns null when it names no supported metric. */
    public static Metric fromName(String name) {
        for (Metric metric : values()) {
            if (metric.name().equalsIgnoreCase(name)) {
                return metric;
            }
        }
        return null;
    }
}
