package dev.quiver.store;

/**
 * A copy of a segment's live rows, made by {@link Table#compacted} and put in the original's place
 * by {@link Table#replace}, possibly after other writes: rows deleted from the original in between
 * are deleted in the copy then.
 *
 * @param moved for each of the original's ordinals at the time of the copy, the row's ordinal in
 *     the copy, or -1 for a row that was already deleted
 */
public record Compaction(Segment original, Segment copy, int[] moved) {
}
