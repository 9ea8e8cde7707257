package dev.quiver.collection;

import dev.quiver.error.QuiverException;
import dev.quiver.persistence.Deletion;
import dev.quiver.persistence.EntityStore;
import dev.quiver.store.IdType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Who deleted what, and when (an extension): a collection's deletions inside the retention
 * window, oldest first, in pages. A page that may have a successor carries a cursor to it.
 */
@Service
public class DeletionHistory {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 16384;

    private final CollectionRegistry registry;
    private final EntityStore store;
    private final History history;

    DeletionHistory(CollectionRegistry registry, EntityStore store, History history) {
        this.registry = registry;
        this.store = store;
        this.history = history;
    }

    /** One page of deletions; {@code since}, {@code limit} and {@code cursor} may be null. */
    public Page list(String dbName, String collectionName, JsonNode since, Integer limit, String cursor) {
        if (Names.isBlank(collectionName)) {
            throw QuiverException.missing("collectionName");
        }
        Collection collection = registry.get(registry.database(dbName), collectionName);
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw QuiverException.invalid("limit " + pageSize + " is out of range [1, " + MAX_LIMIT + "]");
        }
        Long from = TimeArgument.millis(since, "since");
        long start = Math.max(history.windowStart(), from == null ? 0 : from);
        List<Deletion> page = store.deletions(collection.id(), start, Cursor.parse(cursor), pageSize);
        boolean int64 = collection.schema().idType() == IdType.INT64;
        List<Map<String, Object>> rows = new ArrayList<>(page.size());
        for (Deletion deletion : page) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", int64 ? (Object) Long.parseLong(deletion.primaryKey()) : deletion.primaryKey());
            row.put("deletedAt", Instant.ofEpochMilli(deletion.deletedAt()).toString());
            row.put("deletedBy", deletion.deletedBy());
            row.put("requestId", deletion.requestId());
            rows.add(row);
        }
        String next = page.size() == pageSize ? Cursor.of(page.get(page.size() - 1)) : null;
        return new Page(new Rows(rows, int64 ? Set.of("id") : Set.of()), next);
    }

    /** A page of deletions and the cursor of the next one (null when this is the last). */
    public record Page(Rows deletions, String nextCursor) {
    }

    /** Where a page ended: the last entry's deletion time and version, as {@code "<millis>-<version>"}. */
    private static final class Cursor {

        static String of(Deletion last) {
            return last.deletedAt() + "-" + last.version();
        }

        static Deletion parse(String cursor) {
            if (cursor == null || cursor.isEmpty()) {
                return null;
            }
            int dash = cursor.indexOf('-');
            try {
                return new Deletion(Long.parseLong(cursor.substring(dash + 1)), null,
                        Long.parseLong(cursor.substring(0, dash)), null, null);
            } catch (RuntimeException e) {
                throw QuiverException.invalid("cursor '" + (cursor.length() <= 64 ? cursor : cursor.substring(0, 64))
                        + "' is not one this service handed out");
            }
        }
    }
}
