package dev.quiver.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.store.IdType;
import dev.quiver.store.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Milvus range-search bounds: L2 keeps {@code rangeFilter <= d < radius}; IP and COSINE keep
 * {@code radius < d <= rangeFilter}.
 */
class ScoreRangeTest {

    private static final OrdinalOrder BY_ORDINAL = Integer::compare;

    @Test
    void l2AcceptsRangeFilterInclusiveAndRadiusExclusive() {
        ScoreRange range = new ScoreRange(9f, 4f);

        assertThat(range.accepts(Metric.L2, 3.99f)).isFalse();
        assertThat(range.accepts(Metric.L2, 4f)).isTrue();
        assertThat(range.accepts(Metric.L2, 8.99f)).isTrue();
        assertThat(range.accepts(Metric.L2, 9f)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Metric.class, names = {"IP", "COSINE"})
    void similarityMetricsAcceptRadiusExclusiveAndRangeFilterInclusive(Metric metric) {
        ScoreRange range = new ScoreRange(0.25f, 0.75f);

        assertThat(range.accepts(metric, 0.25f)).isFalse();
        assertThat(range.accepts(metric, 0.26f)).isTrue();
        assertThat(range.accepts(metric, 0.75f)).isTrue();
        assertThat(range.accepts(metric, 0.76f)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Metric.class)
    void allAcceptsEveryFiniteScore(Metric metric) {
        assertThat(ScoreRange.ALL.accepts(metric, -Float.MAX_VALUE)).isTrue();
        assertThat(ScoreRange.ALL.accepts(metric, 0f)).isTrue();
        assertThat(ScoreRange.ALL.accepts(metric, Float.MAX_VALUE)).isTrue();
    }

    @Test
    void missingBoundLeavesThatSideOpen() {
        assertThat(new ScoreRange(null, 4f).accepts(Metric.L2, 1e30f)).isTrue();
        assertThat(new ScoreRange(null, 4f).accepts(Metric.L2, 3f)).isFalse();
        assertThat(new ScoreRange(9f, null).accepts(Metric.L2, 0f)).isTrue();
        assertThat(new ScoreRange(null, 0.5f).accepts(Metric.IP, -1e30f)).isTrue();
        assertThat(new ScoreRange(null, 0.5f).accepts(Metric.IP, 0.6f)).isFalse();
        assertThat(new ScoreRange(0.5f, null).accepts(Metric.IP, 1e30f)).isTrue();
    }

    /** Query (0, 0) against (1,0), (2,0), (3,0), (4,0): squared distances 1, 4, 9, 16. */
    @Test
    void exactScanWithL2RangeKeepsOnlyTheBand() {
        ExactScan scan = new ExactScan(segment(new float[][] {{1, 0}, {2, 0}, {3, 0}, {4, 0}}), Metric.L2);
        float[] query = {0, 0};

        assertThat(scores(scan.search(query, 10, o -> true, new ScoreRange(9f, 4f), BY_ORDINAL))).containsExactly(4f);
        assertThat(scores(scan.search(query, 10, o -> true, new ScoreRange(16f, null), BY_ORDINAL)))
                .containsExactly(1f, 4f, 9f);
        assertThat(scores(scan.search(query, 10, o -> true, new ScoreRange(null, 9f), BY_ORDINAL)))
                .containsExactly(9f, 16f);
    }

    /** Query (1, 0) against (1,0), (2,0), (3,0), (4,0): inner products 1, 2, 3, 4. */
    @Test
    void exactScanWithIpRangeKeepsOnlyTheBand() {
        ExactScan scan = new ExactScan(segment(new float[][] {{1, 0}, {2, 0}, {3, 0}, {4, 0}}), Metric.IP);
        float[] query = {1, 0};

        assertThat(scores(scan.search(query, 10, o -> true, new ScoreRange(1f, 3f), BY_ORDINAL)))
                .containsExactly(3f, 2f);
        assertThat(scores(scan.search(query, 10, o -> true, new ScoreRange(2f, null), BY_ORDINAL)))
                .containsExactly(4f, 3f);
        assertThat(scores(scan.search(query, 10, o -> true, new ScoreRange(null, 2f), BY_ORDINAL)))
                .containsExactly(2f, 1f);
    }

    /** Query (1, 0) against (1,0), (0,1), (-1,0), (3,0): cosine similarities 1, 0, -1, 1. */
    @Test
    void exactScanWithCosineRangeKeepsOnlyTheBand() {
        ExactScan scan = new ExactScan(segment(new float[][] {{1, 0}, {0, 1}, {-1, 0}, {3, 0}}), Metric.COSINE);
        float[] query = {1, 0};

        assertThat(scan.search(query, 10, o -> true, new ScoreRange(0f, 1f), BY_ORDINAL))
                .extracting(Hit::ordinal).containsExactly(0, 3);
        assertThat(scan.search(query, 10, o -> true, new ScoreRange(-1f, 0f), BY_ORDINAL))
                .extracting(Hit::ordinal).containsExactly(1);
    }

    @Test
    void exactScanAppliesRangeBeforeTopKSoKCountsOnlyRowsInTheBand() {
        ExactScan scan = new ExactScan(segment(new float[][] {{1, 0}, {2, 0}, {3, 0}, {4, 0}}), Metric.L2);

        // the two nearest rows (1 and 4) fall outside [9, 17): k=2 must still return two rows
        assertThat(scores(scan.search(new float[] {0, 0}, 2, o -> true, new ScoreRange(17f, 9f), BY_ORDINAL)))
                .containsExactly(9f, 16f);
    }

    private static Segment segment(float[][] vectors) {
        Segment segment = new Segment(IdType.INT64, vectors[0].length);
        for (int i = 0; i < vectors.length; i++) {
            segment.append((long) i, vectors[i], null, 1L);
        }
        return segment;
    }

    private static List<Float> scores(List<Hit> hits) {
        return hits.stream().map(Hit::score).toList();
    }
}
