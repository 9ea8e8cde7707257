package dev.quiver.persistence;

import java.time.Instant;

/** Who deleted which entity, when, and in which request. */
public record DeletionRecord(String dbName, String collectionName, String primaryKey, Instant deletedAt,
        String requestId, String deletedBy) {
}
