package dev.quiver.index;

import java.util.Arrays;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.NeighborArray;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;

/**
 * An immutable copy of an HNSW graph in a few flat {@code int[]}s: per level, each node's
 * neighbour count followed by its neighbours, at a fixed stride. Lucene's builder keeps two
 * objects and a float per link; this keeps four bytes per link, 136 bytes a node at M 16.
 * {@link GraphSearch} walks it.
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

    /** The node every search starts from, or -1 while the graph is empty. */
    int entryNode() {
        return entryNode;
    }

    /** Levels in the graph; level 0 holds every node. */
    int numLevels() {
        return numLevels;
    }

    /**
     * The adjacency rows of one level: at {@link #row}, a neighbour count followed by that many
     * neighbours. Read only; shared with every search.
     */
    int[] links(int level) {
        return neighbours[level];
    }

    /** Most neighbours a node has on a level. */
    int width(int level) {
        return strides[level] - 1;
    }

    /** Where a node's adjacency row starts in {@link #links}{@code (level)}; the node must be on the level. */
    int row(int level, int node) {
        return (level == 0 ? node : Arrays.binarySearch(levelNodes[level], node)) * strides[level];
    }
}
