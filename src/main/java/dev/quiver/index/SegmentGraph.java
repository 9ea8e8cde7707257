package dev.quiver.index;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;

/**
 * The HNSW graph of one segment, built in the background as the segment's rows arrive: Lucene's
 * {@link HnswGraphBuilder} links each row in, scored by our kernels, and every so often the graph
 * so far is {@linkplain FrozenGraph frozen} and published. Searches use the latest published
 * graph for the rows it holds and scan the rows after it exactly, so a row is searchable the
 * moment it is appended, and faster once the graph has caught up. When a full segment's rows are
 * all linked, the graph is completed (Lucene joins any disconnected parts), frozen one last time
 * and the builder let go.
 *
 * <p>The graph of a compacted segment is not patched: the compacted copy gets a new graph. Rows
 * deleted after linking stay in the graph as waypoints and are never returned (searches skip
 * what their accept-set rejects).
 *
 * <p>Thread-safety: {@link #requestBuild} may be called from any thread; builds run on a shared
 * pool, one at a time per segment; {@link #published} may be read by any number of searches.
 */
public final class SegmentGraph {

    private static final System.Logger LOG = System.getLogger(SegmentGraph.class.getName());

    /** Levels drawn from a fixed seed: the same rows in the same order make the same graph after a restart. */
    private static final long SEED = 42;
    /** Most often a growing graph is copied for searches: each copy costs a few milliseconds. */
    private static final long PUBLISH_INTERVAL_MILLIS = 200;
    /** While a build is behind, it publishes after this many new rows too, so the exact tail stays short. */
    private static final int PUBLISH_EVERY_ROWS = 8192;

    private static final ScheduledExecutorService BUILDERS = builders();

    private final IndexSpec spec;
    private final Supplier<SegmentView> viewer;
    private final GraphVectors vectors;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Set by every request; a build clears it before it looks at the segment, so none is lost. */
    private final AtomicBoolean requested = new AtomicBoolean();
    /** Only the build touches these, one build at a time (the {@link #scheduled} flag orders them). */
    private HnswGraphBuilder builder;
    private int linked;
    private long publishedAt;
    private volatile FrozenGraph published;
    private volatile boolean finished;

    /**
     * @param viewer the segment as it is now, read under the collection's lock; null once the
     *     segment has left its collection (compacted, purged or dropped), which ends the build
     */
    public SegmentGraph(Metric metric, int dimension, IndexSpec spec, Supplier<SegmentView> viewer) {
        this.spec = spec;
        this.viewer = viewer;
        this.vectors = new GraphVectors(metric, dimension);
    }

    /** The graph searches use now, or null while it has no rows. */
    public FrozenGraph published() {
        return published;
    }

    /** Asks for the rows appended since the last build to be linked in; returns at once. */
    public void requestBuild() {
        requested.set(true);
        if (!finished && scheduled.compareAndSet(false, true)) {
            BUILDERS.execute(this::build);
        }
    }

    private void build() {
        boolean again;
        try {
            again = catchUp();
        } catch (InterruptedException e) {
            // The pool is shutting down with the JVM: leave the graph as it is.
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException | IOException | OutOfMemoryError e) {
            // Searches go on with the last published graph and scan the rest exactly.
            LOG.log(Level.WARNING, "Building a segment's HNSW graph failed; its new rows are scanned exactly", e);
            builder = null;
            finished = true;
            return;
        } finally {
            scheduled.set(false);
        }
        if (requested.get()) {
            // Rows came while this build was ending: link them now.
            requestBuild();
        } else if (again) {
            // Caught up, with a few rows not yet published: publish them when the interval is up.
            BUILDERS.schedule(this::requestBuild, PUBLISH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Links every row appended so far; returns true when rows are linked but not yet published. */
    private boolean catchUp() throws IOException, InterruptedException {
        while (true) {
            requested.set(false);
            SegmentView view = viewer.get();
            if (view == null) {
                builder = null;
                finished = true;
                return false;
            }
            if (view.size() == linked) {
                if (view.full()) {
                    finish();
                    return false;
                }
                if (linked > size(published)) {
                    if (System.currentTimeMillis() - publishedAt < PUBLISH_INTERVAL_MILLIS) {
                        return true;
                    }
                    publish(FrozenGraph.of(builder.getGraph()));
                }
                return false;
            }
            vectors.refresh(view);
            if (builder == null) {
                builder = HnswGraphBuilder.create(vectors, spec.m(), spec.efConstruction(), SEED);
            }
            long slice = System.nanoTime();
            while (linked < view.size()) {
                builder.addGraphNode(linked++);
                if (linked - size(published) >= PUBLISH_EVERY_ROWS) {
                    publish(FrozenGraph.of(builder.getGraph()));
                }
                slice = BuildThrottle.pace(slice);
            }
        }
    }

    private void finish() throws IOException {
        if (builder != null) {
            publish(FrozenGraph.of(builder.getCompletedGraph()));
        }
        builder = null;
        finished = true;
    }

    private void publish(FrozenGraph graph) {
        published = graph;
        publishedAt = System.currentTimeMillis();
    }

    private static int size(FrozenGraph graph) {
        return graph == null ? 0 : graph.size();
    }

    private static ScheduledExecutorService builders() {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(
                Runtime.getRuntime().availableProcessors(), task -> {
                    Thread thread = new Thread(task, "quiver-graph-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }
}
