package dev.quiver.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bounded heap against a full sort on seeded random offers with many equal scores. */
class TopKTest {

    @ParameterizedTest
    @EnumSource(Metric.class)
    void keepsTheBestKInOrderWithTiesByTieOrder(Metric metric) {
        SplittableRandom random = new SplittableRandom(42L + metric.ordinal());
        // a tie order unrelated to ordinal order: by (ordinal * 37) mod 1009
        OrdinalOrder tieOrder = (a, b) -> Integer.compare(a * 37 % 1009, b * 37 % 1009);
        Comparator<Hit> best = (x, y) -> x.score() != y.score()
                ? (metric.higherIsBetter() ? Float.compare(y.score(), x.score()) : Float.compare(x.score(), y.score()))
                : tieOrder.compare(x.ordinal(), y.ordinal());
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(0, 1_000);
            int k = random.nextInt(1, 120);
            TopK top = new TopK(k, metric, tieOrder);
            List<Hit> offered = new ArrayList<>();
            for (int ordinal = 0; ordinal < n; ordinal++) {
                float score = random.nextInt(0, 40) / 4f; // few distinct values: ties everywhere
                offered.add(new Hit(ordinal, score));
                top.offer(ordinal, score);
            }
            offered.sort(best);

            assertThat(top.toList()).containsExactlyElementsOf(offered.subList(0, Math.min(k, n)));
        }
    }

    @Test
    void zeroCapacityKeepsNothing() {
        TopK top = new TopK(0, Metric.L2, Integer::compare);
        top.offer(1, 0.5f);

        assertThat(top.toList()).isEmpty();
    }

    @Test
    void laterOfferWithSmallerTieKeyDisplacesTheWorstTiedEntry() {
        TopK top = new TopK(2, Metric.IP, Integer::compare);
        top.offer(9, 1f);
        top.offer(7, 1f);
        top.offer(3, 1f);
        top.offer(8, 0.5f);

        assertThat(top.toList()).containsExactly(new Hit(3, 1f), new Hit(7, 1f));
    }
}
