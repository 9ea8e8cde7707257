package dev.quiver.index;

import java.util.Arrays;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.NeighborArray;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;

/**
 * An immutable copy of an HNSW graph in a few flat {@code int[]}s: per level, each node's
 * neighbour count followed by its neighbours, at a fixed stride. Lucene's builder keeps two
 * objects and a float per link; this keeps four bytes per link, 136 bytes a node at M 16.
 * Searches read it through a {@link #reader}, one per search.
 *
 * <p>Thread-safe: nothing changes after construction.
 */
public final class FrozenGraph {

    private final int size;
    private final int entryNode;
    private final int numLevels;
    /** Per level: for level 0 null (every node is on it), above it the level's nodes in ascending order. */
    private final int[][] levelNodes;
    /** Per level: row {@code i} (node {@code i} on level 0, {@code levelNodes[level][i]} above) at {@code i * stride}. */
    private final int[][] neighbours;
    private final int[] strides;

    private FrozenGraph(int size, int entryNode, int numLevels, int[][] levelNodes, int[][] neighbours, int[] strides) {
        this.size = size;
        this.entryNode = entryNode;
        this.numLevels = numLevels;
        this.levelNodes = levelNodes;
        this.neighbours = neighbours;
        this.strides = strides;
    }

    /** Copies the graph a builder has made so far; call on the builder's thread. */
    static FrozenGraph of(OnHeapHnswGraph graph) {
        int size = graph.size();
        int numLevels = graph.numLevels();
        int[][] levelNodes = new int[numLevels][];
        int[][] neighbours = new int[numLevels][];
        int[] strides = new int[numLevels];
        for (int level = 0; level < numLevels; level++) {
            int[] nodes = level == 0 ? null : HnswGraph.NodesIterator.getSortedNodes(graph.getNodesOnLevel(level));
            int count = nodes == null ? size : nodes.length;
            int widest = 0;
            for (int i = 0; i < count; i++) {
                widest = Math.max(widest, graph.getNeighbors(level, nodes == null ? i : nodes[i]).size());
            }
            int stride = widest + 1;
            int[] rows = new int[count * stride];
            for (int i = 0; i < count; i++) {
                NeighborArray list = graph.getNeighbors(level, nodes == null ? i : nodes[i]);
                rows[i * stride] = list.size();
                System.arraycopy(list.nodes(), 0, rows, i * stride + 1, list.size());
            }
            levelNodes[level] = nodes;
            neighbours[level] = rows;
            strides[level] = stride;
        }
        return new FrozenGraph(size, size == 0 ? -1 : graph.entryNode(), numLevels, levelNodes, neighbours, strides);
    }

    /** Nodes in the graph: the segment's rows {@code [0, size)}. */
    public int size() {
        return size;
    }

    /**
     * A cursor over the graph for one search, as Lucene's searcher walks it.
     *
     * @param block the segment's vectors, which the cursor touches ahead of the searcher
     * @param dimension floats per vector
     */
    HnswGraph reader(float[] block, int dimension) {
        return new Reader(block, dimension);
    }

    private final class Reader extends HnswGraph {
        private final float[] block;
        private final int dimension;
        private int[] rows;
        private int next;
        private int end;
        /** Keeps the touching reads alive: the JIT may not drop a load whose value is stored. */
        private float touched;

        Reader(float[] block, int dimension) {
            this.block = block;
            this.dimension = dimension;
        }

        @Override
        public void seek(int level, int target) {
            int row = level == 0 ? target : Arrays.binarySearch(levelNodes[level], target);
            rows = neighbours[level];
            int start = row * strides[level];
            next = start + 1;
            end = next + rows[start];
            // The searcher scores these neighbours next, one after another, each a cache miss
            // away in a block far larger than the caches. Reading the first float of each now
            // starts all those misses at once, where the CPU would otherwise wait for them in turn.
            float sum = 0;
            for (int i = next; i < end; i++) {
                sum += block[rows[i] * dimension];
            }
            touched += sum;
        }

        @Override
        public int nextNeighbor() {
            return next < end ? rows[next++] : DocIdSetIterator.NO_MORE_DOCS;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int numLevels() {
            return numLevels;
        }

        @Override
        public int entryNode() {
            return entryNode;
        }

        @Override
        public NodesIterator getNodesOnLevel(int level) {
            return level == 0 ? new ArrayNodesIterator(size) : new ArrayNodesIterator(levelNodes[level],
                    levelNodes[level].length);
        }
    }
}
