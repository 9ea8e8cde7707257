package dev.quiver.collection;

import dev.quiver.error.QuiverException;
import dev.quiver.index.FrozenGraph;
import dev.quiver.index.IndexSpec;
import dev.quiver.index.IndexType;
import dev.quiver.index.SegmentGraph;
import dev.quiver.index.SegmentView;
import dev.quiver.store.Compaction;
import dev.quiver.store.Segment;
import dev.quiver.store.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The graphs of one collection's segments, by segment. After every change of the rows (a write's
 * apply, recovery, compaction) {@link #refresh} gives each segment that has reached its index's
 * size a graph and asks for its new rows to be linked in; builds run in the background, so a
 * write never waits for one. Graphs of segments that left the table are let go.
 *
 * <p>A compacted copy of a segment that has a graph gets its own graph before it takes the
 * original's place ({@link #stage}, {@link #readyCompactions}): swapped in at once, it would be
 * scanned exactly until its graph was built, tens of milliseconds a search at a million rows.
 *
 * <p>Thread-safety: {@link #refresh}, {@link #stage} and {@link #readyCompactions} run as the
 * collection's one writer; {@link #graph} may be called by any reader.
 */
final class Indexing {

    private final Collection collection;
    private final IndexSpec spec;
    /** Segments compare by identity, which is what keys their graphs. */
    private final Map<Segment, SegmentGraph> graphs = new ConcurrentHashMap<>();
    /** Compactions waiting for their copy's graph, by original. */
    private final Map<Segment, Staged> staged = new ConcurrentHashMap<>();

    Indexing(Collection collection) {
        this.collection = collection;
        this.spec = collection.schema().index();
    }

    /** Call as the collection's one writer, after its rows changed. */
    void refresh() {
        if (spec.type() == IndexType.FLAT) {
            return;
        }
        Table table = collection.table();
        graphs.keySet().retainAll(table.segments());
        for (Segment segment : table.segments()) {
            if (segment.size() >= spec.graphRows()) {
                graphs.computeIfAbsent(segment, this::newGraph).requestBuild();
            }
        }
    }

    /**
     * Starts building the copy's graph and returns true when the copy is to wait for it before it
     * replaces the original; false when it may replace it at once (the original has no graph, or
     * the copy is too small for one, or still takes appends).
     */
    boolean stage(Compaction compaction) {
        Segment copy = compaction.copy();
        if (graph(compaction.original()) == null || copy.size() < spec.graphRows() || !copy.isFull()) {
            return false;
        }
        SegmentGraph graph = newGraph(copy);
        staged.put(compaction.original(), new Staged(compaction, graph));
        graph.requestBuild();
        return true;
    }

    boolean isStaged(Segment original) {
        return staged.containsKey(original);
    }

    /**
     * The staged compactions whose copies' graphs are complete, now the graphs of those copies:
     * swap them in next. Compactions of segments that left the table are let go.
     */
    List<Compaction> readyCompactions() {
        List<Compaction> ready = new ArrayList<>();
        for (Staged waiting : List.copyOf(staged.values())) {
            Compaction compaction = waiting.compaction();
            FrozenGraph built = waiting.graph().published();
            if (!collection.table().segments().contains(compaction.original())) {
                staged.remove(compaction.original());
            } else if (built != null && built.size() == compaction.copy().size()) {
                graphs.put(compaction.copy(), waiting.graph());
                staged.remove(compaction.original());
                ready.add(compaction);
            }
        }
        return ready;
    }

    /** The graph searches may use for a segment now, or null to scan it exactly. */
    FrozenGraph graph(Segment segment) {
        SegmentGraph graph = graphs.get(segment);
        return graph == null ? null : graph.published();
    }

    /**
     * Rows (live or deleted) of segments that should have a graph but are not in it yet: what a
     * search still scans exactly beyond the small segments AUTOINDEX scans by design.
     */
    long pendingRows() {
        return collection.read(() -> {
            long pending = 0;
            for (Segment segment : collection.table().segments()) {
                if (segment.size() >= spec.graphRows()) {
                    FrozenGraph graph = graph(segment);
                    pending += segment.size() - (graph == null ? 0 : graph.size());
                }
            }
            return pending;
        });
    }

    private SegmentGraph newGraph(Segment segment) {
        CollectionSchema schema = collection.schema();
        return new SegmentGraph(schema.metric(), schema.dimension(), spec, () -> view(segment));
    }

    /** The segment as a build sees it now, or null once it has left the collection (or its compaction). */
    private SegmentView view(Segment segment) {
        try {
            return collection.read(() -> collection.table().segments().contains(segment) || isStagedCopy(segment)
                    ? new SegmentView(segment.vectorBlock(), segment.normBlock(), segment.size(), segment.isFull())
                    : null);
        } catch (QuiverException dropped) {
            return null;
        }
    }

    private boolean isStagedCopy(Segment segment) {
        for (Staged waiting : staged.values()) {
            if (waiting.compaction().copy() == segment) {
                return true;
            }
        }
        return false;
    }

    private record Staged(Compaction compaction, SegmentGraph graph) {
    }
}
