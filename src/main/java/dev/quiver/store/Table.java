package dev.quiver.store;

import dev.quiver.error.QuiverException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * All rows of one collection: a list of segments (full, sealed ones plus one growing one at the
 * end) and the primary-key map over them. No single array holds the collection, so its size is
 * bounded by memory, not by {@code Integer.MAX_VALUE} cells.
 *
 * <p>A row's <em>table ordinal</em> is {@code slot << shift | local}: the segment's slot and the
 * row's ordinal inside it ({@code shift} is the bit length of the largest local ordinal).
 * Segments keep their slot for life (compaction replaces a segment in its slot), so ordinals
 * stay stable between compactions; the segments' order in
 * {@link #segments()} is the order their rows were inserted.
 *
 * <p>Not thread-safe. The owning collection runs one writer at a time and lets readers in only
 * while no change is being applied.
 */
public final class Table {

    /** Largest Java array of floats, the limit of one segment's vector block. */
    public static final long MAX_VECTOR_CELLS = Integer.MAX_VALUE - 8;

    private final IdType idType;
    private final int dimension;
    private final Supplier<List<Column>> newColumns;
    private final boolean norms;
    private final int capacity;
    private final int shift;
    private final int maxSlots;
    private final KeyIndex keys;
    /** Segments in insertion order; the last one is the growing one. */
    private final List<Segment> segments = new ArrayList<>();
    /** Segment by slot; null for a slot freed by compaction. */
    private final List<Segment> bySlot = new ArrayList<>();
    private final List<Integer> slotOf = new ArrayList<>();
    /** Index in {@link #segments} of the segment appends go to; those before it are sealed. */
    private int appendIndex;
    private long liveCount;

    /**
     * @param segmentRows rows per segment wanted; at most what one vector array can hold at
     *     this dimension
     * @param newColumns fresh, empty typed columns for a new segment, in schema order
     * @param norms whether segments keep each vector's norm (the COSINE metric needs them)
     */
    public Table(IdType idType, int dimension, int segmentRows, Supplier<List<Column>> newColumns, boolean norms) {
        this.idType = idType;
        this.dimension = dimension;
        this.newColumns = newColumns;
        this.norms = norms;
        this.capacity = (int) Math.max(1, Math.min(segmentRows, MAX_VECTOR_CELLS / dimension));
        // Enough bits for every local ordinal; the capacity itself need not be a power of two.
        this.shift = Math.max(1, 32 - Integer.numberOfLeadingZeros(capacity - 1));
        this.maxSlots = 1 << (31 - shift);
        this.keys = KeyIndex.of(idType);
    }

    public IdType idType() {
        return idType;
    }

    public int dimension() {
        return dimension;
    }

    /** Rows one segment holds. */
    public int segmentCapacity() {
        return capacity;
    }

    /** The segments in insertion order (unmodifiable view). */
    public List<Segment> segments() {
        return Collections.unmodifiableList(segments);
    }

    /** The table ordinal of a segment's first row; add a local ordinal to address a row. */
    public int base(int segmentIndex) {
        return slotOf.get(segmentIndex) << shift;
    }

    public Segment segmentOf(int ordinal) {
        return bySlot.get(ordinal >>> shift);
    }

    public int local(int ordinal) {
        return ordinal & ((1 << shift) - 1);
    }

    public long liveCount() {
        return liveCount;
    }

    /**
     * The table ordinal of the live row with this key, or -1. A key may still map to a row deleted
     * by {@link #markDeletedKeepingKey} that its write has not {@linkplain #forgetKey forgotten} yet.
     */
    public int liveOrdinal(Object key) {
        int ordinal = keys.get(key);
        return ordinal == KeyIndex.ABSENT || segmentOf(ordinal).isLive(local(ordinal)) ? ordinal : KeyIndex.ABSENT;
    }

    public Object key(int ordinal) {
        return segmentOf(ordinal).key(local(ordinal));
    }

    /**
     * Allocates everything {@code rows} more appends need, so that they cannot fail half-way
     * through a write that is already committed. Throws, changing nothing visible, when the
     * collection has no room left.
     */
    public void reserve(int rows) {
        long remaining = rows;
        for (int i = appendIndex; i < segments.size(); i++) {
            remaining -= segments.get(i).capacity() - segments.get(i).size();
        }
        long newSegments = Math.max(0, (remaining + segmentCapacity() - 1) / segmentCapacity());
        if (newSegments > freeSlots() || liveCount + rows > KeyIndex.MAX_KEYS) {
            throw QuiverException.invalid("the collection is full: it holds at most "
                    + Math.min((long) maxSlots * segmentCapacity(), KeyIndex.MAX_KEYS) + " rows of dimension "
                    + dimension);
        }
        keys.reserve(rows);
        int left = rows;
        for (int i = appendIndex; i < segments.size(); i++) {
            left -= segments.get(i).reserve(left);
        }
        for (long i = 0; i < newSegments; i++) {
            left -= newSegment().reserve(left);
        }
    }

    /**
     * Rows whose arrays {@link #reserve} would allocate afresh for {@code rows} more appends (the
     * grown copies of the open segments and the first arrays of new ones): memory a write needs
     * for a moment beyond what its rows keep.
     */
    public long reallocatedRows(int rows) {
        long total = 0;
        long left = rows;
        for (int i = appendIndex; i < segments.size() && left > 0; i++) {
            Segment segment = segments.get(i);
            total += segment.allocationFor((int) left);
            left -= Math.min(left, segment.capacity() - segment.size());
        }
        for (; left > 0; left -= Math.min(left, capacity)) {
            total += Segment.firstAllocation(dimension, capacity, left);
        }
        return total;
    }

    /** Appends a live row whose key is not live yet; returns its table ordinal. */
    public int append(Object key, float[] vector, Map<String, Object> dynamic, Object[] scalars, long version,
            long insertedAtMillis) {
        if (liveOrdinal(key) != KeyIndex.ABSENT) {
            throw new IllegalStateException("key " + key + " is already live");
        }
        while (appendIndex < segments.size() && segments.get(appendIndex).isFull()) {
            appendIndex++;
        }
        if (appendIndex == segments.size()) {
            reserve(1);
        }
        Segment segment = segments.get(appendIndex);
        int ordinal = base(appendIndex) | segment.append(key, vector, dynamic, scalars, version, insertedAtMillis);
        keys.put(key, ordinal);
        liveCount++;
        return ordinal;
    }

    /** Marks a live row deleted and removes its key; a row already deleted is left alone. */
    public void markDeleted(int ordinal) {
        if (markDeletedKeepingKey(ordinal)) {
            forgetKey(ordinal);
        }
    }

    /**
     * Marks a live row deleted, returning false for a row already deleted. Its key keeps mapping
     * to it, as to no live row, until {@link #forgetKey}: a large delete can then mark every row at
     * once and forget the keys in steps. Forget them all before the next {@link #compacted}.
     */
    public boolean markDeletedKeepingKey(int ordinal) {
        Segment segment = segmentOf(ordinal);
        int local = local(ordinal);
        if (!segment.isLive(local)) {
            return false;
        }
        segment.markDeleted(local);
        liveCount--;
        return true;
    }

    /** Removes the key of a deleted row from the key map, unless the key maps to a newer row by now. */
    public void forgetKey(int ordinal) {
        Object key = key(ordinal);
        if (keys.get(key) == ordinal) {
            keys.remove(key);
        }
    }

    /**
     * A copy of a segment's live rows, to be put in its place by {@link #replace}; it keeps taking
     * appends if the original did, and is sealed otherwise. Building it only reads the table, so
     * readers may run meanwhile. Between the two calls deletes may come, but no appends to a
     * segment that takes them.
     */
    public Compaction compacted(Segment segment) {
        Segment copy = new Segment(idType, dimension, capacity, newColumns.get(), norms);
        int[] moved = segment.compactInto(copy);
        if (segment.isFull() || segments.indexOf(segment) < appendIndex) {
            copy.seal();
        }
        return new Compaction(segment, copy, moved);
    }

    /**
     * Puts a compacted copy in place of its original, deleting in it the rows deleted from the
     * original since the copy was made, and points the key map at the moved live rows. A sealed
     * copy with no rows frees its slot; a growing one keeps taking appends.
     */
    public void replace(Compaction compaction) {
        Segment original = compaction.original();
        Segment copy = compaction.copy();
        int[] moved = compaction.moved();
        if (original.size() != moved.length) {
            throw new IllegalStateException("rows were appended to a segment while it was being compacted");
        }
        for (int from = 0; from < moved.length; from++) {
            if (moved[from] >= 0 && !original.isLive(from)) {
                copy.markDeleted(moved[from]);
            }
        }
        int index = segments.indexOf(original);
        int slot = slotOf.get(index);
        if (copy.liveCount() == 0 && index < appendIndex) {
            segments.remove(index);
            slotOf.remove(index);
            bySlot.set(slot, null);
            appendIndex--;
            return;
        }
        segments.set(index, copy);
        bySlot.set(slot, copy);
        int base = slot << shift;
        for (int local = 0; local < copy.size(); local++) {
            if (copy.isLive(local)) {
                keys.put(copy.key(local), base | local);
            }
        }
    }

    private int freeSlots() {
        return maxSlots - segments.size();
    }

    private Segment newSegment() {
        Segment segment = new Segment(idType, dimension, capacity, newColumns.get(), norms);
        int slot = bySlot.indexOf(null);
        if (slot < 0) {
            slot = bySlot.size();
            bySlot.add(segment);
        } else {
            bySlot.set(slot, segment);
        }
        segments.add(segment);
        slotOf.add(slot);
        return segment;
    }
}
