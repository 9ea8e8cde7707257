package dev.quiver.persistence;

/**
 * One version of an entity as stored: an insert, an upsert or a restore writes one.
 *
 * @param version its number, unique in the collection and growing in commit order
 * @param primaryKey the key as text (decimal for Int64 keys)
 * @param vector float32 components, little-endian (see {@link VectorBytes})
 * @param fields typed scalar and dynamic fields as one JSON object, or null when there are none
 * @param insertedAt epoch milliseconds
 * @param restoredFrom the deleted version this one restores, or null
 * @param restoredBy who restored it, or null
 */
public record EntityVersion(long version, String primaryKey, byte[] vector, String fields, long insertedAt,
        Long restoredFrom, String restoredBy) {

    /** A version written by an insert or an upsert. */
    public EntityVersion(long version, String primaryKey, byte[] vector, String fields, long insertedAt) {
        this(version, primaryKey, vector, fields, insertedAt, null, null);
    }

    /** This version, marked as restoring the deleted version {@code from} on behalf of {@code by}. */
    public EntityVersion restoring(long from, String by) {
        return new EntityVersion(version, primaryKey, vector, fields, insertedAt, from, by);
    }
}
