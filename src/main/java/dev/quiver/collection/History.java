package dev.quiver.collection;

import dev.quiver.config.StorageProperties;
import dev.quiver.error.QuiverException;
import dev.quiver.index.Metric;
import dev.quiver.persistence.EntityStore;
import dev.quiver.persistence.EntityVersion;
import dev.quiver.store.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The past of a collection inside the retention window ({@code quiver.retention}): reads as
 * of a moment (time travel) and the deleted versions that restore brings back. Memory holds
 * the present; versions deleted since come from the store.
 */
@Component
class History {

    static final String TRAVEL_TIMESTAMP = "travelTimestamp";

    private final EntityStore store;
    private final StoredForm storedForm;
    private final Duration retention;

    History(EntityStore store, StoredForm storedForm, StorageProperties storage) {
        this.store = store;
        this.storedForm = storedForm;
        this.retention = storage.retention();
    }

    /** The oldest moment still inside the retention window. */
    long windowStart() {
        return System.currentTimeMillis() - retention.toMillis();
    }

    /**
     * Runs a read over the present rows, or over the collection as it was at
     * {@code travelTimestamp} when one is given; a moment outside the window is code 1100.
     * {@code keys}, when not null, are the only keys the read can return (a get, a filter that
     * pins the primary key): only their past versions are loaded.
     *
     * <p>A read of the past holds the collection's writers while it loads the versions deleted
     * since (memory and store must be seen at one point); pinning keys keeps that short.
     */
    <T> T read(Collection collection, JsonNode travelTimestamp, List<Object> keys, Function<Snapshot, T> action) {
        Long asOf = TimeArgument.millis(travelTimestamp, TRAVEL_TIMESTAMP);
        if (asOf == null) {
            return collection.read(() -> action.apply(Snapshot.present(collection.table())));
        }
        requireInWindow(asOf);
        List<String> texts = keys == null ? null : keys.stream().map(Object::toString).distinct().toList();
        return collection.readSettled(() -> action.apply(Snapshot.at(collection.table(), asOf, table(collection,
                consumer -> store.forEachVersionDeletedSince(collection.id(), asOf, texts, consumer)))));
    }

    /**
     * The latest deleted version of each key (of the given keys, or of all when null) deleted
     * inside the window: as a table of live rows for filters, and as stored, by version number.
     * Call as the collection's writer.
     */
    Deleted deletedVersions(Collection collection, List<Object> keys) {
        List<String> texts = keys == null ? null : keys.stream().map(Object::toString).distinct().toList();
        Map<String, EntityVersion> latest = new LinkedHashMap<>();
        for (EntityVersion version : store.deletedVersions(collection.id(), windowStart(), texts)) {
            latest.remove(version.primaryKey());
            latest.put(version.primaryKey(), version);
        }
        Map<Long, EntityVersion> byVersion = new LinkedHashMap<>();
        latest.values().forEach(version -> byVersion.put(version.version(), version));
        return new Deleted(table(collection, consumer -> byVersion.values().forEach(consumer)), byVersion);
    }

    /** Deleted versions, once as rows to filter and once as stored. */
    record Deleted(Table rows, Map<Long, EntityVersion> byVersion) {
    }

    private void requireInWindow(long asOf) {
        long now = System.currentTimeMillis();
        long start = now - retention.toMillis();
        if (asOf > now) {
            throw QuiverException.invalid(TRAVEL_TIMESTAMP + " " + Instant.ofEpochMilli(asOf) + " is in the future "
                    + "(the server's time is " + Instant.ofEpochMilli(now) + "); time travel reads the past only");
        }
        if (asOf < start) {
            throw QuiverException.invalid(TRAVEL_TIMESTAMP + " " + Instant.ofEpochMilli(asOf) + " is outside the "
                    + "retention window [" + Instant.ofEpochMilli(start) + ", " + Instant.ofEpochMilli(now)
                    + "] (quiver.retention " + retention + ")");
        }
    }

    /** Stored versions, one per key, as a temporary table of live rows. */
    private Table table(Collection collection, Consumer<Consumer<EntityVersion>> source) {
        CollectionSchema schema = collection.schema();
        Table table = new Table(schema.idType(), schema.dimension(), collection.table().segmentCapacity(),
                schema::newColumns, schema.metric() == Metric.COSINE);
        source.accept(stored -> {
            DecodedRow row = storedForm.row(stored, schema);
            table.append(row.key(), row.vector(), row.dynamicFields(), row.scalars(), stored.version(),
                    stored.insertedAt());
        });
        return table;
    }
}
