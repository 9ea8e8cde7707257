package dev.quiver.persistence;

/**
 * A soft delete of one exact entity version: when, by whom and in which request.
 *
 * @param deletedAt epoch milliseconds
 */
public record Deletion(long version, String primaryKey, long deletedAt, String deletedBy, String requestId) {
}
