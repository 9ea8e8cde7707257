package dev.quiver.collection;

import dev.quiver.collection.Collection.PlannedWrite;
import dev.quiver.error.QuiverException;
import dev.quiver.persistence.Deletion;
import dev.quiver.persistence.EntityStore;
import dev.quiver.persistence.EntityVersion;
import dev.quiver.persistence.WriteBatch;
import dev.quiver.store.Segment;
import dev.quiver.store.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Insert, upsert and delete. Each request goes decode and validate, then (as the collection's
 * one writer) assign keys and versions, reserve memory, commit to the relational store, apply
 * to memory, answer. A request that fails before its commit leaves no trace anywhere.
 */
@Service
public class DataWriter {

    private final CollectionRegistry registry;
    private final EntityStore store;
    private final StoredForm storedForm;
    private final IdGenerator idGenerator;

    DataWriter(CollectionRegistry registry, EntityStore store, StoredForm storedForm, IdGenerator idGenerator) {
        this.registry = registry;
        this.store = store;
        this.storedForm = storedForm;
        this.idGenerator = idGenerator;
    }

    public Written insert(String dbName, String collectionName, JsonNode data) {
        Collection collection = collection(dbName, collectionName, "data", data);
        List<DecodedRow> rows = RowDecoder.decode(data, collection.schema());
        return collection.write(target -> {
            Table table = target.table();
            for (int i = 0; i < rows.size(); i++) {
                Object key = rows.get(i).key();
                if (key != null && table.liveOrdinal(key) >= 0) {
                    throw QuiverException.badRow(i, "primary key " + key + " already exists; use upsert to replace it");
                }
            }
            return plan(target, rows, List.of(), null);
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
        return collection.write(target -> {
            List<Integer> replaced = new ArrayList<>();
            for (DecodedRow row : rows) {
                int ordinal = target.table().liveOrdinal(row.key());
                if (ordinal >= 0) {
                    replaced.add(ordinal);
                }
            }
            return plan(target, rows, replaced, context);
        });
    }

    public Written delete(String dbName, String collectionName, JsonNode id, String filter, RequestContext context) {
        boolean byFilter = filter != null && !filter.isEmpty();
        Names.requireParameters(collectionName, "id/filter", !byFilter && (id == null || id.isNull()));
        Collection collection = registry.get(registry.database(dbName), collectionName);
        SegmentFilter predicate = byFilter ? collection.compile(filter) : null;
        List<Object> keys = byFilter ? null : keys(id, collection.schema());
        return collection.write(target -> {
            Table table = target.table();
            List<Integer> doomed = new ArrayList<>();
            if (byFilter) {
                Matches.forEach(table, predicate, doomed::add);
            } else {
                Set<Integer> seen = new HashSet<>();
                for (Object key : keys) {
                    int ordinal = table.liveOrdinal(key);
                    if (ordinal >= 0 && seen.add(ordinal)) {
                        doomed.add(ordinal);
                    }
                }
            }
            PlannedWrite<Written> write = plan(target, List.of(), doomed, context);
            List<Object> deletedKeys = new ArrayList<>(doomed.size());
            doomed.forEach(ordinal -> deletedKeys.add(table.key(ordinal)));
            return new PlannedWrite<>(0, write.commit(), write.apply(), new Written(deletedKeys.size(), deletedKeys));
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

    /**
     * Plans one write: ends the versions at {@code ended} (table ordinals) and appends
     * {@code rows} as new versions, auto ids and version numbers assigned now; the answer lists
     * the appended keys.
     */
    private PlannedWrite<Written> plan(Collection collection, List<DecodedRow> rows, List<Integer> ended,
            RequestContext context) {
        CollectionSchema schema = collection.schema();
        Table table = collection.table();
        long now = collection.writeTime();
        List<Deletion> deletions = new ArrayList<>(ended.size());
        for (int ordinal : ended) {
            Segment segment = table.segmentOf(ordinal);
            int local = table.local(ordinal);
            deletions.add(new Deletion(segment.version(local), segment.key(local).toString(), now,
                    context.principal(), context.requestId()));
        }
        List<Object> keys = new ArrayList<>(rows.size());
        List<EntityVersion> versions = new ArrayList<>(rows.size());
        long[] assigned = new long[rows.size()];
        long highestAutoId = 0;
        for (int i = 0; i < rows.size(); i++) {
            DecodedRow row = rows.get(i);
            Object key = row.key();
            if (key == null) {
                long id = idGenerator.next();
                highestAutoId = Math.max(highestAutoId, id);
                key = id;
            }
            assigned[i] = collection.nextVersion();
            keys.add(key);
            versions.add(storedForm.version(assigned[i], key, row, now, schema));
        }
        WriteBatch batch = new WriteBatch(collection.id(), versions, deletions, highestAutoId);
        Runnable apply = () -> {
            ended.forEach(table::markDeleted);
            for (int i = 0; i < rows.size(); i++) {
                DecodedRow row = rows.get(i);
                table.append(keys.get(i), row.vector(), row.dynamicFields(), row.scalars(), assigned[i], now);
            }
        };
        return new PlannedWrite<>(rows.size(), () -> store.commit(batch), apply, new Written(keys.size(), keys));
    }
}
