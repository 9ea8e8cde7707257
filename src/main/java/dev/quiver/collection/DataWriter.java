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
import tools.jackson.databind.json.JsonMapper;

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
    private final History history;
    private final JsonMapper jsonMapper;

    DataWriter(CollectionRegistry registry, EntityStore store, StoredForm storedForm, IdGenerator idGenerator,
            History history, JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
        this.registry = registry;
        this.store = store;
        this.storedForm = storedForm;
        this.idGenerator = idGenerator;
        this.history = history;
    }

    public Written insert(String dbName, String collectionName, RowsJson data) {
        Collection collection = collection(dbName, collectionName, data);
        List<DecodedRow> rows = RowDecoder.decode(data, collection.schema(), jsonMapper);
        return collection.write(target -> {
            Table table = target.table();
            for (int i = 0; i < rows.size(); i++) {
                Object key = rows.get(i).key();
                if (key != null && table.liveOrdinal(key) >= 0) {
                    throw QuiverException.badRow(i, "primary key " + key + " already exists; use upsert to replace it");
                }
            }
            return plan(target, rows, List.of(), null, null);
        });
    }

    public Written upsert(String dbName, String collectionName, RowsJson data, RequestContext context) {
        Collection collection = collection(dbName, collectionName, data);
        CollectionSchema schema = collection.schema();
        if (schema.autoId()) {
            throw QuiverException.invalid("cannot upsert an autoID collection: collection '" + schema.name()
                    + "' generates its ids; create it with autoId false to upsert");
        }
        List<DecodedRow> rows = RowDecoder.decode(data, schema, jsonMapper);
        return collection.write(target -> {
            List<Integer> replaced = new ArrayList<>();
            for (DecodedRow row : rows) {
                int ordinal = target.table().liveOrdinal(row.key());
                if (ordinal >= 0) {
                    replaced.add(ordinal);
                }
            }
            return plan(target, rows, replaced, context, null);
        });
    }

    public Written delete(String dbName, String collectionName, JsonNode id, String filter, RequestContext context) {
        Selection selection = select(dbName, collectionName, id, filter);
        return selection.collection().write(target -> {
            Table table = target.table();
            List<Integer> doomed = new ArrayList<>();
            if (selection.keys() == null) {
                Matches.forEach(Snapshot.present(table), selection.filter(), doomed::add);
            } else {
                Set<Integer> seen = new HashSet<>();
                for (Object key : selection.keys()) {
                    int ordinal = table.liveOrdinal(key);
                    if (ordinal >= 0 && seen.add(ordinal)) {
                        doomed.add(ordinal);
                    }
                }
            }
            PlannedWrite<Written> write = plan(target, List.of(), doomed, context, null);
            List<Object> deletedKeys = new ArrayList<>(doomed.size());
            doomed.forEach(ordinal -> deletedKeys.add(table.key(ordinal)));
            return new PlannedWrite<>(0, write.commit(), write.apply(), write.deleted(),
                    new Written(deletedKeys.size(), deletedKeys));
        });
    }

    /**
     * Brings soft-deleted entities back (an extension): the latest deleted version of each key
     * named by {@code id}, or matched by {@code filter} among the deleted versions, deleted
     * inside the retention window, becomes a new live version recorded as restored by the
     * caller. A key that is live again since is reported as a conflict and left as it is.
     */
    public Restored restore(String dbName, String collectionName, JsonNode id, String filter, RequestContext context) {
        Selection selection = select(dbName, collectionName, id, filter);
        return selection.collection().write(target -> {
            // A filter that pins the primary key needs only those keys' deleted versions.
            List<Object> keys = selection.keys() != null ? selection.keys() : selection.filter().candidateKeys();
            History.Deleted deleted = history.deletedVersions(target, keys);
            List<DecodedRow> rows = new ArrayList<>();
            List<Long> origins = new ArrayList<>();
            List<Object> conflicts = new ArrayList<>();
            Snapshot candidates = Snapshot.present(deleted.rows());
            Matches.forEach(candidates, selection.filter(), ordinal -> {
                Object key = candidates.key(ordinal);
                if (target.table().liveOrdinal(key) >= 0) {
                    conflicts.add(key);
                } else {
                    long version = candidates.version(ordinal);
                    rows.add(storedForm.row(deleted.byVersion().get(version), target.schema()));
                    origins.add(version);
                }
                return true;
            });
            PlannedWrite<Written> write = plan(target, rows, List.of(), context, origins);
            return new PlannedWrite<>(write.appendCount(), write.commit(), write.apply(), write.deleted(),
                    new Restored(write.result().count(), write.result().ids(), conflicts));
        });
    }

    /**
     * What a delete or restore names: rows matching {@code filter} (which wins when given), or
     * the keys in {@code id}; checked before anything is read.
     */
    private Selection select(String dbName, String collectionName, JsonNode id, String filter) {
        boolean byFilter = filter != null && !filter.isEmpty();
        Names.requireParameters(collectionName, "id/filter", !byFilter && (id == null || id.isNull()));
        Collection collection = registry.get(registry.database(dbName), collectionName);
        return byFilter ? new Selection(collection, collection.compile(filter), null)
                : new Selection(collection, null, keys(id, collection.schema()));
    }

    /** A collection and either a filter or a list of keys. */
    private record Selection(Collection collection, SegmentFilter filter, List<Object> keys) {
    }

    static List<Object> keys(JsonNode id, CollectionSchema schema) {
        try {
            return PrimaryKeys.list(id, schema);
        } catch (PrimaryKeys.InvalidKey e) {
            throw QuiverException.badId(e.getMessage());
        }
    }

    private Collection collection(String dbName, String collectionName, RowsJson data) {
        Names.requireParameters(collectionName, "data", data == null || data.isNull());
        return registry.get(registry.database(dbName), collectionName);
    }

    /**
     * Plans one write: ends the versions at {@code ended} (table ordinals) and appends
     * {@code rows} as new versions, auto ids and version numbers assigned now; the answer lists
     * the appended keys. {@code restoredFrom}, when not null, names for each row the deleted
     * version it restores.
     */
    private PlannedWrite<Written> plan(Collection collection, List<DecodedRow> rows, List<Integer> ended,
            RequestContext context, List<Long> restoredFrom) {
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
            EntityVersion version = storedForm.version(assigned[i], key, row, now, schema);
            versions.add(restoredFrom == null ? version : version.restoring(restoredFrom.get(i), context.principal()));
        }
        WriteBatch batch = new WriteBatch(collection.id(), versions, deletions, highestAutoId,
                collection.lastVersion(), now);
        Runnable apply = () -> {
            ended.forEach(table::markDeletedKeepingKey);
            for (int i = 0; i < rows.size(); i++) {
                DecodedRow row = rows.get(i);
                table.append(keys.get(i), row.vector(), row.dynamicFields(), row.scalars(), assigned[i], now);
            }
        };
        return new PlannedWrite<>(rows.size(), () -> store.commit(batch), apply, ended, new Written(keys.size(), keys));
    }
}
