package dev.quiver.collection;

import dev.quiver.config.ApiProperties;
import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
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
    private volatile boolean recovered;

    CollectionRegistry(ApiProperties properties) {
        databases.add(DEFAULT_DATABASE);
        databases.addAll(properties.databases());
        maxCollections = properties.maxCollections();
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
            throw QuiverException.invalid("the service already holds " + maxCollections
                    + " collections, its limit (quiver.api.max-collections); drop one first");
        }
    }

    void add(Collection collection) {
        CollectionSchema schema = collection.schema();
        if (collections.putIfAbsent(new Key(schema.dbName(), schema.name()), collection) != null) {
            throw new IllegalStateException("collection " + schema.name() + " is registered twice");
        }
    }

    void remove(Collection collection) {
        CollectionSchema schema = collection.schema();
        collections.remove(new Key(schema.dbName(), schema.name()), collection);
    }

    static QuiverException notFound(String dbName, String name) {
        return new QuiverException(ErrorCode.COLLECTION_NOT_FOUND, "database: " + dbName + ", collection: " + name);
    }

    private record Key(String dbName, String name) {
    }
}
