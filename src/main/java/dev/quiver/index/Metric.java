package dev.quiver.index;

/**
 * Similarity metrics with Milvus's semantics. L2 is the squared Euclidean distance (smaller is
 * better); IP and COSINE are similarities (larger is better). Kernels accumulate in float, as
 * Milvus does, and read the stored vector in place from the segment's contiguous block.
 */
public enum Metric {
    L2(false) {
        @Override
        public float score(float[] query, float queryNorm, float[] block, int offset, float norm) {
            float sum = 0f;
            for (int i = 0; i < query.length; i++) {
                float d = query[i] - block[offset + i];
                sum += d * d;
            }
            return sum;
        }
    },
    IP(true) {
        @Override
        public float score(float[] query, float queryNorm, float[] block, int offset, float norm) {
            return dot(query, block, offset);
        }
    },
    COSINE(true) {
        @Override
        public float score(float[] query, float queryNorm, float[] block, int offset, float norm) {
            float denominator = queryNorm * norm;
            return denominator == 0f ? 0f : dot(query, block, offset) / denominator;
        }
    };

    private final boolean higherIsBetter;

    Metric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /** Scores a stored vector (at {@code block[offset..offset+query.length)}) against the query. */
    public abstract float score(float[] query, float queryNorm, float[] block, int offset, float norm);

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** True when score {@code a} ranks strictly before score {@code b}. */
    public boolean isBetter(float a, float b) {
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

    private static float dot(float[] query, float[] block, int offset) {
        float sum = 0f;
        for (int i = 0; i < query.length; i++) {
            sum += query[i] * block[offset + i];
        }
        return sum;
    }
}
