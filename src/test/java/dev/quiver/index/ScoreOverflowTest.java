package dev.quiver.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.store.IdType;
import dev.quiver.store.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finite float32 vectors whose products or norms overflow float must still score finitely and
 * rank correctly: a NaN score would break the top-k ordering.
 */
class ScoreOverflowTest {

    private static final float BIG = 3e38f;

    private static Segment segment() {
        Segment segment = new Segment(IdType.INT64, 2);
        segment.append(1L, new float[] {BIG, -BIG}, null, 0);
        segment.append(2L, new float[] {1, 1}, null, 0);
        segment.append(3L, new float[] {BIG, BIG}, null, 0);
        segment.append(4L, new float[] {-BIG, -BIG}, null, 0);
        return segment;
    }

    @Test
    void innerProductOfHugeVectorsRanksWithoutNaN() {
        List<Hit> hits = new ExactScan(segment(), Metric.IP)
                .search(new float[] {BIG, BIG}, 4, ordinal -> true, ScoreRange.ALL, Integer::compare);

        // 2·BIG² and 2·BIG both exceed the float range; ranking still uses the exact scores.
        assertThat(hits).extracting(Hit::ordinal).containsExactly(2, 1, 0, 3);
        assertThat(hits).allSatisfy(hit -> assertThat(Float.isFinite(hit.score())).isTrue());
        assertThat(hits.get(0).score()).isEqualTo(Float.MAX_VALUE);
        assertThat(hits.get(2).score()).isZero();
        assertThat(hits.get(3).score()).isEqualTo(-Float.MAX_VALUE);
    }

    @Test
    void cosineOfHugeVectorsStaysWithinMinusOneAndOne() {
        List<Hit> hits = new ExactScan(segment(), Metric.COSINE)
                .search(new float[] {BIG, BIG}, 4, ordinal -> true, ScoreRange.ALL, Integer::compare);

        // [1,1] and [BIG,BIG] both point the query's way (cosine 1, up to rounding).
        assertThat(hits.subList(0, 2)).extracting(Hit::ordinal).containsExactlyInAnyOrder(1, 2);
        assertThat(hits.subList(2, 4)).extracting(Hit::ordinal).containsExactly(0, 3);
        assertThat(hits.get(1).score()).isEqualTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(hits.get(0).score()).isEqualTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(hits.get(3).score()).isEqualTo(-1f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void l2BeyondFloatRangeIsClampedAndStillOrdered() {
        List<Hit> hits = new ExactScan(segment(), Metric.L2)
                .search(new float[] {BIG, BIG}, 4, ordinal -> true, ScoreRange.ALL, Integer::compare);

        assertThat(hits).extracting(Hit::ordinal).containsExactly(2, 1, 0, 3);
        assertThat(hits.get(0).score()).isZero();
        assertThat(hits).allSatisfy(hit -> assertThat(Float.isFinite(hit.score())).isTrue());
    }
}
