package dev.quiver.index;

/** One search result: the row ordinal and its score under the collection's metric. */
public record Hit(int ordinal, float score) {
}
