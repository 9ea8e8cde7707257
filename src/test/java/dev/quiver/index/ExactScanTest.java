package dev.quiver.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.quiver.store.IdType;
import dev.quiver.store.Segment;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ExactScan} against a brute force computed in double in this test. */
class ExactScanTest {

    private static final int ROWS = 2_000;
    private static final int DIMENSION = 16;
    private static final int QUERIES = 20;
    private static final int[] KS = {1, 10, 100};
    private static final double NEAR_TIE = 1e-5;

    /** A segment whose Int64 keys are a shuffled sequence, so key order differs from ordinal order. */
    private record Fixture(Segment segment, long[] keyByOrdinal) {

        OrdinalOrder keyOrder() {
            return (a, b) -> Long.compare(keyByOrdinal[a], keyByOrdinal[b]);
        }
    }

    private record Expected(int ordinal, double score) {
    }

    private static Fixture randomFixture(Random random, int rows, int dimension) {
        List<Long> keys = new ArrayList<>();
        for (long i = 0; i < rows; i++) {
            keys.add(i * 7 + 3);
        }
        Collections.shuffle(keys, random);
        Segment segment = new Segment(IdType.INT64, dimension);
        long[] keyByOrdinal = new long[rows];
        for (int row = 0; row < rows; row++) {
            keyByOrdinal[segment.append(keys.get(row), randomVector(random, dimension), null, 1L)] = keys.get(row);
        }
        return new Fixture(segment, keyByOrdinal);
    }

    private static float[] randomVector(Random random, int dimension) {
        float[] vector = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }

    private static double bruteScore(Metric metric, float[] query, float[] stored) {
        double dot = 0;
        double squared = 0;
        double queryNorm = 0;
        double storedNorm = 0;
        for (int i = 0; i < query.length; i++) {
            double q = query[i];
            double s = stored[i];
            dot += q * s;
            squared += (q - s) * (q - s);
            queryNorm += q * q;
            storedNorm += s * s;
        }
        return switch (metric) {
            case L2 -> squared;
            case IP -> dot;
            case COSINE -> queryNorm == 0 || storedNorm == 0 ? 0 : dot / (Math.sqrt(queryNorm) * Math.sqrt(storedNorm));
        };
    }

    /** Every accepted row within the bounds, best first, ties by key, cut to k. */
    private static List<Expected> bruteForce(Fixture fixture, Metric metric, float[] query, int k,
            IntPredicate accept, Double radius, Double rangeFilter) {
        List<Expected> all = new ArrayList<>();
        for (int ordinal = 0; ordinal < fixture.segment().size(); ordinal++) {
            if (!accept.test(ordinal)) {
                continue;
            }
            double score = bruteScore(metric, query, fixture.segment().vector(ordinal));
            boolean inRange = metric == Metric.L2
                    ? (radius == null || score < radius) && (rangeFilter == null || score >= rangeFilter)
                    : (radius == null || score > radius) && (rangeFilter == null || score <= rangeFilter);
            if (inRange) {
                all.add(new Expected(ordinal, score));
            }
        }
        Comparator<Expected> byScore = Comparator.comparingDouble(Expected::score);
        if (metric != Metric.L2) {
            byScore = byScore.reversed();
        }
        all.sort(byScore.thenComparingLong(e -> fixture.keyByOrdinal()[e.ordinal()]));
        return all.subList(0, Math.min(k, all.size()));
    }

    /**
     * Rank by rank, the hit must be the brute-force row, or, where two rows' exact scores lie within
     * float rounding of each other ({@link #NEAR_TIE}), a distinct accepted row whose exact score
     * equals that rank's score to that precision: the kernel accumulates in float, as Milvus does.
     */
    private static void assertSameHits(List<Hit> actual, List<Expected> expected, List<Expected> candidates) {
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(actual).extracting(Hit::ordinal).doesNotHaveDuplicates();
        Map<Integer, Double> exact = new HashMap<>();
        candidates.forEach(c -> exact.put(c.ordinal(), c.score()));
        for (int i = 0; i < actual.size(); i++) {
            Hit hit = actual.get(i);
            double want = expected.get(i).score();
            if (hit.ordinal() != expected.get(i).ordinal()) {
                assertThat(exact).as("rank %d returned a row outside the accepted set", i).containsKey(hit.ordinal());
                assertThat(exact.get(hit.ordinal())).as("rank %d: ordinal %d instead of %d is no near-tie", i,
                        hit.ordinal(), expected.get(i).ordinal()).isCloseTo(want, offset(NEAR_TIE * Math.abs(want)));
            }
            assertThat((double) hit.score()).as("score at rank %d", i)
                    .isCloseTo(want, offset(Math.max(1e-4 * Math.abs(want), 1e-6)));
        }
    }

