package dev.quiver.collection;

import dev.quiver.expr.FieldCatalog;
import dev.quiver.index.ExactScan;
import dev.quiver.index.OrdinalOrder;
import dev.quiver.index.VectorIndex;
import dev.quiver.store.Column;
import dev.quiver.store.IdType;
import dev.quiver.store.Segment;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * One live collection: its schema, its rows and its index. Writes take the write lock and reads
 * the read lock, so a write acknowledged to one client is visible to the next request of any
 * client (reads are strongly consistent).
 */
final class Collection {

    private final CollectionSchema schema;
    private final Segment segment;
    private final VectorIndex index;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean dropped;

    Collection(CollectionSchema schema) {
        this.schema = schema;
        this.segment = new Segment(schema.idType(), schema.dimension(), schema.scalarFields().stream()
                .map(field -> Column.of(field.type(), field.nullable())).toList());
        this.index = new ExactScan(segment, schema.metric());
    }

    CollectionSchema schema() {
        return schema;
    }

    Segment segment() {
        return segment;
    }

    VectorIndex index() {
        return index;
    }

    /** Field access for filters; readers must run under the read or write lock. */
    FieldCatalog catalog() {
        return new SchemaCatalog(schema, segment);
    }

    /** Orders rows by primary key, to break score ties deterministically. */
    OrdinalOrder keyOrder() {
        return schema.idType() == IdType.INT64
                ? (a, b) -> Long.compare(segment.longKey(a), segment.longKey(b))
                : (a, b) -> segment.stringKey(a).compareTo(segment.stringKey(b));
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

    <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            requireNotDropped();
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Runs {@code beforeDrop} once in-flight requests are done, then marks the collection dropped
     * so later requests see "not found". If {@code beforeDrop} fails, nothing is dropped.
     */
    void drop(Runnable beforeDrop) {
        lock.writeLock().lock();
        try {
            requireNotDropped();
            beforeDrop.run();
            dropped = true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void requireNotDropped() {
        if (dropped) {
            throw CollectionRegistry.notFound(schema.dbName(), schema.name());
        }
    }
}
