package dev.quiver.collection;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.Limit;
import dev.quiver.error.QuiverException;
import dev.quiver.expr.CompiledFilter;
import dev.quiver.expr.Filter;
import dev.quiver.index.BuildThrottle;
import dev.quiver.index.Metric;
import dev.quiver.store.Segment;
import dev.quiver.store.Table;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * One live collection: its schema, its id in the relational store and its rows.
 *
 * <p>Writes run one at a time, in the order they commit to the store ({@link #write}); a
 * write holds the table's write lock only to reserve memory before its commit and to apply
 * itself after it, so readers wait for an apply, never for a database commit. A write
 * acknowledged to one client is visible to the next request of any client.
 */
final class Collection {

    /** Keys a write forgets per hold of the write lock, so readers wait for one step, not for all. */
    private static final int FORGET_STEP = 8192;

    private final long id;
    private final CollectionSchema schema;
    private final Table table;
    private final Indexing indexing;
    /** Orders writers: held from planning to apply, so memory sees writes in commit order. */
    private final ReentrantLock commitOrder = new ReentrantLock();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long lastVersion;
    private long lastWriteTime;
    private volatile boolean dropped;

    Collection(long id, CollectionSchema schema, int segmentRows) {
        this.id = id;
        this.schema = schema;
        this.table = new Table(schema.idType(), schema.dimension(), segmentRows, schema::newColumns,
                schema.metric() == Metric.COSINE);
        this.indexing = new Indexing(this);
    }

    long id() {
        return id;
    }

    CollectionSchema schema() {
        return schema;
    }

    /** The segments' graphs, which follow every change of the rows. */
    Indexing indexing() {
        return indexing;
    }

    /** The rows; read them under {@link #read}, change them only in a write's apply step. */
    Table table() {
        return table;
    }

    /**
     * Compiles a filter for this collection, checking it (code 1100) before any lock is taken;
     * {@link SegmentFilter#on} then binds it to each segment.
     */
    SegmentFilter compile(String filter) {
        Segment empty = new Segment(schema.idType(), schema.dimension(), 1, schema.newColumns(), false);
        CompiledFilter checked = Filter.compile(filter, new SchemaCatalog(schema, empty));
        return new SegmentFilter(filter, schema, checked.candidateKeys());
    }

    /** Rows deleted but still held in their segments, until compaction rewrites them. */
    long deletedRowsInMemory() {
        return read(() -> {
            long deleted = 0;
            for (Segment segment : table.segments()) {
                deleted += segment.size() - segment.liveCount();
            }
            return deleted;
        });
    }

    <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            requireNotDropped();
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs one write: {@code planner} reads the current rows (no other write runs meanwhile) and
     * returns what to commit and apply; then memory is reserved, the batch committed, and the
     * change applied under the write lock. Nothing reaches memory that was not committed; a
     * write that fails before its commit leaves no trace.
     */
    <T> T write(WritePlanner<T> planner) {
        BuildThrottle.writeStarted();
        commitOrder.lock();
        try {
            requireNotDropped();
            PlannedWrite<T> write = planner.plan(this);
            long reallocated = read(() -> table.reallocatedRows(write.appendCount()));
            MemoryGuard.HEAP.require(write.appendCount(), schema.dimension(), table.liveCount(), reallocated);
            try {
                underWriteLock(() -> table.reserve(write.appendCount()));
            } catch (OutOfMemoryError e) {
                // Nothing is committed yet: refuse as the guard would have, leaving no trace.
                throw QuiverException.overLimit(Limit.MEMORY, ErrorCode.RATE_LIMITED, "not enough memory to insert "
                        + write.appendCount() + " rows; delete rows, or give the JVM more heap (-Xmx)");
            }
            write.commit().run();
            underWriteLock(write.apply());
            forgetKeys(write.deleted());
            indexing.refresh();
            return write.result();
        } finally {
            commitOrder.unlock();
            BuildThrottle.writeEnded();
        }
    }

    /**
     * Reads with no write between its commit and its apply: for reads that combine memory with
     * the store (time travel, restore), which must see both at the same point.
     */
    <T> T readSettled(Supplier<T> action) {
        commitOrder.lock();
        try {
            return read(action);
        } finally {
            commitOrder.unlock();
        }
    }

    /**
     * Runs a change of the rows that commits nothing (recovery, compaction) between writes; the
     * graphs follow it.
     */
    void maintain(Runnable change) {
        commitOrder.lock();
        try {
            requireNotDropped();
            change.run();
            indexing.refresh();
        } finally {
            commitOrder.unlock();
        }
    }

    /**
     * Removes the keys of rows a write deleted, a step at a time: the rows read as deleted from
     * the apply on, and no reader waits long for a delete of many rows (while a 250,000-row delete
     * applied in one hold of the lock, a reader waited 103 ms for it).
     */
    private void forgetKeys(List<Integer> deleted) {
        for (int from = 0; from < deleted.size(); from += FORGET_STEP) {
            List<Integer> step = deleted.subList(from, Math.min(deleted.size(), from + FORGET_STEP));
            underWriteLock(() -> step.forEach(table::forgetKey));
        }
    }

    void underWriteLock(Runnable change) {
        lock.writeLock().lock();
        try {
            change.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The next version number; call only while planning a write. */
    long nextVersion() {
        return ++lastVersion;
    }

    /** The highest version number handed out so far. */
    long lastVersion() {
        return lastVersion;
    }

    /** The time of a write being planned: never earlier than the previous write's. */
    long writeTime() {
        lastWriteTime = Math.max(lastWriteTime, System.currentTimeMillis());
        return lastWriteTime;
    }

    /** Where recovery found the history: writes continue after it. */
    void resumeAfter(long version, long time) {
        lastVersion = Math.max(lastVersion, version);
        lastWriteTime = Math.max(lastWriteTime, time);
    }

    /**
     * Runs {@code beforeDrop} once in-flight writes and reads are done, then marks the collection
     * dropped so later requests see "not found". If {@code beforeDrop} fails, nothing is dropped.
     */
    void drop(Runnable beforeDrop) {
        commitOrder.lock();
        try {
            requireNotDropped();
            beforeDrop.run();
            underWriteLock(() -> dropped = true);
        } finally {
            commitOrder.unlock();
        }
    }

    private void requireNotDropped() {
        if (dropped) {
            throw CollectionRegistry.notFound(schema.dbName(), schema.name());
        }
    }

    /** Plans a write from the collection's current rows. */
    @FunctionalInterface
    interface WritePlanner<T> {
        PlannedWrite<T> plan(Collection collection);
    }

    /**
     * A planned write: how many rows it appends (reserved before the commit), the commit itself,
     * the in-memory apply (which must not fail) and the answer.
     *
     * @param apply changes memory under the write lock; it marks the rows in {@code deleted}
     *     deleted (with {@link Table#markDeletedKeepingKey}), whose keys are then forgotten in steps
     */
    record PlannedWrite<T>(int appendCount, Runnable commit, Runnable apply, List<Integer> deleted, T result) {
    }
}
