package dev.quiver.bench;

import dev.quiver.index.FrozenGraph;
import dev.quiver.index.IndexSpec;
import dev.quiver.index.IndexType;
import dev.quiver.index.IndexedSearch;
import dev.quiver.index.Metric;
import dev.quiver.index.ScoreRange;
import dev.quiver.index.SegmentGraph;
import dev.quiver.index.SegmentView;
import dev.quiver.index.TopK;
import dev.quiver.store.IdType;
import dev.quiver.store.Segment;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One segment's graph search without HTTP: {@value #ROWS} × {@value #DIMENSION} seeded
 * clustered vectors (1,000 Gaussian clusters, σ 1, centres in [-5, 5]), HNSW M 16,
 * efConstruction 64, 10 hits, queries cycling through {@value #QUERIES} rows moved by noise.
 * {@code ops/s} are queries per second per thread ({@code -t 2} for two). The peer is hnswlib on
 * the same kind of data in {@code bench/run.sh}; this isolates what the search itself costs.
 * Building the graph takes about half a minute per fork.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules", "jdk.incubator.vector",
    "-XX:+UseTransparentHugePages"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 8, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GraphSearchBench {

    static final int ROWS = 100_000;
    static final int DIMENSION = 128;
    static final int QUERIES = 1_000;

    @State(Scope.Benchmark)
    public static class Graph {
        @Param({"20", "32"})
        int ef;

        Segment segment;
        FrozenGraph graph;
        float[][] queries;

        @Setup
        public void setUp() throws InterruptedException {
            Random random = new Random(42);
            float[][] centres = new float[1_000][DIMENSION];
            for (float[] centre : centres) {
                for (int i = 0; i < DIMENSION; i++) {
                    centre[i] = (float) (random.nextDouble() * 10 - 5);
                }
            }
            segment = new Segment(IdType.INT64, DIMENSION, ROWS, List.of(), false);
            float[] vector = new float[DIMENSION];
            for (int row = 0; row < ROWS; row++) {
                float[] centre = centres[random.nextInt(centres.length)];
                for (int i = 0; i < DIMENSION; i++) {
                    vector[i] = (float) (centre[i] + random.nextGaussian());
                }
                segment.append((long) row, vector, null, 1L);
            }
            queries = new float[QUERIES][DIMENSION];
            for (float[] query : queries) {
                float[] base = segment.vector(random.nextInt(ROWS));
                for (int i = 0; i < DIMENSION; i++) {
                    query[i] = (float) (base[i] + random.nextGaussian() * 0.5);
                }
            }
            SegmentGraph built = new SegmentGraph(Metric.L2, DIMENSION, new IndexSpec(IndexType.HNSW, 16, 64),
                    () -> new SegmentView(segment.vectorBlock(), segment.normBlock(), segment.size(), segment.isFull()));
            built.requestBuild();
            while (built.published() == null || built.published().size() < ROWS) {
                Thread.sleep(50);
            }
            graph = built.published();
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public TopK search(Graph graph, Cursor cursor) {
        float[] query = graph.queries[cursor.next++ % QUERIES];
        TopK top = new TopK(10, Metric.L2, Integer::compare);
        IndexedSearch.search(List.of(new IndexedSearch.Part(graph.segment, graph.segment::isLive, 0, graph.graph, false)),
                query, Metric.L2, ScoreRange.ALL, graph.ef, top);
        return top;
    }
}
