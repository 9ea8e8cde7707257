package dev.quiver.store;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A run of rows of one collection in columnar, primitive arrays: primary keys, one contiguous
 * {@code float[]} block of vectors, their norms, each row's version number and insert time, a
 * deleted bit, the typed scalar fields (one {@link Column} each) and the dynamic fields.
 * Rows are appended up to a fixed capacity and addressed by local ordinal; a delete only sets
 * the row's bit, so a deleted row keeps its data until {@link #compactInto compaction} copies
 * the live rows into a fresh segment. The primary-key map lives in the owning {@link Table}.
 *
 * <p>Not thread-safe: the owning collection guards it (one writer, readers under a read lock).
 */
public final class Segment {

    /** First growth step in rows, kept to about 256 KB of vectors so wide empty collections stay cheap. */
    private static final int FIRST_BLOCK_FLOATS = 1 << 16;
    private static final int MAX_FIRST_ROWS = 64;
    /**
     * Largest growth step, in vector floats (16 MB): arrays grow by half until a step would be
     * larger, then by this much, so a large growing segment holds at most one step of unused
     * room instead of up to half its size.
     */
    private static final long MAX_GROWTH_FLOATS = 1 << 22;

    private final IdType idType;
    private final int dimension;
    /** Lowered to the size by {@link #seal}; otherwise fixed. */
    private int capacity;
    private int size;
    private long[] longIds;
    private String[] stringIds;
    private float[] vectors;
    private double[] norms;
    private long[] versions;
    private long[] insertedAt;
    private final BitSet deleted = new BitSet();
    private Map<String, Object>[] dynamicFields;
    private final Column[] columns;
    private final boolean keepNorms;
    private int liveCount;

    private static final Object[] NO_SCALARS = {};

    /** A segment without typed scalar fields, as large as one vector array allows. */
    public Segment(IdType idType, int dimension) {
        this(idType, dimension, List.of());
    }

    /** A segment that keeps norms, as large as one vector array allows. */
    public Segment(IdType idType, int dimension, List<Column> columns) {
        this(idType, dimension, (int) (Table.MAX_VECTOR_CELLS / dimension), columns, true);
    }

    /**
     * @param capacity most rows this segment will hold; its arrays grow towards it and never past
     * @param columns one new, empty column per typed scalar field (see {@link Column#of}), in the
     *     order {@link #append} takes their values; the segment owns and grows them from now on
     * @param keepNorms whether to keep each vector's norm (COSINE needs them; {@link #norm} is 0
     *     otherwise), 8 bytes a row
     */
    public Segment(IdType idType, int dimension, int capacity, List<Column> columns, boolean keepNorms) {
        if ((long) capacity * dimension > Table.MAX_VECTOR_CELLS) {
            throw new IllegalArgumentException(capacity + " rows of dimension " + dimension + " exceed one array");
        }
        this.idType = idType;
        this.dimension = dimension;
        this.capacity = capacity;
        this.columns = columns.toArray(Column[]::new);
        this.keepNorms = keepNorms;
        // Nothing is allocated until the first row arrives.
        allocate(0);
    }

    @SuppressWarnings("unchecked")
    private void allocate(int rows) {
        if (idType == IdType.INT64) {
            longIds = longIds == null ? new long[rows] : Arrays.copyOf(longIds, rows);
        } else {
            stringIds = stringIds == null ? new String[rows] : Arrays.copyOf(stringIds, rows);
        }
        vectors = vectors == null ? new float[rows * dimension] : Arrays.copyOf(vectors, rows * dimension);
        if (keepNorms) {
            norms = norms == null ? new double[rows] : Arrays.copyOf(norms, rows);
        }
        versions = versions == null ? new long[rows] : Arrays.copyOf(versions, rows);
        insertedAt = insertedAt == null ? new long[rows] : Arrays.copyOf(insertedAt, rows);
        dynamicFields = dynamicFields == null ? new Map[rows] : Arrays.copyOf(dynamicFields, rows);
        for (Column column : columns) {
            column.grow(rows);
        }
    }

    /**
     * Makes room for {@code rows} more appends (up to the capacity) now, so that appending them
     * later allocates nothing and cannot fail half-way. Returns how many of them fit.
     */
    public int reserve(int rows) {
        int allocation = allocationFor(rows);
        if (allocation > 0) {
            allocate(allocation);
        }
        return Math.min(rows, capacity - size);
    }

    /**
     * The rows {@link #reserve} would size the arrays to for {@code rows} more appends, or 0 when
     * they have room: growing copies every array into a new, larger one.
     */
    public int allocationFor(int rows) {
        int fit = Math.min(rows, capacity - size);
        int allocated = versions.length;
        if (size + fit <= allocated) {
            return 0;
        }
        long step = Math.min(allocated >> 1, Math.max(1, MAX_GROWTH_FLOATS / dimension));
        long wanted = Math.max(Math.max(firstRows(dimension), allocated + step), size + fit);
        return (int) Math.min(wanted, capacity);
    }

    /** The rows a new segment's first arrays hold when {@code rows} appends open it. */
    static int firstAllocation(int dimension, int capacity, long rows) {
        return (int) Math.min(Math.max(firstRows(dimension), rows), capacity);
    }

    /** A small first block (64 KiB of floats, at most 64 rows), so tiny collections stay tiny. */
    private static long firstRows(int dimension) {
        return Math.max(1, Math.min(MAX_FIRST_ROWS, FIRST_BLOCK_FLOATS / dimension));
    }

