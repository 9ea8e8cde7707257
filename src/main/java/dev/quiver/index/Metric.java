package dev.quiver.index;

/**
 * Similarity metrics with Milvus's semantics. L2 is the squared Euclidean distance (smaller is
 * better); IP and COSINE are similarities (larger is better). Kernels read the stored vector in
 * place from the segment's contiguous block and accumulate in double: finite float32 inputs can
 * then never overflow into an infinite or NaN score (3e38 × 3e38 would in float), and hits are
 * ranked on these exact scores even where their float renderings (clamped to the float range)
 * coincide.
 */
public enum Metric {
    L2(false) {
        @Override
        public double score(float[] query, double queryNorm, float[] block, int offset, double norm) {
            double sum = 0;
            for (int i = 0; i < query.length; i++) {
                double d = (double) query[i] - block[offset + i];
                sum += d * d;
            }
            return sum;
        }
    },
    IP(true) {
        @Override
        public double score(float[] query, double queryNorm, float[] block, int offset, double norm) {
            return dot(query, block, offset);
        }
    },
    COSINE(true) {
        @Override
        public double score(float[] query, double queryNorm, float[] block, int offset, double norm) {
            double denominator = queryNorm * norm;
            return denominator == 0 ? 0 : dot(query, block, offset) / denominator;
        }
    };

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

    private static double dot(float[] query, float[] block, int offset) {
        double sum = 0;
        for (int i = 0; i < query.length; i++) {
            sum += (double) query[i] * block[offset + i];
        }
        return sum;
    }
}
