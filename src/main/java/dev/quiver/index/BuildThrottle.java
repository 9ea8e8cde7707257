package dev.quiver.index;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps graph builds from slowing writes: while a write is running (or one ended in the last
 * {@link #QUIET_NANOS}), each build works for a millisecond and then rests for nine, so all
 * builds together take about a tenth of each core they run on. Between writes they run flat out.
 * Searches never wait for a graph (they scan the rows it does not hold yet), so a build may lag;
 * a write that waited for one would be slower for nothing.
 *
 * <p>Thread-safe.
 */
public final class BuildThrottle {

    private static final long WORK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long REST_MILLIS = 9;
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final AtomicInteger WRITES = new AtomicInteger();
    private static volatile long lastWriteEnded = System.nanoTime() - QUIET_NANOS;

    private BuildThrottle() {
    }

    /** Call as a write starts; pair with {@link #writeEnded}. */
    public static void writeStarted() {
        WRITES.incrementAndGet();
    }

    public static void writeEnded() {
        lastWriteEnded = System.nanoTime();
        WRITES.decrementAndGet();
    }

    /**
     * Called by a build between steps with the time its current work slice began; rests if writes
     * are running and the slice is used up. Returns the start of the slice to go on with.
     */
    static long pace(long sliceStarted) throws InterruptedException {
        long now = System.nanoTime();
        boolean writing = WRITES.get() > 0 || now - lastWriteEnded < QUIET_NANOS;
        if (!writing || now - sliceStarted < WORK_NANOS) {
            return writing ? sliceStarted : now;
        }
        Thread.sleep(REST_MILLIS);
        return System.nanoTime();
    }
}
