package dev.quiver.collection;

import dev.quiver.error.QuiverException;
import dev.quiver.store.Segment;
import dev.quiver.store.Table;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rewrites segments in which deleted rows have come to outweigh live ones, so that memory
 * follows the live rows however much churn a collection sees. Deleted versions stay in the
 * store, where time travel and restore find them.
 */
@Component
class Compactor {

    private final CollectionRegistry registry;

    Compactor(CollectionRegistry registry) {
        this.registry = registry;
    }

    @Scheduled(fixedDelayString = "${quiver.compaction-interval:10s}")
    void compactAll() {
        for (Collection collection : registry.all()) {
            try {
                compact(collection, false);
            } catch (QuiverException dropped) {
                // Dropped meanwhile: nothing left to compact.
            }
        }
    }

    /**
     * Compacts the collection's segments that are at least half deleted, or every segment that
     * holds a deleted row when {@code everyDeleted}; returns how many.
     */
    static int compact(Collection collection, boolean everyDeleted) {
        int[] compacted = {0};
        collection.maintain(() -> {
            Table table = collection.table();
            for (Segment segment : List.copyOf(table.segments())) {
                int deleted = segment.size() - segment.liveCount();
                if (deleted > 0 && (everyDeleted || deleted * 2 >= segment.size())) {
                    // Copying only reads the rows, so readers go on; the swap is brief.
                    Segment copy = table.compacted(segment);
                    collection.underWriteLock(() -> table.replace(segment, copy));
                    compacted[0]++;
                }
            }
        });
        return compacted[0];
    }
}
