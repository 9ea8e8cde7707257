package dev.quiver.collection;

import dev.quiver.error.QuiverException;
import dev.quiver.index.FrozenGraph;
import dev.quiver.index.IndexSpec;
import dev.quiver.index.IndexType;
import dev.quiver.index.SegmentGraph;
import dev.quiver.index.SegmentView;
import dev.quiver.store.Segment;
import dev.quiver.store.Table;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The graphs of one collection's segments, by segment. After every change of the rows (a write's
 * apply, recovery, compaction) {@link #refresh} gives each segment that has reached its index's
 * size a graph and asks for its new rows to be linked in; builds run in the background, so a
 * write never waits for one. Graphs of segments that left the table are let go.
 *
 * <p>Thread-safety: {@link #refresh} runs as the collection's one writer; {@link #graph} may be
 * called by any reader.
 */
final class Indexing {

    private final Collection collection;
    private final IndexSpec spec;
    /** Segments compare by identity, which is what keys their graphs. */
    private final Map<Segment, SegmentGraph> graphs = new ConcurrentHashMap<>();

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

    /** The segment as a build sees it now, or null once it has left the collection. */
    private SegmentView view(Segment segment) {
        try {
            return collection.read(() -> collection.table().segments().contains(segment)
                    ? new SegmentView(segment.vectorBlock(), segment.normBlock(), segment.size(), segment.isFull())
                    : null);
        } catch (QuiverException dropped) {
            return null;
        }
    }
}
