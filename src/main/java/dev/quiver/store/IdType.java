package dev.quiver.store;

/** The primary-key types Quiver supports, named as Milvus names them on the wire. */
public enum IdType {
    INT64("Int64"),
    VARCHAR("VarChar");

    private final String wireName;

    IdType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses a wire name case-insensitively; returns null when it names no supported type. */
    public static IdType fromWireName(String name) {
        for (IdType type : values()) {
            if (type.wireName.equalsIgnoreCase(name)) {
                return type;
            }
        }
        return null;
    }
}
