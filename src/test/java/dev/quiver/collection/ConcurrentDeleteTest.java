package dev.quiver.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delete by filter while other threads insert into the same collection: every delete sees a
 * consistent collection, so no row is deleted twice, none is lost, and the relational record
 * matches what the deletes answered.
 */
@SpringBootTest
class ConcurrentDeleteTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RequestContext CONTEXT = new RequestContext("concurrent-test", "root");

    @Autowired
    CollectionService collections;
    @Autowired
    DataWriter writer;
    @Autowired
    DataReader reader;
    @Autowired
    JdbcClient jdbc;

    @Test
    void deletesByFilterRacingInsertsLoseNothingAndDeleteNothingTwice() throws Exception {
        collections.create(new NewCollection(null, "racing", 2, null, null, null, null, null, false, null, null, null));
        AtomicInteger nextId = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> inserts = new ArrayList<>();
        for (int thread = 0; thread < 3; thread++) {
            inserts.add(pool.submit(() -> {
                for (int batch = 0; batch < 40; batch++) {
                    StringBuilder rows = new StringBuilder("[");
                    for (int i = 0; i < 10; i++) {
                        int id = nextId.getAndIncrement();
                        rows.append(i == 0 ? "" : ",").append("{\"id\":").append(id)
                                .append(",\"vector\":[1,2],\"doomed\":").append(id % 3 == 0).append('}');
                    }
                    writer.insert(null, "racing", RowsJson.of(JSON.readTree(rows.append(']').toString())));
                }
            }));
        }
        Future<List<Written>> deletes = pool.submit(() -> {
            List<Written> answers = new ArrayList<>();
            for (int round = 0; round < 30; round++) {
                answers.add(writer.delete(null, "racing", null, "doomed == true", CONTEXT));
            }
            return answers;
        });
        for (Future<?> insert : inserts) {
            insert.get(60, TimeUnit.SECONDS);
        }
        List<Written> answers = deletes.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        Set<Object> deleted = new HashSet<>();
        int answeredCount = 0;
        for (Written answer : answers) {
            answeredCount += answer.count();
            for (Object id : answer.ids()) {
                assertThat(deleted.add(id)).as("id %s deleted twice", id).isTrue();
                assertThat((Long) id % 3).isZero();
            }
        }
        long recorded = jdbc.sql("SELECT COUNT(*) FROM entity_deletion d JOIN collection_def c "
                + "ON c.id = d.collection_id WHERE c.name = 'racing'")
                .query(Long.class).single();
        assertThat(recorded).isEqualTo(answeredCount);

        Rows live = reader.query(null, "racing", null, List.of("count(*)"), null, null, null);
        long liveCount = (Long) live.rows().get(0).get("count(*)");
        assertThat(liveCount + deleted.size()).isEqualTo(nextId.get());
        Rows stillDoomed = reader.query(null, "racing", "doomed == true", List.of("id"), 0, null, null);
        for (Map<String, Object> row : stillDoomed.rows()) {
            assertThat(deleted).doesNotContain(row.get("id"));
        }
    }
}
