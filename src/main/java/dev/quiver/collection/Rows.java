package dev.quiver.collection;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Result rows of get, query or search, with the keys whose values are Int64 columns (rendered as
 * strings when the client asks for {@code Accept-Type-Allow-Int64: false}).
 */
public record Rows(List<Map<String, Object>> rows, Set<String> int64Keys) {
}
