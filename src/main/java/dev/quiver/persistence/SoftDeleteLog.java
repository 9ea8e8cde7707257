package dev.quiver.persistence;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relational record of soft deletes. A request's rows go in one batch in one transaction, so
 * a delete is either fully on record or not at all.
 */
@Repository
public class SoftDeleteLog {

    private static final String INSERT = "INSERT INTO soft_delete "
            + "(db_name, collection_name, primary_key, deleted_at, request_id, deleted_by) VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbcClient;

    public SoftDeleteLog(JdbcTemplate jdbcTemplate, JdbcClient jdbcClient) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbcClient = jdbcClient;
    }

    @Transactional
    public void record(List<DeletionRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate(INSERT, records, 1000, (statement, record) -> {
            statement.setString(1, record.dbName());
            statement.setString(2, record.collectionName());
            statement.setString(3, record.primaryKey());
            statement.setTimestamp(4, Timestamp.from(record.deletedAt()));
            statement.setString(5, record.requestId());
            statement.setString(6, record.deletedBy());
        });
    }

    /** Removes every record of a collection; called when the collection is dropped. */
    @Transactional
    public int forget(String dbName, String collectionName) {
        return jdbcClient.sql("DELETE FROM soft_delete WHERE db_name = ? AND collection_name = ?")
                .params(dbName, collectionName)
                .update();
    }
}
