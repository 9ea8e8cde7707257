package dev.quiver.persistence;

import java.util.List;

/**
 * Everything one write request changes in one collection, committed in one transaction.
 *
 * @param autoIdHighWater the highest auto id the request handed out, or 0 when it handed out none
 */
public record WriteBatch(long collectionId, List<EntityVersion> versions, List<Deletion> deletions,
        long autoIdHighWater) {

    public WriteBatch {
        versions = List.copyOf(versions);
        deletions = List.copyOf(deletions);
    }
}
