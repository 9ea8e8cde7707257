package dev.quiver.api;

import dev.quiver.collection.Rows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Milvus's {@code Accept-Type-Allow-Int64} header: {@code false} asks for Int64 values as JSON
 * strings, so JavaScript clients keep every digit. Parsed like Go's {@code strconv.ParseBool};
 * absent or unparseable means the configured default.
 */
final class Int64Rendering {

    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    private Int64Rendering() {
    }

    static boolean asNumbers(String header, boolean defaultAsNumbers) {
        if (header != null && TRUE.contains(header)) {
            return true;
        }
        if (header != null && FALSE.contains(header)) {
            return false;
        }
        return defaultAsNumbers;
    }

    static List<Map<String, Object>> rows(Rows rows, boolean asNumbers) {
        if (asNumbers || rows.int64Keys().isEmpty()) {
            return rows.rows();
        }
        List<Map<String, Object>> rendered = new ArrayList<>(rows.rows().size());
        for (Map<String, Object> row : rows.rows()) {
            Map<String, Object> copy = new LinkedHashMap<>(row);
            for (String key : rows.int64Keys()) {
                copy.computeIfPresent(key, (k, value) -> value instanceof Long ? value.toString() : value);
            }
            rendered.add(copy);
        }
        return rendered;
    }

    static List<Object> ids(List<Object> ids, boolean asNumbers) {
        if (asNumbers) {
            return ids;
        }
        return ids.stream().map(id -> id instanceof Long ? (Object) id.toString() : id).toList();
    }
}
