package dev.quiver.api;

/** The Milvus REST v1 routes and header names, in one place. */
public final class ApiPaths {

    public static final String BASE = "/v1/vector";
    public static final String COLLECTIONS = BASE + "/collections";
    public static final String CREATE = COLLECTIONS + "/create";
    public static final String DESCRIBE = COLLECTIONS + "/describe";
    public static final String DROP = COLLECTIONS + "/drop";
    public static final String INSERT = BASE + "/insert";
    public static final String UPSERT = BASE + "/upsert";
    public static final String GET = BASE + "/get";
    public static final String QUERY = BASE + "/query";
    public static final String SEARCH = BASE + "/search";
    public static final String DELETE = BASE + "/delete";
    /** Quiver extensions: bring soft-deleted entities back; list who deleted what. */
    public static final String RESTORE = BASE + "/restore";
    public static final String DELETIONS = BASE + "/deletions";

    /** Routes that change data; read-only users may not call them. */
    public static final String[] WRITES = {CREATE, DROP, INSERT, UPSERT, DELETE, RESTORE};

    /** Milvus 2.3.3+: {@code false} renders Int64 values as JSON strings. */
    public static final String INT64_HEADER = "Accept-Type-Allow-Int64";

    private ApiPaths() {
    }
}
