package dev.quiver.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.store.IdType;
import dev.quiver.store.Segment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Graph search against the exact scan on seeded clustered data: recall, filters, deletes, the
 * exact tail after a published graph, and the same graph from the same rows.
 */
class IndexedSearchTest {

    private static final int DIMENSION = 32;
    private static final int ROWS = 20_000;
    private static final int K = 10;
    private static final OrdinalOrder BY_ORDINAL = Integer::compare;

    /** Rows around 200 Gaussian centres (σ = 1 around centres spread over ±5), like the benchmark's data. */
    static float[][] clustered(Random random, int rows, int dimension) {
        float[][] centres = new float[200][dimension];
        for (float[] centre : centres) {
            for (int i = 0; i < dimension; i++) {
                centre[i] = (float) (random.nextDouble() * 10 - 5);
            }
        }
        float[][] vectors = new float[rows][dimension];
        for (float[] vector : vectors) {
            float[] centre = centres[random.nextInt(centres.length)];
            for (int i = 0; i < dimension; i++) {
                vector[i] = (float) (centre[i] + random.nextGaussian());
            }
        }
        return vectors;
    }

    static Segment segment(float[][] vectors, int capacity) {
        Segment segment = new Segment(IdType.INT64, vectors[0].length, capacity, List.of(), true);
        for (int row = 0; row < vectors.length; row++) {
            segment.append((long) row, vectors[row], null, 1L);
        }
        return segment;
    }

    /** Builds the segment's graph in the background and waits until it holds every row. */
    static SegmentGraph built(Segment segment, Metric metric, IndexSpec spec) throws InterruptedException {
        SegmentGraph graph = new SegmentGraph(metric, segment.dimension(), spec, () -> view(segment));
        graph.requestBuild();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (graph.published() == null || graph.published().size() < segment.size()) {
            assertThat(System.nanoTime()).as("graph built within two minutes").isLessThan(deadline);
            Thread.sleep(10);
        }
        return graph;
    }

    static SegmentView view(Segment segment) {
        return new SegmentView(segment.vectorBlock(), segment.normBlock(), segment.size(), segment.isFull());
    }

    private static List<Hit> graphSearch(Segment segment, FrozenGraph graph, IntPredicate accept, boolean filtered,
            float[] query, Metric metric, int k, int ef) {
        TopK top = new TopK(k, metric, BY_ORDINAL);
        IndexedSearch.search(List.of(new IndexedSearch.Part(segment, accept, 0, graph, filtered)), query, metric,
                ScoreRange.ALL, ef, top);
        return top.toList();
    }

    private static List<Hit> exact(Segment segment, IntPredicate accept, float[] query, Metric metric, int k) {
        return new ExactScan(segment, metric).search(query, k, accept, ScoreRange.ALL, BY_ORDINAL);
    }

    private static Set<Integer> ordinals(List<Hit> hits) {
        Set<Integer> ordinals = new HashSet<>();
        hits.forEach(hit -> ordinals.add(hit.ordinal()));
        return ordinals;
    }

    /** Mean share of the exact top k that the graph search found, over the queries. */
    private static double recall(Segment segment, FrozenGraph graph, IntPredicate accept, boolean filtered,
            List<float[]> queries, Metric metric, int ef) {
        double found = 0;
        for (float[] query : queries) {
            Set<Integer> truth = ordinals(exact(segment, accept, query, metric, K));
            List<Hit> hits = graphSearch(segment, graph, accept, filtered, query, metric, K, ef);
            assertThat(hits).as("never under-filled").hasSize(Math.min(K, truth.size()));
            truth.retainAll(ordinals(hits));
            found += truth.size() / (double) K;
        }
        return found / queries.size();
    }

