package dev.quiver.collection;

import java.util.List;

/**
 * What a restore did: the keys brought back, and those left alone because they are live again.
 */
public record Restored(int count, List<Object> ids, List<Object> conflictIds) {
}
