package dev.quiver.collection;

import dev.quiver.config.ApiProperties;
import dev.quiver.error.ErrorCode;
import dev.quiver.error.Limit;
import dev.quiver.error.QuiverException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The databases and the live collections in each. Until recovery has rebuilt memory from the
 * store, every request is answered "service not ready" (HTTP 503), so nobody sees a partial
 * state. Thread-safe.
 */
@Component
class CollectionRegistry {

    static final String DEFAULT_DATABASE = "default";

    private final Set<String> databases = new LinkedHashSet<>();
    private final int maxCollections;
    private final ConcurrentMap<Key, Collection> collections = new ConcurrentHashMap<>();
    private final AtomicLong lastCollectionId = new AtomicLong();
    private final MeterRegistry meters;
    private final ConcurrentMap<Collection, List<Meter>> gauges = new ConcurrentHashMap<>();
    private volatile boolean recovered;

    CollectionRegistry(ApiProperties properties, MeterRegistry meters) {
        databases.add(DEFAULT_DATABASE);
        databases.addAll(properties.databases());
        maxCollections = properties.maxCollections();
        this.meters = meters;
    }

    /** The database a request names, defaulting to {@code default}; unknown names get code 800. */
    String database(String dbName) {
        if (!recovered) {
            throw new QuiverException(ErrorCode.SERVICE_NOT_READY,
                    "the service is loading its collections from the store; retry shortly");
        }
        String name = dbName == null || dbName.isEmpty() ? DEFAULT_DATABASE : dbName;
        if (!databases.contains(name)) {
            throw new QuiverException(ErrorCode.DATABASE_NOT_FOUND, "database: " + name);
        }
        return name;
    }

    /** Whether the database is one this service is configured with (recovery checks stored ones). */
    boolean knows(String dbName) {
        return databases.contains(dbName);
    }

    /** Called once memory holds everything the store has: requests are let in from now on. */
    void markRecovered() {
        recovered = true;
    }

    /** A store id for a new collection, never one a stored collection has. */
    long nextCollectionId() {
        return lastCollectionId.incrementAndGet();
    }

    void resumeCollectionIdsAfter(long id) {
        lastCollectionId.accumulateAndGet(id, Math::max);
    }

    List<String> names(String dbName) {
        List<String> names = new ArrayList<>();
        collections.keySet().stream().filter(key -> key.dbName().equals(dbName)).forEach(key -> names.add(key.name()));
        names.sort(null);
        return names;
    }

    Collection get(String dbName, String name) {
        Collection collection = find(dbName, name);
        if (collection == null) {
            throw notFound(dbName, name);
        }
        return collection;
    }

    /** The collection of that name, or null. */
    Collection find(String dbName, String name) {
        return collections.get(new Key(dbName, name));
    }

    /** Every live collection, for recovery's report and for maintenance. */
    List<Collection> all() {
        return List.copyOf(collections.values());
    }

    /** Refuses a new collection beyond {@code quiver.api.max-collections}. */
    void requireRoom() {
        if (collections.size() >= maxCollections) {
            throw QuiverException.overLimit(Limit.MAX_COLLECTIONS, ErrorCode.INVALID_PARAMETER, "the service already "
                    + "holds " + maxCollections + " collections, its limit (quiver.api.max-collections); drop one first");
        }
    }

    void add(Collection collection) {
        CollectionSchema schema = collection.schema();
        if (collections.putIfAbsent(new Key(schema.dbName(), schema.name()), collection) != null) {
            throw new IllegalStateException("collection " + schema.name() + " is registered twice");
        }
        gauges.put(collection, List.of(
                gauge("quiver.collection.rows", "Live rows", collection, () -> collection.table().liveCount()),
                gauge("quiver.collection.deleted.rows", "Deleted rows still held in memory until compaction",
                        collection, collection::deletedRowsInMemory),
                gauge("quiver.index.pending.rows", "Rows of segments that should have an HNSW graph and do not yet",
                        collection, () -> collection.indexing().pendingRows())));
    }

    void remove(Collection collection) {
        CollectionSchema schema = collection.schema();
        collections.remove(new Key(schema.dbName(), schema.name()), collection);
        List<Meter> removed = gauges.remove(collection);
        if (removed != null) {
            removed.forEach(meters::remove);
        }
    }

    /** A gauge read at each scrape; NaN once the collection is dropped, until its gauges are removed. */
    private Meter gauge(String name, String description, Collection collection, Supplier<Long> value) {
        CollectionSchema schema = collection.schema();
        Supplier<Number> reading = () -> {
            try {
                return value.get();
            } catch (QuiverException dropped) {
                return Double.NaN;
            }
        };
        return Gauge.builder(name, reading).description(description)
                .tag("database", schema.dbName()).tag("collection", schema.name()).register(meters);
    }

    static QuiverException notFound(String dbName, String name) {
        return new QuiverException(ErrorCode.COLLECTION_NOT_FOUND, "database: " + dbName + ", collection: " + name);
    }

    private record Key(String dbName, String name) {
    }
}
