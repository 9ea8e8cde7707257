package dev.quiver.collection;

import dev.quiver.error.QuiverException;
import dev.quiver.store.Compaction;
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
     * holds a deleted row when {@code everyDeleted}; returns how many were swapped in. A copy of
     * a segment with a graph waits for its own graph, built in the background meanwhile (see
     * {@link Indexing#stage}), and is swapped in by a later call, unless {@code everyDeleted}.
     */
    static int compact(Collection collection, boolean everyDeleted) {
        int[] compacted = {0};
        collection.maintain(() -> {
            Table table = collection.table();
            Indexing indexing = collection.indexing();
            for (Compaction ready : indexing.readyCompactions()) {
                collection.underWriteLock(() -> table.replace(ready));
                compacted[0]++;
            }
            for (Segment segment : List.copyOf(table.segments())) {
                int deleted = segment.size() - segment.liveCount();
                if (deleted > 0 && (everyDeleted || deleted * 2 >= segment.size()) && !indexing.isStaged(segment)) {
                    // Copying only reads the rows, so readers go on; the swap is brief.
                    Compaction compaction = table.compacted(segment);
                    if (everyDeleted || !indexing.stage(compaction)) {
                        collection.underWriteLock(() -> table.replace(compaction));
                        compacted[0]++;
                    }
                }
            }
        });
        return compacted[0];
    }
}
