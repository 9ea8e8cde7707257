package dev.quiver.index;

import dev.quiver.store.Segment;
import dev.quiver.store.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A search over a collection's segments: each segment by its graph where it has one, exactly
 * where it has none, and always exactly for the rows appended after its graph was published.
 * The graph search ({@link GraphSearch}) ranks by the exact score, and the collector orders ties,
 * so hits carry the same distances and tie order as an exact scan's.
 *
 * <p>A graph is never trusted to fill the answer alone: when a segment's accept-set admits so
 * few rows that a scan of them is cheaper (a selective filter), when the graph search visits more
 * nodes than the estimated matching rows, or when it finds fewer accepted rows than the search must
 * return, the segment is scanned exactly instead. So a search returns min(limit, matching rows)
 * hits whatever the filter.
 *
 * <p>Call under the collection's read lock (see {@link FlatSearch}).
 */
public final class IndexedSearch {

    /** Rows tested to estimate how many of a segment's rows a filter accepts. */
    static final int SAMPLE = 256;

    /**
     * One segment to search.
     *
     * @param graph the segment's published graph, or null to scan it exactly
     * @param filtered whether {@code accept} rejects live rows (a filter, a moment in the past),
     *     not only deleted ones
     */
    public record Part(Segment segment, IntPredicate accept, int base, FrozenGraph graph, boolean filtered) {
    }

    private IndexedSearch() {
    }

    /**
     * Offers the accepted rows of every part within {@code range} to {@code top}: all of them
     * exactly, or a graph's best {@code ef} candidates. Range searches scan exactly.
     */
    public static void search(List<Part> parts, float[] query, Metric metric, ScoreRange range, int ef, TopK top) {
        List<FlatSearch.Part> exact = new ArrayList<>();
        double queryNorm = Vectors.norm(query);
        boolean ranged = !range.equals(ScoreRange.ALL);
        for (Part part : parts) {
            Segment segment = part.segment();
            int graphed = 0;
            if (part.graph() != null && !ranged && searchGraph(part, query, queryNorm, metric, ef, top)) {
                graphed = part.graph().size();
            }
            if (graphed < segment.size()) {
                exact.add(new FlatSearch.Part(segment, part.accept(), part.base(), graphed, segment.size()));
            }
        }
        FlatSearch.search(exact, query, metric, range, top);
    }

    /** Offers the graph's candidates and returns true, or offers nothing and returns false (scan instead). */
    private static boolean searchGraph(Part part, float[] query, double queryNorm, Metric metric, int ef, TopK top) {
        Segment segment = part.segment();
        FrozenGraph graph = part.graph();
        int nodes = graph.size();
        int wanted = top.capacity();
        long accepted = estimateAccepted(part, nodes);
        if (accepted <= Math.max(wanted, ef)) {
            return false;
        }
        boolean everyNode = !part.filtered() && segment.liveCount() == segment.size();
        QueryScorer scorer = new QueryScorer(query, queryNorm, metric, segment.vectorBlock(), segment.normBlock());
        return GraphSearch.search(graph, scorer, ef, everyNode ? null : part.accept(),
                part.filtered() ? accepted : Long.MAX_VALUE, part.base(), top);
    }

    /** About how many of the graph's nodes the part accepts: counted for deletes, sampled for a filter. */
    private static long estimateAccepted(Part part, int nodes) {
        Segment segment = part.segment();
        if (!part.filtered()) {
            return (long) segment.liveCount() * nodes / segment.size();
        }
        IntPredicate accept = part.accept();
        if (nodes <= SAMPLE) {
            int count = 0;
            for (int node = 0; node < nodes; node++) {
                count += accept.test(node) ? 1 : 0;
            }
            return count;
        }
        int count = 0;
        for (int i = 0; i < SAMPLE; i++) {
            count += accept.test((int) ((long) i * nodes / SAMPLE)) ? 1 : 0;
        }
        return (long) count * nodes / SAMPLE;
    }
}
