package dev.quiver.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relational store, the source of truth: collections, every entity version and every soft
 * delete. Each method that changes anything runs in one transaction, so a request is on record
 * whole or not at all. Thread-safe; callers order the writes of one collection.
 */
@Repository
public class EntityStore {

    private static final int BATCH = 1000;
    /** At most this many values go into one SQL IN list (PostgreSQL takes 65,535 parameters). */
    private static final int IN_LIST = 1000;
    private static final long EARLIEST = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
    private static final long LATEST = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    private static final int FETCH = 1000;

    private static final String INSERT_VERSION = "INSERT INTO entity_version (collection_id, version, primary_key, "
            + "vector, fields, inserted_at, restored_from, restored_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_DELETION = "INSERT INTO entity_deletion (collection_id, version, primary_key, "
            + "deleted_at, deleted_by, request_id) VALUES (?, ?, ?, ?, ?, ?)";

    private static final String SELECT_DELETED_VERSIONS = "SELECT v.version, v.primary_key, v.vector, v.fields, "
            + "v.inserted_at, v.restored_from, v.restored_by FROM entity_version v JOIN entity_deletion d "
            + "ON d.collection_id = v.collection_id AND d.version = v.version WHERE v.collection_id = ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;

    public EntityStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    public List<StoredCollection> collections() {
        return jdbc.query("SELECT id, db_name, name, schema_json, created_at, auto_id_high_water, last_version, "
                + "last_write_at FROM collection_def ORDER BY id", (rs, row) -> new StoredCollection(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), millis(rs, 5), rs.getLong(6), rs.getLong(7),
                        rs.getLong(8)));
    }

    public void create(StoredCollection collection) {
        transaction.executeWithoutResult(status -> jdbc.update("INSERT INTO collection_def "
                + "(id, db_name, name, schema_json, created_at, auto_id_high_water) VALUES (?, ?, ?, ?, ?, ?)",
                collection.id(), collection.dbName(), collection.name(), collection.schemaJson(),
                timestamp(collection.createdAt()), collection.autoIdHighWater()));
    }