    /** Appends a row without typed scalar fields, version 0; see the six-argument form. */
    public int append(Object key, float[] vector, Map<String, Object> dynamic, long insertedAtMillis) {
        return append(key, vector, dynamic, NO_SCALARS, 0, insertedAtMillis);
    }

    /** Appends a row at version 0; see the six-argument form. */
    public int append(Object key, float[] vector, Map<String, Object> dynamic, Object[] scalars, long insertedAtMillis) {
        return append(key, vector, dynamic, scalars, 0, insertedAtMillis);
    }

    /**
     * Appends a live row and returns its local ordinal. Grows the arrays when {@link #reserve} was
     * not called first; fails when the segment is full.
     *
     * @param key a {@link Long} for Int64 keys, a {@link String} for VarChar keys
     * @param dynamic the row's dynamic fields, or null
     * @param scalars one validated value per column, in column order (see {@link Column}); null
     *     only in nullable columns
     * @param version the row's version number in the relational store
     */
    public int append(Object key, float[] vector, Map<String, Object> dynamic, Object[] scalars, long version,
            long insertedAtMillis) {
        if (scalars.length != columns.length) {
            throw new IllegalArgumentException(scalars.length + " scalar values for " + columns.length + " columns");
        }
        if (size == capacity) {
            throw new IllegalStateException("segment full at " + capacity + " rows");
        }
        reserve(1);
        int ordinal = size;
        if (idType == IdType.INT64) {
            longIds[ordinal] = (Long) key;
        } else {
            stringIds[ordinal] = (String) key;
        }
        System.arraycopy(vector, 0, vectors, ordinal * dimension, dimension);
        if (keepNorms) {
            norms[ordinal] = Vectors.norm(vector);
        }
        versions[ordinal] = version;
        insertedAt[ordinal] = insertedAtMillis;
        dynamicFields[ordinal] = dynamic == null || dynamic.isEmpty() ? null : dynamic;
        for (int i = 0; i < columns.length; i++) {
            columns[i].set(ordinal, scalars[i]);
        }
        size++;
        liveCount++;
        return ordinal;
    }

    /** Marks a live row deleted; a row already deleted is left alone. */
    public void markDeleted(int ordinal) {
        if (!deleted.get(ordinal)) {
            deleted.set(ordinal);
            liveCount--;
        }
    }

    /**
     * Copies this segment's live rows, in order, into an empty segment of the same shape and
     * returns, for each of this segment's ordinals, the ordinal the row got there (-1 for a
     * deleted row).
     */
    int[] compactInto(Segment target) {
        if (target.size != 0 || target.columns.length != columns.length || target.keepNorms != keepNorms) {
            throw new IllegalArgumentException("compaction needs an empty segment of the same shape");
        }
        target.reserve(liveCount);
        int[] moved = new int[size];
        for (int from = 0; from < size; from++) {
            if (deleted.get(from)) {
                moved[from] = -1;
                continue;
            }
            int to = target.size++;
            if (idType == IdType.INT64) {
                target.longIds[to] = longIds[from];
            } else {
                target.stringIds[to] = stringIds[from];
            }
            System.arraycopy(vectors, from * dimension, target.vectors, to * dimension, dimension);
            if (keepNorms) {
                target.norms[to] = norms[from];
            }
            target.versions[to] = versions[from];
            target.insertedAt[to] = insertedAt[from];
            target.dynamicFields[to] = dynamicFields[from];
            for (int c = 0; c < columns.length; c++) {
                target.columns[c].copyRow(columns[c], from, to);
            }
            moved[from] = to;
        }
        target.liveCount = target.size;
        return moved;
    }

    public boolean isLive(int ordinal) {
        return !deleted.get(ordinal);
    }

    /** Number of rows appended, live or deleted; ordinals run from 0 to size-1. */
    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Takes no more appends: a compacted copy of a segment that was full stays closed, so its
     * graph is completed and its builder let go, as the original's was.
     */
    public void seal() {
        capacity = size;
    }

    public boolean isFull() {
        return size == capacity;
    }

    public int liveCount() {
        return liveCount;
    }

    public IdType idType() {
        return idType;
    }

    public int dimension() {
        return dimension;
    }

    /** The key of a row, boxed: a {@link Long} or a {@link String}. */
    public Object key(int ordinal) {
        return idType == IdType.INT64 ? (Object) longIds[ordinal] : stringIds[ordinal];
    }

    public long longKey(int ordinal) {
        return longIds[ordinal];
    }

    public String stringKey(int ordinal) {
        return stringIds[ordinal];
    }

    /** The vector block; row {@code i} occupies {@code [i*dimension, (i+1)*dimension)}. */
    public float[] vectorBlock() {
        return vectors;
    }

    /** The norms block, row {@code i}'s at {@code i}; null when this segment keeps none. */
    public double[] normBlock() {
        return keepNorms ? norms : null;
    }

    /** The vector's Euclidean norm, or 0 when this segment keeps none. */
    public double norm(int ordinal) {
        return keepNorms ? norms[ordinal] : 0;
    }

    public float[] vector(int ordinal) {
        return Arrays.copyOfRange(vectors, ordinal * dimension, (ordinal + 1) * dimension);
    }

    /** The row's version number in the relational store, which a delete names. */
    public long version(int ordinal) {
        return versions[ordinal];
    }

    public long insertedAt(int ordinal) {
        return insertedAt[ordinal];
    }

    /** The typed scalar columns, in schema order. */
    public int columnCount() {
        return columns.length;
    }

    public Column column(int index) {
        return columns[index];
    }

    /** The dynamic fields of a row, or null when it has none. */
    public Map<String, Object> dynamicFields(int ordinal) {
        return dynamicFields[ordinal];
    }
}
