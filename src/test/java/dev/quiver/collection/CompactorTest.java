package dev.quiver.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.index.FrozenGraph;
import dev.quiver.index.IndexSpec;
import dev.quiver.index.IndexType;
import dev.quiver.index.Metric;
import dev.quiver.store.IdType;
import dev.quiver.store.Segment;
import dev.quiver.store.Table;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Compaction of a segment with a graph: the copy is swapped in only once its own graph is
 * complete, so searches never fall back to scanning it exactly, and deletes that came meanwhile
 * are not lost.
 */
class CompactorTest {

    private static final int DIMENSION = 8;
    private static final int SEGMENT_ROWS = 1000;

    @Test
    void aCopyWaitsForItsGraphAndKeepsTheDeletesThatCameMeanwhile() throws InterruptedException {
        Collection collection = new Collection(1, new CollectionSchema("default", "compacted", "", "id", IdType.INT64,
                0, false, "vector", DIMENSION, Metric.L2, false, List.of(), new IndexSpec(IndexType.HNSW, 8, 40)),
                SEGMENT_ROWS);
        Random random = new Random(11);
        collection.maintain(() -> {
            for (long key = 0; key < 2500; key++) {
                float[] vector = new float[DIMENSION];
                for (int i = 0; i < DIMENSION; i++) {
                    vector[i] = (float) random.nextGaussian();
                }
                collection.table().append(key, vector, null, new Object[0], key + 1, 0);
            }
        });
        Table table = collection.table();
        Segment original = table.segments().get(0);
        await(() -> graphSize(collection, original) == SEGMENT_ROWS);
        deleteKeys(collection, 0, 600);

        assertThat(Compactor.compact(collection, false)).as("swapped at once").isZero();
        assertThat(table.segments().get(0)).isSameAs(original);
        assertThat(collection.indexing().isStaged(original)).isTrue();
        deleteKeys(collection, 700, 701);
        await(() -> Compactor.compact(collection, false) == 1);

        Segment copy = table.segments().get(0);
        assertThat(copy).isNotSameAs(original);
        assertThat(copy.size()).isEqualTo(400);
        assertThat(graphSize(collection, copy)).as("the copy's graph, complete when it is swapped in").isEqualTo(400);
        assertThat(copy.liveCount()).isEqualTo(399);
        assertThat(table.liveOrdinal(700L)).as("deleted while the copy waited").isNegative();
        assertThat(table.key(table.liveOrdinal(701L))).isEqualTo(701L);
        assertThat(table.liveCount()).isEqualTo(2500 - 601);
        assertThat(collection.indexing().isStaged(original)).isFalse();
    }

    private static void deleteKeys(Collection collection, long from, long to) {
        collection.maintain(() -> {
            for (long key = from; key < to; key++) {
                collection.table().markDeleted(collection.table().liveOrdinal(key));
            }
        });
    }

    private static int graphSize(Collection collection, Segment segment) {
        FrozenGraph graph = collection.indexing().graph(segment);
        return graph == null ? 0 : graph.size();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within a minute").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
