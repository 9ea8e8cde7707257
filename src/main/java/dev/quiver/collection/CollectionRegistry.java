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
import org.springframework.stereotype.Component;

/** The databases and the live collections in each. Thread-safe. */
@Component
class CollectionRegistry {

    static final String DEFAULT_DATABASE = "default";

    private final Set<String> databases = new LinkedHashSet<>();
    private final int maxCollections;
    private final ConcurrentMap<Key, Collection> collections = new ConcurrentHashMap<>();

    CollectionRegistry(ApiProperties properties) {
        databases.add(DEFAULT_DATABASE);
        databases.addAll(properties.databases());
        maxCollections = properties.maxCollections();
    }

    /** The database a request names, defaulting to {@code default}; unknown names get code 800. */
    String database(String dbName) {
        String name = dbName == null || dbName.isEmpty() ? DEFAULT_DATABASE : dbName;
        if (!databases.contains(name)) {
            throw new QuiverException(ErrorCode.DATABASE_NOT_FOUND, "database: " + name);
        }
        return name;
    }

    List<String> names(String dbName) {
        List<String> names = new ArrayList<>();
        collections.keySet().stream().filter(key -> key.dbName().equals(dbName)).forEach(key -> names.add(key.name()));
        names.sort(null);
        return names;
    }

    Collection get(String dbName, String name) {
        Collection collection = collections.get(new Key(dbName, name));
        if (collection == null) {
            throw notFound(dbName, name);
        }
        return collection;
    }

    /** Adds a collection; false when one of that name already exists. */
    synchronized boolean add(Collection collection) {
        CollectionSchema schema = collection.schema();
        Key key = new Key(schema.dbName(), schema.name());
        if (!collections.containsKey(key) && collections.size() >= maxCollections) {
            throw QuiverException.invalid("the service already holds " + maxCollections
                    + " collections, its limit (quiver.api.max-collections); drop one first");
        }
        return collections.putIfAbsent(key, collection) == null;
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
