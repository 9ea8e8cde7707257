package dev.quiver.store;

/**
 * The types of typed scalar fields, named as Milvus names them on the wire. Integer types carry
 * their range so the insert path and the store agree on it.
 */
public enum ScalarType {
    BOOL("Bool"),
    INT8("Int8", Byte.MIN_VALUE, Byte.MAX_VALUE),
    INT16("Int16", Short.MIN_VALUE, Short.MAX_VALUE),
    INT32("Int32", Integer.MIN_VALUE, Integer.MAX_VALUE),
    INT64("Int64", Long.MIN_VALUE, Long.MAX_VALUE),
    FLOAT("Float"),
    DOUBLE("Double"),
    VARCHAR("VarChar"),
    JSON("JSON"),
    ARRAY("Array");

    private final String wireName;
    private final long min;
    private final long max;

    ScalarType(String wireName) {
        this(wireName, 0, 0);
    }

    ScalarType(String wireName, long min, long max) {
        this.wireName = wireName;
        this.min = min;
        this.max = max;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isInteger() {
        return this == INT8 || this == INT16 || this == INT32 || this == INT64;
    }

    /** Whether an Array field may hold elements of this type (Milvus allows no JSON or nested arrays). */
    public boolean isElementType() {
        return this != JSON && this != ARRAY;
    }

    /** Smallest value of an integer type. */
    public long min() {
        return min;
    }

    /** Largest value of an integer type. */
    public long max() {
        return max;
    }

    /** Parses a wire name case-insensitively; returns null when it names no scalar type. */
    public static ScalarType fromWireName(String name) {
        for (ScalarType type : values()) {
            if (type.wireName.equalsIgnoreCase(name)) {
                return type;
            }
        }
        return null;
    }
}
