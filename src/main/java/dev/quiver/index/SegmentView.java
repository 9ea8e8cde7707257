package dev.quiver.index;

/**
 * What a graph build sees of its segment at one moment, read under the collection's lock: the
 * segment's vector block and norms (null unless COSINE) and how many rows it holds. Rows below
 * {@code size} never change, so the build reads them without the lock afterwards.
 *
 * @param full whether the segment takes no more rows (then its graph can be completed)
 */
public record SegmentView(float[] block, double[] norms, int size, boolean full) {
}
