package dev.quiver.store;

import dev.quiver.error.QuiverException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one collection in columnar, primitive arrays: primary keys, one contiguous
 * {@code float[]} block of vectors, their norms, insert and delete times, the typed scalar fields
 * (one {@link Column} each) and the dynamic fields.
 * Rows are append-only and addressed by ordinal; a delete only stamps {@code deletedAt}, so a
 * soft-deleted row keeps its data (for restore and time travel) but leaves the key map.
 *
 * <p>Not thread-safe: the owning collection guards it with a read-write lock.
 */
public final class Segment {

    /** {@code deletedAt} value of a live row. */
    public static final long LIVE = 0L;

    /** First growth step in rows, kept to about 256 KB of vectors so wide empty collections stay cheap. */
    private static final int FIRST_BLOCK_FLOATS = 1 << 16;
    private static final int MAX_FIRST_ROWS = 64;
    /** Largest Java array of floats, the limit of one contiguous vector block. */
    static final long MAX_VECTOR_CELLS = Integer.MAX_VALUE - 8;

    private final IdType idType;
    private final int dimension;
    private int size;
    private long[] longIds;
    private String[] stringIds;
    private float[] vectors;
    private double[] norms;
    private long[] insertedAt;
    private long[] deletedAt;
    private Map<String, Object>[] dynamicFields;
    private final Column[] columns;
    private final Map<Object, Integer> liveOrdinalByKey = new HashMap<>();
    private int liveCount;

    private static final Object[] NO_SCALARS = {};

    /** A segment without typed scalar fields. */
    public Segment(IdType idType, int dimension) {
        this(idType, dimension, List.of());
    }

    /**
     * @param columns one new, empty column per typed scalar field (see {@link Column#of}), in the
     *     order {@link #append} takes their values; the segment owns and grows them from now on
     */
    public Segment(IdType idType, int dimension, List<Column> columns) {
        this.idType = idType;
        this.dimension = dimension;
        this.columns = columns.toArray(Column[]::new);
        // Nothing is allocated until the first row arrives.
        allocate(0);
    }

    @SuppressWarnings("unchecked")
    private void allocate(int capacity) {
        if ((long) capacity * dimension > MAX_VECTOR_CELLS) {
            throw QuiverException.invalid("the collection is full: one segment holds at most "
                    + MAX_VECTOR_CELLS / dimension + " vectors of dimension " + dimension);
        }
        if (idType == IdType.INT64) {
            longIds = longIds == null ? new long[capacity] : Arrays.copyOf(longIds, capacity);
        } else {
            stringIds = stringIds == null ? new String[capacity] : Arrays.copyOf(stringIds, capacity);
        }
        vectors = vectors == null ? new float[capacity * dimension] : Arrays.copyOf(vectors, capacity * dimension);
        norms = norms == null ? new double[capacity] : Arrays.copyOf(norms, capacity);
        insertedAt = insertedAt == null ? new long[capacity] : Arrays.copyOf(insertedAt, capacity);
        deletedAt = deletedAt == null ? new long[capacity] : Arrays.copyOf(deletedAt, capacity);
        dynamicFields = dynamicFields == null ? new Map[capacity] : Arrays.copyOf(dynamicFields, capacity);
        for (Column column : columns) {
            column.grow(capacity);
        }
    }

    /** Appends a live row to a segment without typed scalar fields; see the five-argument form. */
    public int append(Object key, float[] vector, Map<String, Object> dynamic, long insertedAtMillis) {
        return append(key, vector, dynamic, NO_SCALARS, insertedAtMillis);
    }

    /**
     * Appends a live row and returns its ordinal. The key must not belong to a live row.
     *
     * @param key a {@link Long} for Int64 keys, a {@link String} for VarChar keys
     * @param dynamic the row's dynamic fields, or null
     * @param scalars one validated value per column, in column order (see {@link Column}); null
     *     only in nullable columns
     */
    public int append(Object key, float[] vector, Map<String, Object> dynamic, Object[] scalars,
            long insertedAtMillis) {
        if (scalars.length != columns.length) {
            throw new IllegalArgumentException(scalars.length + " scalar values for " + columns.length + " columns");
        }
        // Checked before anything is written, so a refused row leaves no trace in the columns.
        Integer previous = liveOrdinalByKey.get(key);
        if (previous != null) {
            throw new IllegalStateException("key " + key + " already live at ordinal " + previous);
        }
        if (size == norms.length) {
            long firstRows = Math.max(1, Math.min(MAX_FIRST_ROWS, FIRST_BLOCK_FLOATS / dimension));
            long wanted = Math.max(firstRows, size + (size >> 1));
            allocate((int) Math.min(wanted, Math.max(size + 1, MAX_VECTOR_CELLS / dimension)));
        }
        int ordinal = size;
        if (idType == IdType.INT64) {
            longIds[ordinal] = (Long) key;
        } else {
            stringIds[ordinal] = (String) key;
        }
        System.arraycopy(vector, 0, vectors, ordinal * dimension, dimension);
        norms[ordinal] = Vectors.norm(vector);
        insertedAt[ordinal] = insertedAtMillis;
        deletedAt[ordinal] = LIVE;
        dynamicFields[ordinal] = dynamic == null || dynamic.isEmpty() ? null : dynamic;
        for (int i = 0; i < columns.length; i++) {
            columns[i].set(ordinal, scalars[i]);
        }
        liveOrdinalByKey.put(key, ordinal);
        size++;
        liveCount++;
        return ordinal;
    }

    /** Stamps a live row deleted at the given time; a row already deleted is left alone. */
    public void markDeleted(int ordinal, long deletedAtMillis) {
        if (deletedAt[ordinal] != LIVE) {
            return;
        }
        deletedAt[ordinal] = deletedAtMillis;
        liveOrdinalByKey.remove(key(ordinal));
        liveCount--;
    }

    /** The ordinal of the live row with this key, or -1. */
    public int liveOrdinal(Object key) {
        Integer ordinal = liveOrdinalByKey.get(key);
        return ordinal == null ? -1 : ordinal;
    }

    public boolean isLive(int ordinal) {
        return deletedAt[ordinal] == LIVE;
    }

    /** Number of rows ever appended, live or deleted; ordinals run from 0 to size-1. */
    public int size() {
        return size;
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

    public double norm(int ordinal) {
        return norms[ordinal];
    }

    public float[] vector(int ordinal) {
        return Arrays.copyOfRange(vectors, ordinal * dimension, (ordinal + 1) * dimension);
    }

    public long insertedAt(int ordinal) {
        return insertedAt[ordinal];
    }

    public long deletedAt(int ordinal) {
        return deletedAt[ordinal];
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
