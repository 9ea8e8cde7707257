package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Upsert replaces rows by primary key (only where the client owns the ids), insert never does,
 * and delete — by id or by filter — reports what it removed; removed rows are gone from get,
 * query and search at once.
 */
class UpsertAndDeleteTest extends ApiTestSupport {

    private void createFourRows(String collection) {
        createClientIdCollection(collection, 2);
        insert(collection, """
                [{"id":1,"vector":[1,0],"tag":"keep"},{"id":2,"vector":[2,0],"tag":"drop"},
                 {"id":3,"vector":[3,0],"tag":"drop"},{"id":4,"vector":[4,0],"tag":"keep"}]""");
    }

    private JsonNode getRows(String collection, String ids) {
        return assertOk(post(ApiPaths.GET, """
                {"collectionName":"%s","id":%s}""".formatted(collection, ids)));
    }

    @Test
    void upsertOnAutoIdCollectionReturnsInvalidParameterAndStoresNothing() {
        createAutoIdCollection("upsert_auto", 2);

        assertError(post(ApiPaths.UPSERT, """
                {"collectionName":"upsert_auto","data":[{"vector":[1,0]}]}"""), 1100, "cannot upsert an autoID collection");
        assertThat(allIds("upsert_auto")).isEmpty();
    }

    @Test
    void upsertReplacesTheRowWithTheSameIdAndKeepsOneVersion() {
        createFourRows("upsert_replace");

        JsonNode data = assertOk(post(ApiPaths.UPSERT, """
                {"collectionName":"upsert_replace","data":[{"id":2,"vector":[0,9],"tag":"new"}]}"""));

        assertThat(data.get("upsertCount").asInt()).isEqualTo(1);
        JsonNode row = getRows("upsert_replace", "2").get(0);
        assertThat(row.get("vector").toString()).isEqualTo("[0.0,9.0]");
        assertThat(row.get("tag").asString()).isEqualTo("new");
        assertThat(allIds("upsert_replace")).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(assertOk(post(ApiPaths.QUERY, """
                {"collectionName":"upsert_replace","filter":"tag == \\"drop\\""}"""))).hasSize(1);
    }

    @Test
    void upsertedRowIsFoundByItsNewVectorAndNotByItsOldOne() {
        createFourRows("upsert_search");
        assertOk(post(ApiPaths.UPSERT, """
                {"collectionName":"upsert_search","data":[{"id":2,"vector":[0,9]}]}"""));

        JsonNode nearOld = assertOk(post(ApiPaths.SEARCH, """
                {"collectionName":"upsert_search","vector":[2,0],"limit":4}"""));
        JsonNode nearNew = assertOk(post(ApiPaths.SEARCH, """
                {"collectionName":"upsert_search","vector":[0,9],"limit":1}"""));

        assertThat(nearOld).hasSize(4);
        assertThat(nearOld.get(0).get("id").asLong()).isNotEqualTo(2L);
        assertThat(nearOld.get(3).get("id").asLong()).isEqualTo(2L);
        assertThat(nearNew.get(0).get("id").asLong()).isEqualTo(2L);
        assertThat(nearNew.get(0).get("distance").asDouble()).isZero();
    }

    @Test
    void upsertOfUnknownIdInsertsIt() {
        createFourRows("upsert_new");

        assertOk(post(ApiPaths.UPSERT, """
                {"collectionName":"upsert_new","data":[{"id":5,"vector":[5,0]}]}"""));

        assertThat(allIds("upsert_new")).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void insertOfAnExistingIdReturnsBadInsertDataAndInsertsNoRowOfTheBatch() {
        createFourRows("insert_existing");

        assertError(post(ApiPaths.INSERT, """
                {"collectionName":"insert_existing","data":[{"id":9,"vector":[9,0]},{"id":3,"vector":[0,3]}]}"""),
                1804, "row 1: primary key 3 already exists");

        assertThat(allIds("insert_existing")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(getRows("insert_existing", "3").get(0).get("vector").toString()).isEqualTo("[3.0,0.0]");
    }

    @Test
    void deleteByIdArrayReportsRemovedIdsAndRowsVanishEverywhere() {
        createFourRows("delete_ids");

        JsonNode data = assertOk(post(ApiPaths.DELETE, """
                {"collectionName":"delete_ids","id":[2,3,42]}"""));

        assertThat(data.get("deleteCount").asInt()).isEqualTo(2);
        assertThat(data.get("deleteIds").toString()).isEqualTo("[2,3]");
        assertThat(getRows("delete_ids", "[1,2,3,4]")).extracting(row -> row.get("id").asLong()).containsExactly(1L, 4L);
        assertThat(allIds("delete_ids")).containsExactly(1L, 4L);
        assertThat(searchIds("delete_ids", "[2,0]")).containsExactly(1L, 4L);
    }

    @Test
    void deleteByScalarIdAndNumericStringRemovesThatRow() {
        createFourRows("delete_scalar");

        assertThat(assertOk(post(ApiPaths.DELETE, """
                {"collectionName":"delete_scalar","id":"4"}""")).get("deleteIds").toString()).isEqualTo("[4]");
        assertThat(assertOk(post(ApiPaths.DELETE, """
                {"collectionName":"delete_scalar","id":1}""")).get("deleteIds").toString()).isEqualTo("[1]");

        assertThat(allIds("delete_scalar")).containsExactly(2L, 3L);
    }

    @Test
    void deleteByFilterReportsRemovedIdsAndRowsVanishEverywhere() {
        createFourRows("delete_filter");

        JsonNode data = assertOk(post(ApiPaths.DELETE, """
                {"collectionName":"delete_filter","filter":"tag == \\"drop\\""}"""));

        assertThat(data.get("deleteCount").asInt()).isEqualTo(2);
        assertThat(data.get("deleteIds").toString()).isEqualTo("[2,3]");
        assertThat(getRows("delete_filter", "[2,3]")).isEmpty();
        assertThat(allIds("delete_filter")).containsExactly(1L, 4L);
        assertThat(searchIds("delete_filter", "[2.5,0]")).containsExactly(1L, 4L);
    }

    @Test
    void deleteWithBothFilterAndIdFollowsTheFilter() {
        createFourRows("delete_both");

        JsonNode data = assertOk(post(ApiPaths.DELETE, """
                {"collectionName":"delete_both","filter":"id == 1","id":[4]}"""));

        assertThat(data.get("deleteIds").toString()).isEqualTo("[1]");
        assertThat(allIds("delete_both")).containsExactly(2L, 3L, 4L);
    }

    @Test
    void deleteOfUnknownOrAlreadyDeletedIdsSucceedsWithCountZero() {
        createFourRows("delete_none");
        assertOk(post(ApiPaths.DELETE, """
                {"collectionName":"delete_none","id":[1]}"""));

        JsonNode data = assertOk(post(ApiPaths.DELETE, """
                {"collectionName":"delete_none","id":[1,77]}"""));

        assertThat(data.get("deleteCount").asInt()).isZero();
        assertThat(data.get("deleteIds")).isEmpty();
    }

    @Test
    void deletedIdCanBeInsertedAgain() {
        createFourRows("delete_reinsert");
        assertOk(post(ApiPaths.DELETE, """
                {"collectionName":"delete_reinsert","id":2}"""));

        insert("delete_reinsert", "[{\"id\":2,\"vector\":[0,7]}]");

        assertThat(getRows("delete_reinsert", "2").get(0).get("vector").toString()).isEqualTo("[0.0,7.0]");
    }
}
