package dev.quiver.index;

/**
 * A collection's index: its type and, for the graph types, HNSW's build parameters (Milvus's
 * {@code M} and {@code efConstruction}). A search's {@code ef} is chosen per request.
 *
 * @param m most neighbours of a node on the upper levels of the graph (twice as many on the base level)
 * @param efConstruction candidates considered when a node is linked in; higher builds slower, finds better links
 */
public record IndexSpec(IndexType type, int m, int efConstruction) {

    public static final int DEFAULT_M = 16;
    public static final int DEFAULT_EF_CONSTRUCTION = 100;
    public static final int MIN_M = 2;
    /** Lucene's bounds for its graphs. */
    public static final int MAX_M = 512;
    public static final int MAX_EF_CONSTRUCTION = 3200;
    /** Milvus's upper bound for a search's {@code ef}. */
    public static final int MAX_EF = 32768;
    /**
     * A search's {@code ef} when the request names none: at M 16 it gives recall@10 above 0.95 on
     * clustered 128-dimensional data at 100k and 1M rows (see bench/README.md).
     */
    public static final int DEFAULT_EF = 64;
    /**
     * AUTOINDEX gives a segment a graph from this many rows on; below it an exact scan of the
     * segment (a few hundred microseconds at dimension 128) costs less than keeping a graph.
     */
    public static final int AUTO_GRAPH_ROWS = 4096;

    /** What a collection created without index parameters gets. */
    public static final IndexSpec DEFAULT = new IndexSpec(IndexType.AUTOINDEX, DEFAULT_M, DEFAULT_EF_CONSTRUCTION);

    public static final IndexSpec FLAT = new IndexSpec(IndexType.FLAT, 0, 0);

    /** Rows a segment needs before it gets a graph; {@link Integer#MAX_VALUE} for FLAT. */
    public int graphRows() {
        return switch (type) {
            case FLAT -> Integer.MAX_VALUE;
            case HNSW -> 1;
            case AUTOINDEX -> AUTO_GRAPH_ROWS;
        };
    }

    /** The ef a search uses: the one asked for (or the default), and never fewer than the hits it must return. */
    public static int ef(Integer requested, int hits) {
        return Math.max(requested == null ? DEFAULT_EF : requested, hits);
    }
}
