package dev.quiver.durability;

import static dev.quiver.auth.EnvelopeAssert.assertError;
import static dev.quiver.auth.EnvelopeAssert.assertOk;
import static dev.quiver.durability.InProcessServer.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.auth.HttpApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * With a short retention, deleted versions leave the store, the deletion history and time
 * travel's reach once the window passes them; the purge counts them in Prometheus; live rows
 * stay, also after a restart.
 */
class RetentionPurgeTest {

    private static final String[] SHORT = {"--quiver.retention=2s", "--quiver.purge-interval=200ms"};

    @TempDir
    Path data;

    @Test
    void expiredDeletedVersionsArePurgedFromStoreHistoryAndMemory() throws Exception {
        List<String> arguments = StoreUnderTest.H2.freshArguments(data);
        try (InProcessServer server = InProcessServer.start(arguments, SHORT)) {
            HttpApi api = server.api;
            assertOk(api.post("/v1/vector/collections/create", ROOT,
                    "{\"collectionName\":\"brief\",\"dimension\":2,\"autoId\":false}"));
            assertOk(api.post("/v1/vector/insert", ROOT, "{\"collectionName\":\"brief\",\"data\":["
                    + "{\"id\":1,\"vector\":[1,1]},{\"id\":2,\"vector\":[2,2]},{\"id\":3,\"vector\":[3,3]},"
                    + "{\"id\":4,\"vector\":[4,4]}]}"));
            long beforeDeletes = System.currentTimeMillis();
            assertOk(api.post("/v1/vector/delete", ROOT, "{\"collectionName\":\"brief\",\"id\":[1,2]}"));
            assertThat(deletions(api)).hasSize(2);
            assertThat(assertOk(api.post("/v1/vector/restore", ROOT, "{\"collectionName\":\"brief\",\"id\":1}"))
                    .get("restoreCount").intValue()).isOne();
            assertOk(api.post("/v1/vector/delete", ROOT, "{\"collectionName\":\"brief\",\"id\":1}"));

            JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
            long deadline = System.currentTimeMillis() + 15_000;
            while (storedVersions(jdbc) > 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(storedVersions(jdbc)).as("only the live versions of 3 and 4 are left").isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM entity_deletion", Long.class)).isZero();
            assertThat(deletions(api)).isEmpty();
            assertThat(purgedTotal(server.managementPort())).isEqualTo(3);
            assertThat(assertOk(api.post("/v1/vector/restore", ROOT, "{\"collectionName\":\"brief\",\"id\":[1,2]}"))
                    .get("restoreCount").intValue()).as("nothing is left to restore").isZero();
            var tooOld = api.post("/v1/vector/query", ROOT, "{\"collectionName\":\"brief\",\"filter\":\"id > 0\","
                    + "\"travelTimestamp\":" + beforeDeletes + "}");
            assertError(tooOld, 200, 1100);
            assertThat(tooOld.message()).contains("retention window", "PT2S");
        }
        try (InProcessServer server = InProcessServer.start(arguments, SHORT)) {
            HttpApi api = server.api;
            JsonNode live = assertOk(api.post("/v1/vector/query", ROOT,
                    "{\"collectionName\":\"brief\",\"filter\":\"id > 0\"}"));
            assertThat(live).extracting(row -> row.get("id").longValue()).containsExactly(3L, 4L);
            assertThat(deletions(api)).isEmpty();
            assertOk(api.post("/v1/vector/insert", ROOT, "{\"collectionName\":\"brief\",\"data\":"
                    + "[{\"id\":5,\"vector\":[5,5]}]}"));
            assertThat(server.bean(JdbcTemplate.class).queryForObject(
                    "SELECT version FROM entity_version WHERE primary_key = '5'", Long.class))
                    .as("versions continue after the five written before, though the newest were purged")
                    .isEqualTo(6);
        }
    }

    private static long storedVersions(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM entity_version", Long.class);
    }

    private static JsonNode deletions(HttpApi api) {
        return assertOk(api.get("/v1/vector/deletions?collectionName=brief", ROOT)).get("deletions");
    }

    private static double purgedTotal(int managementPort) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher total = Pattern.compile("(?m)^quiver_purged_versions_total(?:\\{[^}]*})? ([0-9.E]+)$").matcher(metrics);
        assertThat(total.find()).as("quiver_purged_versions_total in %s", metrics.length()).isTrue();
        return Double.parseDouble(total.group(1));
    }
}