    private static List<float[]> queries(Random random, float[][] vectors, int count) {
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] base = vectors[random.nextInt(vectors.length)];
            float[] query = new float[base.length];
            for (int d = 0; d < base.length; d++) {
                query[d] = (float) (base[d] + random.nextGaussian() * 0.5);
            }
            queries.add(query);
        }
        return queries;
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void graphSearchFindsAtLeast95PercentOfTheExactTopTen(Metric metric) throws InterruptedException {
        Random random = new Random(7);
        float[][] vectors = clustered(random, ROWS, DIMENSION);
        Segment segment = segment(vectors, ROWS);
        FrozenGraph graph = built(segment, metric, IndexSpec.DEFAULT).published();

        double recall = recall(segment, graph, segment::isLive, false, queries(random, vectors, 200), metric,
                IndexSpec.DEFAULT_EF);

        assertThat(recall).as("recall@10 of %s at ef %d", metric, IndexSpec.DEFAULT_EF).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void graphHitsCarryTheExactScoresAndTieOrder() throws InterruptedException {
        Random random = new Random(11);
        float[][] vectors = clustered(random, ROWS, DIMENSION);
        Segment segment = segment(vectors, ROWS);
        FrozenGraph graph = built(segment, Metric.L2, IndexSpec.DEFAULT).published();
        for (float[] query : queries(random, vectors, 50)) {
            List<Hit> hits = graphSearch(segment, graph, segment::isLive, false, query, Metric.L2, K, 64);
            for (Hit hit : hits) {
                float expected = (float) Kernels.active().squaredL2(query, segment.vectorBlock(), hit.ordinal() * DIMENSION);
                assertThat(hit.score()).isEqualTo(expected);
            }
            assertThat(hits).isSortedAccordingTo((a, b) -> Float.compare(a.score(), b.score()));
        }
    }

    @Test
    void filteredSearchReachesRecallAndSelectiveFiltersEqualTheExactScan() throws InterruptedException {
        Random random = new Random(13);
        float[][] vectors = clustered(random, ROWS, DIMENSION);
        Segment segment = segment(vectors, ROWS);
        FrozenGraph graph = built(segment, Metric.L2, IndexSpec.DEFAULT).published();
        List<float[]> queries = queries(random, vectors, 100);

        IntPredicate tenPercent = ordinal -> Math.floorMod(ordinal * 7919, 10) == 3;
        assertThat(recall(segment, graph, tenPercent, true, queries, Metric.L2, 64)).as("10%% of rows match")
                .isGreaterThanOrEqualTo(0.95);

        IntPredicate onePercent = ordinal -> Math.floorMod(ordinal * 7919, 100) == 42;
        IntPredicate fiveRows = ordinal -> ordinal % 4001 == 17;
        for (IntPredicate filter : List.of(onePercent, fiveRows)) {
            for (float[] query : queries) {
                assertThat(graphSearch(segment, graph, filter, true, query, Metric.L2, K, 64))
                        .isEqualTo(exact(segment, filter, query, Metric.L2, K));
            }
        }
    }

    @Test
    void deletedRowsAreNeverReturnedAndRecallHoldsAfterHalfAreDeleted() throws InterruptedException {
        Random random = new Random(17);
        float[][] vectors = clustered(random, ROWS, DIMENSION);
        Segment segment = segment(vectors, ROWS);
        FrozenGraph graph = built(segment, Metric.L2, IndexSpec.DEFAULT).published();
        for (int row = 0; row < ROWS; row++) {
            if (random.nextBoolean()) {
                segment.markDeleted(row);
            }
        }
        List<float[]> queries = queries(random, vectors, 100);
        for (float[] query : queries) {
            for (Hit hit : graphSearch(segment, graph, segment::isLive, false, query, Metric.L2, K, 64)) {
                assertThat(segment.isLive(hit.ordinal())).as("hit %d is live", hit.ordinal()).isTrue();
            }
        }
        assertThat(recall(segment, graph, segment::isLive, false, queries, Metric.L2, 64)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void rowsAppendedAfterThePublishedGraphAreFoundByTheExactTail() throws InterruptedException {
        Random random = new Random(19);
        float[][] vectors = clustered(random, ROWS, DIMENSION);
        Segment segment = segment(vectors, ROWS * 2);
        FrozenGraph graph = built(segment, Metric.L2, IndexSpec.DEFAULT).published();
        float[] fresh = new float[DIMENSION];
        java.util.Arrays.fill(fresh, 100f);
        segment.append((long) ROWS, fresh, null, 1L);

        List<Hit> hits = graphSearch(segment, graph, segment::isLive, false, fresh, Metric.L2, 1, 64);

        assertThat(graph.size()).isEqualTo(ROWS);
        assertThat(hits).extracting(Hit::ordinal).containsExactly(ROWS);
    }

    @Test
    void theSameRowsMakeTheSameGraphAndTheSameHits() throws InterruptedException {
        Random random = new Random(23);
        float[][] vectors = clustered(random, 5_000, DIMENSION);
        FrozenGraph first = built(segment(vectors, 5_000), Metric.L2, IndexSpec.DEFAULT).published();
        Segment segment = segment(vectors, 5_000);
        FrozenGraph second = built(segment, Metric.L2, IndexSpec.DEFAULT).published();
        for (float[] query : queries(random, vectors, 50)) {
            assertThat(graphSearch(segment, second, segment::isLive, false, query, Metric.L2, K, 16))
                    .isEqualTo(graphSearch(segment, first, segment::isLive, false, query, Metric.L2, K, 16));
        }
    }
}
