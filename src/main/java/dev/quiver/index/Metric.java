package dev.quiver.index;

/**
 * Similarity metrics with Milvus's semantics. L2 is the squared Euclidean distance (smaller is
 * better); IP and COSINE are similarities (larger is better). The {@link Kernels#active() kernel}
 * reads stored vectors in place from a segment's contiguous block; finite float32 inputs never
 * give an infinite or NaN score, and hits are ranked on these scores even where their float
 * renderings (clamped to the float range) coincide.
 */
public enum Metric {
    L2(false) {
        @Override
        public double score(float[] a, int aOffset, double aNorm, float[] b, int bOffset, double bNorm, int length) {
            return KERNEL.squaredL2(a, aOffset, b, bOffset, length);
        }

        @Override
        public float similarity(double score) {
            return (float) (1 / (1 + score));
        }
    },
    IP(true) {
        @Override
        public double score(float[] a, int aOffset, double aNorm, float[] b, int bOffset, double bNorm, int length) {
            return KERNEL.dot(a, aOffset, b, bOffset, length);
        }

        @Override
        public float similarity(double score) {
            return (float) (score < 0 ? 1 / (1 - score) : score + 1);
        }
    },
    COSINE(true) {
        @Override
        public double score(float[] a, int aOffset, double aNorm, float[] b, int bOffset, double bNorm, int length) {
            double denominator = aNorm * bNorm;
            return denominator == 0 ? 0 : KERNEL.dot(a, aOffset, b, bOffset, length) / denominator;
        }

        @Override
        public float similarity(double score) {
            return (float) Math.max(0, (1 + score) / 2);
        }
    };

    /** Read once per class, not per score: the JIT then sees one implementation and inlines it. */
    private static final DistanceKernel KERNEL = Kernels.active();

    private final boolean higherIsBetter;

    Metric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /**
     * Scores {@code b[bOffset, +length)} against {@code a[aOffset, +length)}; the norms are the
     * vectors' Euclidean norms (only COSINE reads them).
     */
    public abstract double score(float[] a, int aOffset, double aNorm, float[] b, int bOffset, double bNorm,
            int length);

    /** Scores a stored vector (at {@code block[offset..offset+query.length)}) against the query. */
    public double score(float[] query, double queryNorm, float[] block, int offset, double norm) {
        return score(query, 0, queryNorm, block, offset, norm, query.length);
    }

    /**
     * A score as a positive similarity, higher for better: the form graph libraries rank by.
     * Monotonic in the score, so a graph orders candidates as the metric does; coarser than the
     * score, which is why graph results are ranked again by the exact score.
     */
    public abstract float similarity(double score);

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
