package dev.quiver.persistence;

/**
 * A collection as the relational store keeps it.
 *
 * @param schemaJson the collection's schema, serialised by its owner
 * @param autoIdHighWater highest auto id handed out for it so far
 */
public record StoredCollection(long id, String dbName, String name, String schemaJson, long createdAt,
        long autoIdHighWater) {
}
