package dev.quiver.index;

/**
 * The arithmetic of the metrics over float32 vectors read in place: a query against a row of a
 * segment's contiguous block, or (when a graph is built) one row of a block against another. One
 * implementation is chosen when the JVM starts (see {@link Kernels}); all of them agree within
 * 1e-5 relative error and never turn finite inputs into an infinite or NaN score.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface DistanceKernel {

    /** The squared Euclidean distance between {@code a[aOffset, +length)} and {@code b[bOffset, +length)}. */
    double squaredL2(float[] a, int aOffset, float[] b, int bOffset, int length);

    /** The dot product of {@code a[aOffset, +length)} and {@code b[bOffset, +length)}. */
    double dot(float[] a, int aOffset, float[] b, int bOffset, int length);

    /** The squared Euclidean distance between {@code query} and {@code block[offset, offset + query.length)}. */
    default double squaredL2(float[] query, float[] block, int offset) {
        return squaredL2(query, 0, block, offset, query.length);
    }

    /** The dot product of {@code query} and {@code block[offset, offset + query.length)}. */
    default double dot(float[] query, float[] block, int offset) {
        return dot(query, 0, block, offset, query.length);
    }

    /** What the kernel is, for the log. */
    String description();
}
