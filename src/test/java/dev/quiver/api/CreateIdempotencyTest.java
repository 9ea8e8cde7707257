package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Create is idempotent, as in Milvus: the same parameters again change nothing; others are named. */
class CreateIdempotencyTest extends ApiTestSupport {

    @Test
    void createWithIdenticalParametersAgainSucceedsAndKeepsTheRows() {
        String create = "{\"collectionName\":\"twice\",\"dimension\":2,\"metricType\":\"IP\",\"autoId\":false}";
        assertOk(post(ApiPaths.CREATE, create));
        insert("twice", "[{\"id\":1,\"vector\":[1,0]}]");

        assertOk(post(ApiPaths.CREATE, "{\"dimension\":2,\"collectionName\":\"twice\",\"metricType\":\"IP\","
                + "\"autoId\":false,\"vectorField\":\"vector\"}"));

        assertThat(allIds("twice")).containsExactly(1L);
    }

    @Test
    void createWithDifferentParametersNamesEachDifference() {
        assertOk(post(ApiPaths.CREATE, "{\"collectionName\":\"differs\",\"dimension\":2}"));

        var answer = post(ApiPaths.CREATE, "{\"collectionName\":\"differs\",\"dimension\":3,\"metricType\":\"COSINE\"}");

        assertError(answer, 1100, "already exists", "dimension: 2 here, 3 requested",
                "metricType: L2 here, COSINE requested");
        assertThat(bodyText(answer)).doesNotContain("autoId");
    }

    @Test
    void concurrentIdenticalCreatesAllSucceedAndMakeOneCollection() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<JsonNode>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(pool.submit(() -> body(post(ApiPaths.CREATE,
                    "{\"collectionName\":\"raced\",\"dimension\":4}"))));
        }
        for (Future<JsonNode> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS).get("code").intValue()).isEqualTo(200);
        }
        pool.shutdown();

        assertThat(assertOk(get(ApiPaths.COLLECTIONS))).extracting(JsonNode::asString).containsOnlyOnce("raced");
    }

    @Test
    void aDifferentOptionOfATypedFieldIsNamed() {
        String field = "{\"name\":\"tags\",\"type\":\"Array\",\"elementType\":\"Int32\",\"maxCapacity\":%d}";
        assertOk(post(ApiPaths.CREATE, "{\"collectionName\":\"typed_twice\",\"dimension\":2,\"fields\":["
                + field.formatted(3) + "]}"));

        assertError(post(ApiPaths.CREATE, "{\"collectionName\":\"typed_twice\",\"dimension\":2,\"fields\":["
                + field.formatted(4) + "]}"), 1100, "field 'tags' maxCapacity: 3 here, 4 requested");
    }
}
