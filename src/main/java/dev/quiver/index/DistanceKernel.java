package dev.quiver.index;

/**
 * The arithmetic of the metrics over float32 vectors read in place from a segment's contiguous
 * block. One implementation is chosen when the JVM starts (see {@link Kernels}); all of them
 * agree within 1e-5 relative error and never turn finite inputs into an infinite or NaN score.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface DistanceKernel {

    /** The squared Euclidean distance between {@code query} and {@code block[offset, offset + query.length)}. */
    double squaredL2(float[] query, float[] block, int offset);

    /** The dot product of {@code query} and {@code block[offset, offset + query.length)}. */
    double dot(float[] query, float[] block, int offset);

    /** What the kernel is, for the log. */
    String description();
}