    private static void assertSameHits(List<Hit> actual, List<Expected> expected) {
        assertThat(actual).extracting(Hit::ordinal).containsExactlyElementsOf(
                expected.stream().map(Expected::ordinal).toList());
        assertSameHits(actual, expected, expected);
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void searchMatchesBruteForceOnSeededRandomData(Metric metric) {
        Random random = new Random(20_250_101L + metric.ordinal());
        Fixture fixture = randomFixture(random, ROWS, DIMENSION);
        ExactScan scan = new ExactScan(fixture.segment(), metric);
        for (int q = 0; q < QUERIES; q++) {
            float[] query = randomVector(random, DIMENSION);
            List<Expected> everyRow = bruteForce(fixture, metric, query, ROWS, o -> true, null, null);
            for (int k : KS) {
                List<Hit> hits = scan.search(query, k, ordinal -> true, ScoreRange.ALL, fixture.keyOrder());
                assertThat(hits).hasSize(k);
                assertSameHits(hits, bruteForce(fixture, metric, query, k, o -> true, null, null), everyRow);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void searchWithAcceptPredicateReturnsOnlyAcceptedRowsInBruteForceOrder(Metric metric) {
        Random random = new Random(77L + metric.ordinal());
        Fixture fixture = randomFixture(random, ROWS, DIMENSION);
        BitSet accepted = new BitSet(ROWS);
        for (int ordinal = 0; ordinal < ROWS; ordinal++) {
            if (random.nextInt(10) < 3) {
                accepted.set(ordinal);
            }
        }
        ExactScan scan = new ExactScan(fixture.segment(), metric);
        for (int q = 0; q < 5; q++) {
            float[] query = randomVector(random, DIMENSION);
            List<Hit> hits = scan.search(query, 100, accepted::get, ScoreRange.ALL, fixture.keyOrder());
            assertThat(hits).allSatisfy(hit -> assertThat(accepted.get(hit.ordinal())).isTrue());
            assertSameHits(hits, bruteForce(fixture, metric, query, 100, accepted::get, null, null),
                    bruteForce(fixture, metric, query, ROWS, accepted::get, null, null));
        }
    }

    @Test
    void searchWhenRowsDeletedNeverReturnsThem() {
        Random random = new Random(5L);
        Fixture fixture = randomFixture(random, 500, 8);
        float[] query = randomVector(random, 8);
        ExactScan scan = new ExactScan(fixture.segment(), Metric.L2);
        List<Hit> before = scan.search(query, 10, fixture.segment()::isLive, ScoreRange.ALL, fixture.keyOrder());
        for (Hit hit : before) {
            fixture.segment().markDeleted(hit.ordinal());
        }

        List<Hit> after = scan.search(query, 10, fixture.segment()::isLive, ScoreRange.ALL, fixture.keyOrder());

        assertThat(after).hasSize(10).extracting(Hit::ordinal)
                .doesNotContainAnyElementsOf(before.stream().map(Hit::ordinal).toList());
        assertSameHits(after, bruteForce(fixture, Metric.L2, query, 10, fixture.segment()::isLive, null, null));
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void searchWithRandomScoreRangeMatchesBruteForce(Metric metric) {
        Random random = new Random(99L + metric.ordinal());
        Fixture fixture = randomFixture(random, ROWS, DIMENSION);
        ExactScan scan = new ExactScan(fixture.segment(), metric);
        for (int q = 0; q < 10; q++) {
            float[] query = randomVector(random, DIMENSION);
            List<Expected> all = bruteForce(fixture, metric, query, ROWS, o -> true, null, null);
            // bounds between scores at random ranks, so the band holds a known, non-empty slice
            double best = all.get(50 + random.nextInt(100)).score();
            double worst = all.get(400 + random.nextInt(400)).score();
            float rangeFilter = (float) (metric == Metric.L2 ? best - 1e-3 : best + 1e-3);
            float radius = (float) (metric == Metric.L2 ? worst + 1e-3 : worst - 1e-3);
            ScoreRange range = new ScoreRange(radius, rangeFilter);

            List<Hit> hits = scan.search(query, 2_000, o -> true, range, fixture.keyOrder());

            assertThat(hits).hasSizeGreaterThan(200);
            List<Expected> inBand =
                    bruteForce(fixture, metric, query, ROWS, o -> true, (double) radius, (double) rangeFilter);
            assertSameHits(hits, inBand, inBand);
        }
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void searchWhenKExceedsRowCountReturnsEveryAcceptedRowBestFirst(Metric metric) {
        Random random = new Random(3L);
        Fixture fixture = randomFixture(random, 7, 4);
        float[] query = randomVector(random, 4);
        ExactScan scan = new ExactScan(fixture.segment(), metric);

        List<Hit> all = scan.search(query, 100, o -> true, ScoreRange.ALL, fixture.keyOrder());
        List<Hit> odd = scan.search(query, 16_384, o -> o % 2 == 1, ScoreRange.ALL, fixture.keyOrder());

        assertThat(all).hasSize(7);
        assertSameHits(all, bruteForce(fixture, metric, query, 100, o -> true, null, null));
        assertThat(odd).extracting(Hit::ordinal).containsExactlyInAnyOrder(1, 3, 5);
        assertSameHits(odd, bruteForce(fixture, metric, query, 100, o -> o % 2 == 1, null, null));
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void searchBreaksExactTiesByKeyOrderNotInsertionOrder(Metric metric) {
        // ordinals 0..4 hold the same vector under keys 50, 10, 40, 20, 30; ordinal 5 is far away
        Segment segment = new Segment(IdType.INT64, 3);
        long[] keys = {50, 10, 40, 20, 30, 60};
        for (int i = 0; i < 5; i++) {
            segment.append(keys[i], new float[] {0.5f, 0.25f, 1f}, null, 1L);
        }
        segment.append(keys[5], new float[] {-3f, 2f, -7f}, null, 1L);
        Fixture fixture = new Fixture(segment, keys);
        ExactScan scan = new ExactScan(segment, metric);
        float[] query = {0.5f, 0.25f, 1f};

        List<Hit> top3 = scan.search(query, 3, o -> true, ScoreRange.ALL, fixture.keyOrder());
        List<Hit> all = scan.search(query, 10, o -> true, ScoreRange.ALL, fixture.keyOrder());

        assertThat(ordinals(top3)).containsExactly(1, 3, 4);
        assertThat(ordinals(all)).containsExactly(1, 3, 4, 2, 0, 5);
        assertThat(scores(all).subList(0, 5)).containsOnly(all.get(0).score());
    }

    @Test
    void searchWhenKIsZeroOrSegmentEmptyReturnsNoHits() {
        Fixture fixture = fixedVectors(new float[][] {{1, 0}});
        Segment empty = new Segment(IdType.INT64, 2);

        assertThat(new ExactScan(fixture.segment(), Metric.L2).search(new float[] {0, 0}, 0, o -> true,
                ScoreRange.ALL, fixture.keyOrder())).isEmpty();
        assertThat(new ExactScan(empty, Metric.IP).search(new float[] {0, 0}, 10, o -> true,
                ScoreRange.ALL, (a, b) -> 0)).isEmpty();
    }

    @Test
    void cosineAgainstZeroVectorScoresZeroNotNaN() {
        Fixture fixture = fixedVectors(new float[][] {{0, 0}, {1, 1}});
        List<Hit> hits = new ExactScan(fixture.segment(), Metric.COSINE)
                .search(new float[] {1, 0}, 10, o -> true, ScoreRange.ALL, fixture.keyOrder());

        assertThat(ordinals(hits)).containsExactly(1, 0);
        assertThat(hits.get(1).score()).isZero();
    }

    @Test
    void hitsListIsImmutable() {
        Fixture fixture = fixedVectors(new float[][] {{1, 0}, {0, 1}});
        List<Hit> hits = new ExactScan(fixture.segment(), Metric.L2)
                .search(new float[] {0, 0}, 2, o -> true, ScoreRange.ALL, fixture.keyOrder());

        assertThatThrownBy(() -> hits.add(new Hit(9, 0f)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static Fixture fixedVectors(float[][] vectors) {
        Segment segment = new Segment(IdType.INT64, vectors[0].length);
        long[] keys = new long[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            keys[i] = 100 + i;
            segment.append(keys[i], vectors[i], null, 1L);
        }
        return new Fixture(segment, keys);
    }

    private static List<Float> scores(List<Hit> hits) {
        return hits.stream().map(Hit::score).toList();
    }

    private static List<Integer> ordinals(List<Hit> hits) {
        return hits.stream().map(Hit::ordinal).toList();
    }
}
