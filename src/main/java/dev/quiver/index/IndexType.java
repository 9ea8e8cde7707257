package dev.quiver.index;

/** How a collection's vectors are indexed, by Milvus's index type names. */
public enum IndexType {
    /** No graph: every search scores every accepted row exactly. */
    FLAT,
    /** A graph per segment from its first row on. */
    HNSW,
    /** The default: a segment is scanned exactly until it holds {@link IndexSpec#AUTO_GRAPH_ROWS} rows, then gets a graph. */
    AUTOINDEX;

    /** Parses an index type name case-insensitively; returns null when it names none. */
    public static IndexType fromName(String name) {
        for (IndexType type : values()) {
            if (type.name().equalsIgnoreCase(name)) {
                return type;
            }
        }
        return null;
    }
}
