package dev.quiver.collection;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.Limit;
import dev.quiver.error.QuiverException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Refuses a write, before anything of it is committed, when the rows it adds would not fit in
 * the heap: an insert that ran out of memory half-way used to answer 500 after its rows were
 * stored. A write may bring the heap in use to {@link #USABLE} of its maximum; the rest is left
 * for the work of requests in flight (parsing bodies, searching). Heap in use includes garbage,
 * so before refusing the guard asks for one collection (at most one a second) and looks again.
 * Thread-safe.
 */
final class MemoryGuard {

    /** The share of the maximum heap that stored rows may fill. */
    static final double USABLE = 0.8;
    /** Per row beyond its vector: key map entry, version and time columns, norm, slack. */
    static final long ROW_OVERHEAD_BYTES = 160;
    private static final long GC_SPACING_NANOS = 1_000_000_000L;

    static final MemoryGuard HEAP = new MemoryGuard(Runtime.getRuntime()::maxMemory,
            () -> Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory(), System::gc);

    private final LongSupplier maxHeap;
    private final LongSupplier usedHeap;
    private final Runnable collect;
    private final AtomicLong lastCollection = new AtomicLong(System.nanoTime() - GC_SPACING_NANOS);

    MemoryGuard(LongSupplier maxHeap, LongSupplier usedHeap, Runnable collect) {
        this.maxHeap = maxHeap;
        this.usedHeap = usedHeap;
        this.collect = collect;
    }

    /** Bytes a row of this dimension costs in memory, roughly (the estimate the guard uses). */
    static long rowBytes(int dimension) {
        return 4L * dimension + ROW_OVERHEAD_BYTES;
    }

    /** Bytes per row of a segment's arrays (vector, norm, key, version, time, dynamic fields). */
    static long arrayBytes(int dimension) {
        return 4L * dimension + 40;
    }

    /**
     * Refuses (code 1807) a write of {@code rows} rows when they would not fit, counting the
     * {@code reallocatedRows} of arrays that growing the segments for them allocates afresh.
     */
    void require(int rows, int dimension, long rowsHeld, long reallocatedRows) {
        if (rows <= 0) {
            return;
        }
        long needed = rows * rowBytes(dimension) + reallocatedRows * arrayBytes(dimension);
        long limit = (long) (maxHeap.getAsLong() * USABLE);
        if (usedHeap.getAsLong() + needed <= limit) {
            return;
        }
        long now = System.nanoTime();
        long last = lastCollection.get();
        if (now - last >= GC_SPACING_NANOS && lastCollection.compareAndSet(last, now)) {
            collect.run();
        }
        long used = usedHeap.getAsLong();
        if (used + needed <= limit) {
            return;
        }
        throw QuiverException.overLimit(Limit.MEMORY, ErrorCode.RATE_LIMITED, "not enough memory to insert "
                + rows + " rows (about " + mib(needed) + " MB): the collection holds " + rowsHeld + " rows and "
                + mib(used) + " MB of the " + mib(maxHeap.getAsLong()) + " MB heap are in use (writes may fill "
                + Math.round(USABLE * 100) + "%); delete rows, or give the JVM more heap (-Xmx)");
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 19)) >> 20;
    }
}
