package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes and upserts leave one {@code soft_delete} row per removed entity, saying which request
 * removed it and who sent it; dropping a collection removes the collection and those rows.
 */
class DropAndSoftDeleteRecordTest extends ApiTestSupport {

    @Autowired
    JdbcClient jdbc;

    private record Deletion(String primaryKey, String requestId, String deletedBy) {
    }

    private List<Deletion> deletions(String collection) {
        return jdbc.sql("SELECT primary_key, request_id, deleted_by FROM soft_delete "
                        + "WHERE db_name = 'default' AND collection_name = ? ORDER BY id")
                .param(collection)
                .query((rs, n) -> new Deletion(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
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

        assertOk(post(ApiPaths.DROP, "{\"collectionName\":\"softdel_drop\"}"));

        assertThat(deletions("softdel_drop")).isEmpty();
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
