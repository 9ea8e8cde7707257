package dev.quiver.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.store.IdType;
import dev.quiver.store.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sliced scan finds exactly what one thread scanning every segment in turn finds: the same
 * ordinals with the same scores in the same order, filters and ranges included.
 */
class FlatSearchTest {

    private static final int DIMENSION = 8;
    private static final Map<Metric, Float> RADIUS = Map.of(Metric.L2, 30f, Metric.IP, 10f, Metric.COSINE, 0.5f);

    /** Segments of uneven sizes, so slices cut across and inside them; keys ascend with ordinals. */
    private static List<Segment> segments(Random random, int... sizes) {
        List<Segment> segments = new ArrayList<>();
        long key = 0;
        for (int size : sizes) {
            Segment segment = new Segment(IdType.INT64, DIMENSION, size, List.of(), true);
            for (int row = 0; row < size; row++) {
                float[] vector = new float[DIMENSION];
                for (int i = 0; i < DIMENSION; i++) {
                    // Coarse values make exact ties common, so the tie order is exercised too.
                    vector[i] = random.nextInt(5);
                }
                segment.append(key++, vector, null, 1L);
            }
            segments.add(segment);
        }
        return segments;
    }

    private static List<FlatSearch.Part> parts(List<Segment> segments, IntPredicate acceptOrdinal) {
        List<FlatSearch.Part> parts = new ArrayList<>();
        int base = 0;
        for (Segment segment : segments) {
            int segmentBase = base;
            parts.add(new FlatSearch.Part(segment, local -> acceptOrdinal.test(segmentBase + local), segmentBase));
            base += segment.size();
        }
        return parts;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 7})
    void slicedScanEqualsOneThreadScanningEverything(int threads) {
        Random random = new Random(31 + threads);
        List<Segment> segments = segments(random, 40_000, 5, 17_000, 30_001);
        OrdinalOrder byOrdinal = Integer::compare;
        for (Metric metric : Metric.values()) {
            for (int round = 0; round < 5; round++) {
                float[] query = new float[DIMENSION];
                for (int i = 0; i < DIMENSION; i++) {
                    query[i] = random.nextInt(5);
                }
                int modulus = 2 + round;
                IntPredicate accept = ordinal -> ordinal % modulus != 0;
                ScoreRange range = round == 4 ? new ScoreRange(RADIUS.get(metric), null) : ScoreRange.ALL;
                TopK sliced = new TopK(50, metric, byOrdinal);
                TopK single = new TopK(50, metric, byOrdinal);

                FlatSearch.search(parts(segments, accept), query, metric, range, sliced, threads);
                FlatSearch.search(parts(segments, accept), query, metric, range, single, 1);

                assertThat(sliced.toList()).as("%s round %d", metric, round).isEqualTo(single.toList()).isNotEmpty();
            }
        }
    }

    @Test
    void aFailingSliceFailsTheSearchOnlyAfterEverySliceHasStopped() {
        List<Segment> segments = segments(new Random(5), 70_000);
        RuntimeException broken = new IllegalStateException("broken filter");
        IntPredicate failsLate = ordinal -> {
            if (ordinal == 69_999) {
                throw broken;
            }
            return true;
        };

        assertThatThrownBy(() -> FlatSearch.search(parts(segments, failsLate), new float[DIMENSION], Metric.L2,
                ScoreRange.ALL, new TopK(10, Metric.L2, Integer::compare), 4)).isSameAs(broken);
    }
}
