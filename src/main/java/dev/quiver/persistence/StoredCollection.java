package dev.quiver.persistence;

/**
 * A collection as the relational store keeps it.
 *
 * @param schemaJson the collection's schema, serialised by its owner
 * @param autoIdHighWater highest auto id handed out for it so far
 * @param lastVersion highest version number written so far
 * @param lastWriteTime time of the latest write, epoch milliseconds
 */
public record StoredCollection(long id, String dbName, String name, String schemaJson, long createdAt,
        long autoIdHighWater, long lastVersion, long lastWriteTime) {

    /** A collection about to be created: no history yet. */
    public StoredCollection(long id, String dbName, String name, String schemaJson, long createdAt) {
        this(id, dbName, name, schemaJson, createdAt, 0, 0, 0);
    }
}
