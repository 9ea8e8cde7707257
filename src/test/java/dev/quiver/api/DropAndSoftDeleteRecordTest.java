package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes and upserts leave one {@code entity_deletion} row per removed entity, naming the exact
 * version it ended, which request removed it and who sent it; dropping a collection removes the
 * collection with all its versions and deletions.
 */
class DropAndSoftDeleteRecordTest extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    private record Deletion(String primaryKey, String requestId, String deletedBy) {
    }

    private List<Deletion> deletions(String collection) {
        return jdbc.sql("SELECT d.primary_key, d.request_id, d.deleted_by FROM entity_deletion d "
                        + "JOIN collection_def c ON c.id = d.collection_id "
                        + "WHERE c.db_name = 'default' AND c.name = ? ORDER BY d.version")
                .param(collection)
                .query((rs, n) -> new Deletion(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    private long collectionId(String collection) {
        return jdbc.sql("SELECT id FROM collection_def WHERE db_name = 'default' AND name = ?").param(collection)
                .query(Long.class).single();
    }

    private long storedRows(String table, long collectionId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE collection_id = ?").param(collectionId)
                .query(Long.class).single();
    }

    private void createThreeRows(String collection) {
        createClientIdCollection(collection, 2);
        insert(collection, "[{\"id\":1,\"vector\":[1,0]},{\"id\":2,\"vector\":[0,1]},{\"id\":3,\"vector\":[1,1]}]");
    }

    @Test
    void deleteRecordsEachRemovedRowWithRequestIdAndRoot() {
        createThreeRows("softdel_record");

        exchange(mvc.post().uri(ApiPaths.DELETE).contentType(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", "req-42")
                .content("{\"collectionName\":\"softdel_record\",\"id\":[1,3]}"));

        assertThat(deletions("softdel_record")).containsExactly(
                new Deletion("1", "req-42", "root"), new Deletion("3", "req-42", "root"));
    }

    @Test
    void deleteWithoutRequestIdHeaderRecordsAGeneratedOneSharedByTheRequestsRows() {
        createThreeRows("softdel_generated");

        assertOk(post(ApiPaths.DELETE, "{\"collectionName\":\"softdel_generated\",\"filter\":\"id <= 2\"}"));

        List<Deletion> deletions = deletions("softdel_generated");
        assertThat(deletions).extracting(Deletion::primaryKey).containsExactly("1", "2");
        assertThat(deletions).extracting(Deletion::deletedBy).containsOnly("root");
        assertThat(deletions.get(0).requestId()).isNotBlank().isEqualTo(deletions.get(1).requestId());
    }

    @Test
    void deleteWithUnusableRequestIdHeaderRecordsAGeneratedOne() {
        createThreeRows("softdel_bad_header");

        exchange(mvc.post().uri(ApiPaths.DELETE).contentType(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", "has spaces; and ' quotes")
                .content("{\"collectionName\":\"softdel_bad_header\",\"id\":2}"));

        assertThat(deletions("softdel_bad_header")).singleElement()
                .satisfies(d -> assertThat(d.requestId()).matches("[A-Za-z0-9._:-]{1,64}"));
    }

    @Test
    void upsertRecordsTheReplacedVersionAsDeleted() {
        createThreeRows("softdel_upsert");

        assertOk(post(ApiPaths.UPSERT, "{\"collectionName\":\"softdel_upsert\",\"data\":[{\"id\":2,\"vector\":[5,5]}]}"));

        assertThat(deletions("softdel_upsert")).extracting(Deletion::primaryKey, Deletion::deletedBy)
                .containsExactly(tuple("2", "root"));
        long id = collectionId("softdel_upsert");
        assertThat(jdbc.sql("SELECT d.version FROM entity_deletion d WHERE d.collection_id = ?").param(id)
                .query(Long.class).single()).as("the deletion names the version the first insert wrote for id 2")
                .isEqualTo(jdbc.sql("SELECT MIN(version) FROM entity_version WHERE collection_id = ? AND primary_key = '2'")
                        .param(id).query(Long.class).single());
        assertThat(storedRows("entity_version", id)).as("three inserted versions and the upserted one").isEqualTo(4);
    }

    @Test
    void rejectedDeleteRecordsNothing() {
        createThreeRows("softdel_rejected");

        assertError(post(ApiPaths.DELETE, "{\"collectionName\":\"softdel_rejected\",\"id\":[1,\"x\"]}"), 1806);

        assertThat(deletions("softdel_rejected")).isEmpty();
    }

    @Test
    void dropRemovesTheCollectionAndItsSoftDeleteRows() {
        createThreeRows("softdel_drop");
        assertOk(post(ApiPaths.DELETE, "{\"collectionName\":\"softdel_drop\",\"id\":[1,2]}"));
        assertThat(deletions("softdel_drop")).hasSize(2);
        long id = collectionId("softdel_drop");

        assertOk(post(ApiPaths.DROP, "{\"collectionName\":\"softdel_drop\"}"));

        assertThat(storedRows("entity_deletion", id)).isZero();
        assertThat(storedRows("entity_version", id)).isZero();
        assertError(get(ApiPaths.DESCRIBE + "?collectionName=softdel_drop"), 100, "collection: softdel_drop");
        assertThat(assertOk(get(ApiPaths.COLLECTIONS))).extracting(name -> name.asString()).doesNotContain("softdel_drop");
        assertError(post(ApiPaths.QUERY, "{\"collectionName\":\"softdel_drop\",\"filter\":\"id > 0\"}"), 100);
        assertError(post(ApiPaths.DROP, "{\"collectionName\":\"softdel_drop\"}"), 100);
    }

    @Test
    void dropLeavesOtherCollectionsSoftDeleteRowsAlone() {
        createThreeRows("softdel_kept");
        createThreeRows("softdel_dropped");
        assertOk(post(ApiPaths.DELETE, "{\"collectionName\":\"softdel_kept\",\"id\":1}"));
        assertOk(post(ApiPaths.DELETE, "{\"collectionName\":\"softdel_dropped\",\"id\":1}"));

        assertOk(post(ApiPaths.DROP, "{\"collectionName\":\"softdel_dropped\"}"));

        assertThat(deletions("softdel_kept")).hasSize(1);
        assertThat(deletions("softdel_dropped")).isEmpty();
    }

    @Test
    void collectionRecreatedAfterDropStartsEmpty() {
        createThreeRows("softdel_recreate");
        assertOk(post(ApiPaths.DROP, "{\"collectionName\":\"softdel_recreate\"}"));

        createClientIdCollection("softdel_recreate", 3);

        assertThat(allIds("softdel_recreate")).isEmpty();
        insert("softdel_recreate", "[{\"id\":1,\"vector\":[1,0,0]}]");
        assertThat(allIds("softdel_recreate")).containsExactly(1L);
    }
}
