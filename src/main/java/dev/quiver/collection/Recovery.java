package dev.quiver.collection;

import dev.quiver.config.StorageProperties;
import dev.quiver.index.Kernels;
import dev.quiver.persistence.EntityStore;
import dev.quiver.persistence.StoredCollection;
import dev.quiver.store.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Rebuilds memory from the store at start: every collection, its live rows in version order
 * (the order they were applied in before), where its versions and write times stand, and the
 * auto-id generator's position. Runs before the application reports ready, so readiness stays
 * DOWN (and the API answers 503) until it is done, while liveness is already UP.
 */
@Component
class Recovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final CollectionRegistry registry;
    private final EntityStore store;
    private final StoredForm storedForm;
    private final IdGenerator idGenerator;
    private final int segmentRows;

    Recovery(CollectionRegistry registry, EntityStore store, StoredForm storedForm, IdGenerator idGenerator,
            StorageProperties storage) {
        this.registry = registry;
        this.store = store;
        this.storedForm = storedForm;
        this.idGenerator = idGenerator;
        this.segmentRows = storage.segmentRows();
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Distance kernels: {}", Kernels.describe());
        long started = System.nanoTime();
        long rows = 0;
        int collections = 0;
        for (StoredCollection stored : store.collections()) {
            Collection collection = recover(stored);
            registry.add(collection);
            rows += collection.table().liveCount();
            collections++;
            if (!registry.knows(stored.dbName())) {
                log.warn("Collection '{}' belongs to database '{}', which is not configured "
                        + "(quiver.api.databases): it is kept, but unreachable until the database is configured again",
                        stored.name(), stored.dbName());
            }
        }
        registry.markRecovered();
        log.info("Recovered {} collections and {} live rows from the store in {} ms", collections, rows,
                (System.nanoTime() - started) / 1_000_000);
    }

    private Collection recover(StoredCollection stored) {
        CollectionSchema schema = storedForm.schema(stored.schemaJson());
        Collection collection = new Collection(stored.id(), schema, segmentRows);
        collection.resumeAfter(stored.lastVersion(), stored.lastWriteTime());
        Table table = collection.table();
        // No request reads the collection before recovery ends, so rows go in without the read
        // lock; as a maintenance step, the replay then has the segments' graphs built in the
        // background, while searches scan exactly.
        collection.maintain(() -> store.forEachLiveVersion(stored.id(), version -> {
            DecodedRow row = storedForm.row(version, schema);
            table.append(row.key(), row.vector(), row.dynamicFields(), row.scalars(), version.version(),
                    version.insertedAt());
        }));
        idGenerator.resumeAfter(stored.autoIdHighWater());
        registry.resumeCollectionIdsAfter(stored.id());
        return collection;
    }
}