    /** Removes a collection with all its versions and deletions. */
    public void drop(long collectionId) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM entity_deletion WHERE collection_id = ?", collectionId);
            jdbc.update("DELETE FROM entity_version WHERE collection_id = ?", collectionId);
            jdbc.update("DELETE FROM collection_def WHERE id = ?", collectionId);
        });
    }

    /** Commits one write request: its new versions, its deletions and the auto-id mark together. */
    public void commit(WriteBatch batch) {
        transaction.executeWithoutResult(status -> {
            long collectionId = batch.collectionId();
            jdbc.batchUpdate(INSERT_DELETION, batch.deletions(), BATCH, (statement, deletion) -> {
                statement.setLong(1, collectionId);
                statement.setLong(2, deletion.version());
                statement.setString(3, deletion.primaryKey());
                statement.setObject(4, timestamp(deletion.deletedAt()));
                statement.setString(5, deletion.deletedBy());
                statement.setString(6, deletion.requestId());
            });
            jdbc.batchUpdate(INSERT_VERSION, batch.versions(), BATCH, (statement, version) -> {
                statement.setLong(1, collectionId);
                statement.setLong(2, version.version());
                statement.setString(3, version.primaryKey());
                statement.setBytes(4, version.vector());
                statement.setString(5, version.fields());
                statement.setObject(6, timestamp(version.insertedAt()));
                statement.setObject(7, version.restoredFrom());
                statement.setString(8, version.restoredBy());
            });
            jdbc.update("UPDATE collection_def SET auto_id_high_water = GREATEST(auto_id_high_water, ?), "
                    + "last_version = GREATEST(last_version, ?), last_write_at = GREATEST(last_write_at, ?) WHERE id = ?",
                    batch.autoIdHighWater(), batch.lastVersion(), batch.writeTime(), collectionId);
        });
    }

    /** Streams a collection's live versions (those no deletion names) in version order. */
    public void forEachLiveVersion(long collectionId, Consumer<EntityVersion> consumer) {
        readOnly.executeWithoutResult(status -> {
            long[] deleted = jdbc.query("SELECT version FROM entity_deletion WHERE collection_id = ? ORDER BY version",
                    (rs, row) -> rs.getLong(1), collectionId).stream().mapToLong(Long::longValue).toArray();
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement("SELECT version, primary_key, vector, fields, "
                        + "inserted_at, restored_from, restored_by FROM entity_version WHERE collection_id = ? "
                        + "ORDER BY version");
                statement.setFetchSize(FETCH);
                statement.setLong(1, collectionId);
                return statement;
            }, rs -> {
                long version = rs.getLong(1);
                if (Arrays.binarySearch(deleted, version) < 0) {
                    consumer.accept(version(rs));
                }
            });
        });
    }

    /**
     * Streams, in version order, the versions that were live at {@code asOf} and have been
     * deleted since: with the live versions inserted by then, they make up the collection as it
     * was at that moment. With {@code keys}, only the versions of those keys.
     */
    public void forEachVersionDeletedSince(long collectionId, long asOf, List<String> keys,
            Consumer<EntityVersion> consumer) {
        String sql = SELECT_DELETED_VERSIONS + " AND v.inserted_at <= ? AND d.deleted_at > ?";
        if (keys != null) {
            // Only these keys' versions: a lookup by key costs what it asks for, not a scan.
            versionsOf(keys, sql, collectionId, timestamp(asOf), timestamp(asOf)).forEach(consumer);
            return;
        }
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql + " ORDER BY v.version");
            statement.setFetchSize(FETCH);
            statement.setLong(1, collectionId);
            statement.setObject(2, timestamp(asOf));
            statement.setObject(3, timestamp(asOf));
            return statement;
        }, rs -> {
            consumer.accept(version(rs));
        }));
    }

    /**
     * The deleted versions of a collection deleted at or after {@code since}, in version order;
     * only those of the given keys when {@code keys} is not null.
     */
    public List<EntityVersion> deletedVersions(long collectionId, long since, List<String> keys) {
        String sql = SELECT_DELETED_VERSIONS + " AND d.deleted_at >= ?";
        if (keys == null) {
            return jdbc.query(sql + " ORDER BY v.version", (rs, row) -> version(rs), collectionId, timestamp(since));
        }
        return versionsOf(keys, sql, collectionId, timestamp(since));
    }

    /**
     * The versions a deleted-versions query finds among the given keys, in version order; the
     * keys go in IN lists of at most {@value #IN_LIST}, after the query's own arguments.
     */
    private List<EntityVersion> versionsOf(List<String> keys, String sql, Object... arguments) {
        List<EntityVersion> versions = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += IN_LIST) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + IN_LIST));
            List<Object> all = new ArrayList<>(List.of(arguments));
            all.addAll(chunk);
            versions.addAll(jdbc.query(sql + " AND d.primary_key IN (" + "?,".repeat(chunk.size() - 1) + "?)",
                    (rs, row) -> version(rs), all.toArray()));
        }
        versions.sort(Comparator.comparingLong(EntityVersion::version));
        return versions;
    }

    /**
     * One page of a collection's deletion history, oldest first, from {@code since} on and
     * after the (deletedAt, version) position {@code after} when it is not null.
     */
    public List<Deletion> deletions(long collectionId, long since, Deletion after, int limit) {
        String sql = "SELECT version, primary_key, deleted_at, deleted_by, request_id FROM entity_deletion "
                + "WHERE collection_id = ? AND deleted_at >= ?"
                + (after == null ? "" : " AND (deleted_at > ? OR (deleted_at = ? AND version > ?))")
                + " ORDER BY deleted_at, version";
        List<Object> arguments = new ArrayList<>(List.of(collectionId, timestamp(since)));
        if (after != null) {
            arguments.addAll(List.of(timestamp(after.deletedAt()), timestamp(after.deletedAt()), after.version()));
        }
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setMaxRows(limit);
            for (int i = 0; i < arguments.size(); i++) {
                statement.setObject(i + 1, arguments.get(i));
            }
            return statement;
        }, (rs, row) -> new Deletion(rs.getLong(1), rs.getString(2), millis(rs, 3), rs.getString(4),
                rs.getString(5)));
    }

    /**
     * Removes up to {@code limit} of the versions of a collection deleted before {@code cutoff},
     * with their deletion records, in one transaction; returns how many went. Callers repeat it
     * until it returns less than {@code limit}, so no transaction grows large.
     */
    public int purge(long collectionId, long cutoff, int limit) {
        return transaction.execute(status -> {
            List<Long> expired = jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement("SELECT version FROM entity_deletion "
                        + "WHERE collection_id = ? AND deleted_at < ? ORDER BY version");
                statement.setMaxRows(limit);
                statement.setLong(1, collectionId);
                statement.setObject(2, timestamp(cutoff));
                return statement;
            }, (rs, row) -> rs.getLong(1));
            for (int from = 0; from < expired.size(); from += IN_LIST) {
                List<Long> chunk = expired.subList(from, Math.min(expired.size(), from + IN_LIST));
                String in = " WHERE collection_id = ? AND version IN (" + "?,".repeat(chunk.size() - 1) + "?)";
                List<Object> arguments = new ArrayList<>(List.of(collectionId));
                arguments.addAll(chunk);
                jdbc.update("DELETE FROM entity_version" + in, arguments.toArray());
                jdbc.update("DELETE FROM entity_deletion" + in, arguments.toArray());
            }
            return expired.size();
        });
    }

    private static EntityVersion version(ResultSet rs) throws SQLException {
        long restoredFrom = rs.getLong(6);
        Long restored = rs.wasNull() ? null : restoredFrom;
        return new EntityVersion(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getString(4), millis(rs, 5),
                restored, rs.getString(7));
    }

    /**
     * A moment as a SQL timestamp, clamped to years 1..9999, which both stores can hold (a
     * far-off bound in a query then means what it says instead of failing).
     */
    static OffsetDateTime timestamp(long epochMillis) {
        long clamped = Math.max(EARLIEST, Math.min(LATEST, epochMillis));
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(clamped), ZoneOffset.UTC);
    }

    /** A timestamp column as epoch milliseconds; 0 for SQL null. */
    static long millis(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? 0 : time.toInstant().toEpochMilli();
    }
}
