package dev.quiver.collection;

import dev.quiver.error.QuiverException;
import dev.quiver.store.Compaction;
import dev.quiver.store.Segment;
import dev.quiver.store.Table;
import java.lang.System.Logger.Level;
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

    private static final System.Logger LOG = System.getLogger(Compactor.class.getName());

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
                swap(collection, table, ready);
                compacted[0]++;
            }
            for (Segment segment : List.copyOf(table.segments())) {
                int deleted = segment.size() - segment.liveCount();
                if (deleted > 0 && (everyDeleted || deleted * 2 >= segment.size()) && !indexing.isStaged(segment)) {
                    // Copying only reads the rows, so readers go on; they wait only for the swap.
                    Compaction compaction = table.compacted(segment);
                    if (everyDeleted || !indexing.stage(compaction)) {
                        swap(collection, table, compaction);
                        compacted[0]++;
                    }
                }
            }
        });
        return compacted[0];
    }

    /**
     * Swaps the copy in under the write lock, which searches wait for; logs how long that took,
     * taking the lock included, so a pause readers saw can be matched to it.
     */
    private static void swap(Collection collection, Table table, Compaction compaction) {
        long started = System.nanoTime();
        collection.underWriteLock(() -> table.replace(compaction));
        LOG.log(Level.INFO, "Compacted a segment of {0} rows to {1} in collection {2}; "
                + "swapping it in under the write lock took {3} ms", compaction.original().size(),
                compaction.copy().liveCount(), collection.schema().name(), (System.nanoTime() - started) / 1_000_000);
    }
}
