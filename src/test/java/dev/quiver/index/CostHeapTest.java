package dev.quiver.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The graph search's heap against a sort, on seeded pushes and pops with many equal costs. */
class CostHeapTest {

    private record Pair(int node, double cost) {
    }

    @Test
    void popsInCostOrderWithTiesToTheLowerNode() {
        SplittableRandom random = new SplittableRandom(11);
        Comparator<Pair> order = Comparator.comparingDouble(Pair::cost).thenComparingInt(Pair::node);
        for (int round = 0; round < 300; round++) {
            CostHeap heap = new CostHeap(random.nextInt(0, 4)); // starts small, so it grows
            List<Pair> held = new ArrayList<>();
            for (int step = random.nextInt(1, 400); step > 0; step--) {
                if (held.isEmpty() || random.nextInt(3) > 0) {
                    Pair pair = new Pair(random.nextInt(0, 1_000), random.nextInt(-20, 20) / 2.0);
                    heap.push(pair.node(), pair.cost());
                    held.add(pair);
                } else {
                    held.sort(order);
                    Pair least = held.remove(0);
                    assertThat(new Pair(heap.topNode(), heap.topCost())).isEqualTo(least);
                    heap.pop();
                }
                assertThat(heap.size()).isEqualTo(held.size());
            }
            List<Pair> contents = new ArrayList<>();
            for (int i = 0; i < heap.size(); i++) {
                contents.add(new Pair(heap.node(i), heap.cost(i)));
            }
            assertThat(contents).containsExactlyInAnyOrderElementsOf(held);
        }
    }
}
