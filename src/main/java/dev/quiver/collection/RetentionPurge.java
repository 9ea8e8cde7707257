package dev.quiver.collection;

import dev.quiver.error.QuiverException;
import dev.quiver.persistence.EntityStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes deleted versions once they leave the retention window ({@code quiver.retention}):
 * from the store in batches of small transactions while writes go on, and from memory by
 * compacting every segment that still holds deleted rows. Reads go on meanwhile. Counts what
 * it removed in {@code quiver_purged_versions_total}.
 */
@Component
class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final int PURGE_BATCH = 10_000;

    private final CollectionRegistry registry;
    private final EntityStore store;
    private final History history;
    private final Counter purged;

    RetentionPurge(CollectionRegistry registry, EntityStore store, History history, MeterRegistry meters) {
        this.registry = registry;
        this.store = store;
        this.history = history;
        this.purged = Counter.builder("quiver.purged.versions")
                .description("Deleted entity versions removed after the retention window")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${quiver.purge-interval:1h}", initialDelayString = "${quiver.purge-interval:1h}")
    void purgeExpired() {
        long cutoff = history.windowStart();
        long total = 0;
        for (Collection collection : registry.all()) {
            try {
                total += purge(collection, cutoff);
            } catch (QuiverException dropped) {
                // Dropped meanwhile: its versions went with it.
            }
        }
        if (total > 0) {
            log.info("Purged {} deleted versions older than the retention window", total);
        }
    }

    /**
     * Purges one collection's versions deleted before {@code cutoff}; returns how many. The store
     * part needs no lock: no write, restore or read inside the window touches those rows. It runs
     * in small transactions, so the store is never held for long.
     */
    long purge(Collection collection, long cutoff) {
        long removed = 0;
        for (int batch = PURGE_BATCH; batch == PURGE_BATCH; ) {
            batch = store.purge(collection.id(), cutoff, PURGE_BATCH);
            removed += batch;
            purged.increment(batch);
        }
        Compactor.compact(collection, true);
        return removed;
    }
}
