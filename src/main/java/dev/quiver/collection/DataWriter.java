package dev.quiver.collection;

import dev.quiver.error.QuiverException;
import dev.quiver.expr.CompiledFilter;
import dev.quiver.expr.Filter;
import dev.quiver.persistence.DeletionRecord;
import dev.quiver.persistence.SoftDeleteLog;
import dev.quiver.store.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Insert, upsert and delete. Each request is validated whole before anything changes, and runs
 * under the collection's write lock; soft deletes reach the relational log before memory.
 */
@Service
public class DataWriter {

    private final CollectionRegistry registry;
    private final SoftDeleteLog softDeleteLog;
    private final IdGenerator idGenerator;

    DataWriter(CollectionRegistry registry, SoftDeleteLog softDeleteLog, IdGenerator idGenerator) {
        this.registry = registry;
        this.softDeleteLog = softDeleteLog;
        this.idGenerator = idGenerator;
    }

    public Written insert(String dbName, String collectionName, JsonNode data) {
        Collection collection = collection(dbName, collectionName, "data", data);
        List<DecodedRow> rows = RowDecoder.decode(data, collection.schema());
        return collection.write(() -> {
            Segment segment = collection.segment();
            for (int i = 0; i < rows.size(); i++) {
                Object key = rows.get(i).key();
                if (key != null && segment.liveOrdinal(key) >= 0) {
                    throw QuiverException.badRow(i, "primary key " + key + " already exists; use upsert to replace it");
                }
            }
            return append(collection, rows);
        });
    }

    public Written upsert(String dbName, String collectionName, JsonNode data, RequestContext context) {
        Collection collection = collection(dbName, collectionName, "data", data);
        CollectionSchema schema = collection.schema();
        if (schema.autoId()) {
            throw QuiverException.invalid("cannot upsert an autoID collection: collection '" + schema.name()
                    + "' generates its ids; create it with autoId false to upsert");
        }
        List<DecodedRow> rows = RowDecoder.decode(data, schema);
        return collection.write(() -> {
            Segment segment = collection.segment();
            List<Integer> replaced = new ArrayList<>();
            for (DecodedRow row : rows) {
                int ordinal = segment.liveOrdinal(row.key());
                if (ordinal >= 0) {
                    replaced.add(ordinal);
                }
            }
            softDelete(collection, replaced, context);
            return append(collection, rows);
        });
    }

    public Written delete(String dbName, String collectionName, JsonNode id, String filter, RequestContext context) {
        boolean byFilter = filter != null && !filter.isEmpty();
        Names.requireParameters(collectionName, "id/filter", !byFilter && (id == null || id.isNull()));
        Collection collection = registry.get(registry.database(dbName), collectionName);
        CompiledFilter predicate = byFilter ? Filter.compile(filter, collection.catalog()) : null;
        List<Object> keys = byFilter ? null : keys(id, collection.schema());
        return collection.write(() -> {
            Segment segment = collection.segment();
            List<Integer> doomed = new ArrayList<>();
            if (byFilter) {
                Matches.forEach(segment, predicate, doomed::add);
            } else {
                Set<Integer> seen = new HashSet<>();
                for (Object key : keys) {
                    int ordinal = segment.liveOrdinal(key);
                    if (ordinal >= 0 && seen.add(ordinal)) {
                        doomed.add(ordinal);
                    }
                }
            }
            return softDelete(collection, doomed, context);
        });
    }

    static List<Object> keys(JsonNode id, CollectionSchema schema) {
        try {
            return PrimaryKeys.list(id, schema);
        } catch (PrimaryKeys.InvalidKey e) {
            throw QuiverException.badId(e.getMessage());
        }
    }

    private Collection collection(String dbName, String collectionName, String payloadName, JsonNode payload) {
        Names.requireParameters(collectionName, payloadName, payload == null || payload.isNull());
        return registry.get(registry.database(dbName), collectionName);
    }

    private Written append(Collection collection, List<DecodedRow> rows) {
        Segment segment = collection.segment();
        long now = System.currentTimeMillis();
        List<Object> ids = new ArrayList<>(rows.size());
        for (DecodedRow row : rows) {
            Object key = row.key() != null ? row.key() : (Object) idGenerator.next();
            segment.append(key, row.vector(), row.dynamicFields(), row.scalars(), now);
            ids.add(key);
        }
        return new Written(ids.size(), ids);
    }

    /** Records the rows as deleted in the relational log, then marks them in memory. */
    private Written softDelete(Collection collection, List<Integer> ordinals, RequestContext context) {
        CollectionSchema schema = collection.schema();
        Segment segment = collection.segment();
        Instant now = Instant.now();
        List<DeletionRecord> records = new ArrayList<>(ordinals.size());
        List<Object> keys = new ArrayList<>(ordinals.size());
        for (int ordinal : ordinals) {
            Object key = segment.key(ordinal);
            keys.add(key);
            records.add(new DeletionRecord(schema.dbName(), schema.name(), key.toString(), now,
                    context.requestId(), context.principal()));
        }
        softDeleteLog.record(records);
        for (int ordinal : ordinals) {
            segment.markDeleted(ordinal, now.toEpochMilli());
        }
        return new Written(keys.size(), keys);
    }
}
