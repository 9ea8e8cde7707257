package dev.quiver.persistence;

import java.util.List;

/**
 * Everything one write request changes in one collection, committed in one transaction.
 *
 * @param autoIdHighWater the highest auto id the request handed out, or 0 when it handed out none
 * @param lastVersion the highest version number the collection has handed out, this request's included
 * @param writeTime the time of this write, epoch milliseconds
 */
public record WriteBatch(long collectionId, List<EntityVersion> versions, List<Deletion> deletions,
        long autoIdHighWater, long lastVersion, long writeTime) {

    public WriteBatch {
        versions = List.copyOf(versions);
        deletions = List.copyOf(deletions);
    }
}
