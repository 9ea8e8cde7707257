package dev.quiver.index;

import java.util.function.IntPredicate;

/**
 * The HNSW search (Malkov and Yashunin) over a {@link FrozenGraph}: a greedy descent through the
 * upper levels to the node nearest the query, then, on level 0, a beam of the {@code ef} nearest
 * accepted nodes, widened from the nearest candidate not yet expanded until no candidate can
 * improve it. Rejected nodes (deleted or filtered out) are walked through but never kept.
 *
 * <p>Lucene builds our graphs; this walks them instead of Lucene's searcher because the search
 * is most of a request's time, and it can be leaner for our case: it ranks by the exact score,
 * so its hits need no second scoring, and it marks visits in a plain bitset rather than a sparse
 * one.
 *
 * <p>Stateless; each search keeps its state on its own thread.
 */
final class GraphSearch {

    private GraphSearch() {
    }

    /**
     * Offers the {@code ef} best accepted nodes to {@code top} (as ordinals {@code base + node},
     * with their exact scores) and returns true; or offers nothing and returns false when the
     * search would visit more than {@code visitLimit} nodes or finds fewer accepted nodes than
     * {@code top} must hold, so the caller scans exactly instead.
     *
     * @param accept the nodes that may be returned, or null for all
     */
    static boolean search(FrozenGraph graph, QueryScorer scorer, int ef, IntPredicate accept, long visitLimit, int base,
            TopK top) {
        int entry = graph.entryNode();
        if (entry < 0) {
            return false;
        }
        double entryCost = scorer.cost(entry);
        long visits = 1;
        for (int level = graph.numLevels() - 1; level > 0; level--) {
            int[] links = graph.links(level);
            boolean moved = true;
            while (moved) {
                moved = false;
                int row = graph.row(level, entry);
                for (int i = row + 1, end = row + 1 + links[row]; i < end; i++) {
                    double cost = scorer.cost(links[i]);
                    visits++;
                    if (cost < entryCost) {
                        entry = links[i];
                        entryCost = cost;
                        moved = true;
                    }
                }
            }
        }
        CostHeap beam = searchLevel0(graph, scorer, ef, accept, visitLimit - visits, entry, entryCost);
        if (beam == null || beam.size() < top.capacity()) {
            return false;
        }
        for (int i = 0; i < beam.size(); i++) {
            top.offer(base + beam.node(i), scorer.score(-beam.cost(i)));
        }
        return true;
    }

    /** The beam of level 0, its costs negated (its top is its worst node); null past the visit limit. */
    private static CostHeap searchLevel0(FrozenGraph graph, QueryScorer scorer, int ef, IntPredicate accept,
            long visitLimit, int entry, double entryCost) {
        int[] links = graph.links(0);
        long[] visited = new long[(graph.size() + 63) >>> 6];
        int[] fresh = new int[graph.width(0)];
        CostHeap candidates = new CostHeap(4 * ef);
        CostHeap beam = new CostHeap(ef + 1);
        visited[entry >>> 6] |= 1L << entry;
        candidates.push(entry, entryCost);
        if (accept == null || accept.test(entry)) {
            beam.push(entry, -entryCost);
        }
        long visits = 1;
        while (candidates.size() > 0) {
            double nearest = candidates.topCost();
            if (beam.size() >= ef && nearest > -beam.topCost()) {
                break;
            }
            int row = graph.row(0, candidates.topNode());
            candidates.pop();
            int count = 0;
            for (int i = row + 1, end = row + 1 + links[row]; i < end; i++) {
                int node = links[i];
                long bit = 1L << node;
                if ((visited[node >>> 6] & bit) == 0) {
                    visited[node >>> 6] |= bit;
                    fresh[count++] = node;
                }
            }
            visits += count;
            if (visits > visitLimit) {
                return null;
            }
            for (int i = 0; i < count; i++) {
                int node = fresh[i];
                double cost = scorer.cost(node);
                if (beam.size() < ef || cost < -beam.topCost()) {
                    candidates.push(node, cost);
                    if (accept == null || accept.test(node)) {
                        beam.push(node, -cost);
                        if (beam.size() > ef) {
                            beam.pop();
                        }
                    }
                }
            }
        }
        return beam;
    }
}
