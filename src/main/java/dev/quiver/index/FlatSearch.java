package dev.quiver.index;

import dev.quiver.store.Segment;
import dev.quiver.store.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * The exact search of a whole collection: every accepted row of every segment scored by the
 * kernel. A large collection is cut into as many slices of consecutive rows as there are cores,
 * each scanned into its own {@link TopK}, and the slices' best merged: one query then uses the
 * whole machine's memory bandwidth, which is what an exact scan is bound by. The caller's thread
 * scans one slice itself. Searches running at once share the cores instead: two concurrent
 * searches on two cores scan one slice each, since handing slices to a busy pool only queues them.
 *
 * <p>The caller holds the collection's read lock throughout (the slices are scanned while it
 * waits), so no write changes the segments meanwhile. Accept predicates are called from several
 * threads at once and must only read.
 */
public final class FlatSearch {

    /** Below this many rows a slice costs more to hand over than to scan (about 1 ms at dimension 128). */
    static final int MIN_ROWS_PER_SLICE = 16_384;

    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    /** Exact searches running now, across all collections. */
    private static final AtomicInteger RUNNING = new AtomicInteger();
    private static final ExecutorService SCANNERS = Executors.newFixedThreadPool(Math.max(1, THREADS - 1),
            new DaemonThreads());

    /**
     * Rows of one segment to search: the local ordinals {@code [from, to)}, which of them may be
     * returned, and the ordinal of the segment's row 0.
     */
    public record Part(Segment segment, IntPredicate accept, int base, int from, int to) {

        /** Every row of the segment. */
        public Part(Segment segment, IntPredicate accept, int base) {
            this(segment, accept, base, 0, segment.size());
        }

        int size() {
            return to - from;
        }
    }

    private record Slice(Part part, int from, int to) {
    }

    private FlatSearch() {
    }

    /** Offers the accepted rows of every part within {@code range} to {@code top}. */
    public static void search(List<Part> parts, float[] query, Metric metric, ScoreRange range, TopK top) {
        if (rows(parts) < 2 * MIN_ROWS_PER_SLICE) {
            search(parts, query, metric, range, top, 1);
            return;
        }
        int running = RUNNING.incrementAndGet();
        try {
            search(parts, query, metric, range, top, Math.max(1, THREADS / running));
        } finally {
            RUNNING.decrementAndGet();
        }
    }

    /** As {@link #search(List, float[], Metric, ScoreRange, TopK)}, in at most {@code threads} slices. */
    static void search(List<Part> parts, float[] query, Metric metric, ScoreRange range, TopK top, int threads) {
        long rows = rows(parts);
        int slices = (int) Math.max(1, Math.min(threads, rows / MIN_ROWS_PER_SLICE));
        double queryNorm = Vectors.norm(query);
        if (slices == 1) {
            for (Part part : parts) {
                scan(new Slice(part, part.from(), part.to()), query, queryNorm, metric, range, top);
            }
            return;
        }
        List<List<Slice>> work = slice(parts, rows, slices);
        List<Future<TopK>> others = new ArrayList<>(slices - 1);
        for (List<Slice> share : work.subList(1, work.size())) {
            others.add(SCANNERS.submit(() -> {
                TopK partial = top.emptyLike();
                share.forEach(slice -> scan(slice, query, queryNorm, metric, range, partial));
                return partial;
            }));
        }
        RuntimeException failure = null;
        try {
            work.get(0).forEach(slice -> scan(slice, query, queryNorm, metric, range, top));
        } catch (RuntimeException e) {
            failure = e;
        }
        // Every slice is waited for, even after a failure: none may still read the segments once
        // the caller lets go of the collection's lock.
        for (Future<TopK> other : others) {
            try {
                TopK partial = join(other);
                if (failure == null) {
                    top.offerAll(partial);
                }
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static long rows(List<Part> parts) {
        long rows = 0;
        for (Part part : parts) {
            rows += part.size();
        }
        return rows;
    }

    /** Cuts the parts' rows into {@code slices} runs of about equal length, in order. */
    private static List<List<Slice>> slice(List<Part> parts, long rows, int slices) {
        long perSlice = (rows + slices - 1) / slices;
        List<List<Slice>> work = new ArrayList<>(slices);
        List<Slice> current = new ArrayList<>();
        long room = perSlice;
        for (Part part : parts) {
            int from = part.from();
            while (from < part.to()) {
                int to = (int) Math.min(part.to(), from + room);
                current.add(new Slice(part, from, to));
                room -= to - from;
                from = to;
                if (room == 0) {
                    work.add(current);
                    current = new ArrayList<>();
                    room = perSlice;
                }
            }
        }
        if (!current.isEmpty()) {
            work.add(current);
        }
        return work;
    }

    private static void scan(Slice slice, float[] query, double queryNorm, Metric metric, ScoreRange range, TopK top) {
        Part part = slice.part();
        new ExactScan(part.segment(), metric).scan(query, queryNorm, part.accept(), range, part.base(), slice.from(),
                slice.to(), top);
    }

    /** Waits for a slice, through interrupts (which it passes on once the slice is done). */
    private static TopK join(Future<TopK> slice) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return slice.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "quiver-scan-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
