package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quiver.collection.QueryVector;
import dev.quiver.collection.SearchRequest;
import dev.quiver.config.ApiProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The direct search path's reader against data binding, on the service's own JSON configuration:
 * whatever it accepts binds to the same request; whatever it refuses, the full path reads.
 */
class SearchBodyTest {

    private static final JsonMapper MAPPER = new JsonConfig().jsonMapper(new ApiProperties(List.of(), 1000,
            DataSize.ofMegabytes(64), DataSize.ofMegabytes(256), 64, DataSize.ofMegabytes(1), true,
            Duration.ofSeconds(30)), List.of());

    @Test
    void readsTheUsualSearchAsDataBindingDoes() {
        String body = "{\"dbName\":\"default\",\"collectionName\":\"books\",\"vector\":[0.25, -1, 3e2, -0, 12.5e-1],"
                + "\"filter\":\"shelf > 1\",\"limit\":3,\"offset\":1,\"outputFields\":[\"shelf\",\"title\"],"
                + "\"params\":{\"radius\":2,\"range_filter\":0.5,\"ef\":40},\"travelTimestamp\":1764583200000}";

        SearchRequest direct = SearchBody.parse(MAPPER, bytes(body));

        assertThat(direct).isNotNull();
        assertSame(direct, bound(body));
        assertThat(direct.vector().read(5)).containsExactly(0.25f, -1f, 300f, 0f, 1.25f);
    }

    @Test
    void refusesWhatItCannotReadTheSameWay() {
        for (String body : List.of("", "[]", "{\"collectionName\":\"books\",\"vector\":[1,2]} {}",
                "{\"collectionName\":\"books\",\"vector\":[1,\"2\"]}", "{\"collectionName\":\"books\",\"vector\":[[1]]}",
                "{\"collectionName\":\"books\",\"vector\":[1e39]}", "{\"collectionName\":\"books\",\"vector\":\"[1]\"}",
                "{\"collectionName\":\"books\",\"vector\":null}", "{\"collectionName\":\"books\",\"limit\":1.0}",
                "{\"collectionName\":\"books\",\"limit\":\"1\"}", "{\"collectionName\":\"books\",\"limit\":3000000000}",
                "{\"collectionName\":\"books\",\"params\":{\"nprobe\":4}}", "{\"collectionName\":\"books\",\"nope\":1}",
                "{\"collectionName\":\"books\",\"collectionName\":\"other\"}", "{\"collectionName\":\"bo",
                "{\"collectionName\":\"books\",\"outputFields\":[\"a\",null]}",
                "{\"collectionName\":\"books\",\"vector\":[01]}", "{\"collectionName\":\"books\",\"vector\":[1.]}",
                "{\"collectionName\":\"books\",\"vector\":[1,]}", "{\"collectionName\":\"books\",\"vector\":[1 2]}",
                "{\"collectionName\":\"books\",\"vector\":[1],\"vector\":[2]}")) {
            assertThat(SearchBody.parse(MAPPER, bytes(body))).as(body).isNull();
        }
    }

    @Test
    void findsTheTopLevelVectorWhereAnotherComesFirst() {
        String body = "{\"travelTimestamp\":{\"vector\":[9]},\"outputFields\":[\"\\\"vector\\\":[8]\"],"
                + "\"collectionName\":\"books\",\"vector\":[0.5, 2]}";

        SearchRequest direct = SearchBody.parse(MAPPER, bytes(body));

        assertThat(direct).isNotNull();
        assertSame(direct, bound(body));
        assertThat(direct.vector().read(2)).containsExactly(0.5f, 2f);
        assertThat(direct.travelTimestamp().toString()).isEqualTo("{\"vector\":[9]}");
    }

    @Test
    void leavesBodiesInOtherEncodingsToTheFullPath() {
        String body = "{\"collectionName\":\"books\",\"vector\":[0.5,1]}";
        for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
                java.nio.charset.Charset.forName("UTF-32BE"))) {
            assertThat(SearchBody.parse(MAPPER, body.getBytes(charset))).as(charset.name()).isNull();
        }
    }

    /** Seeded bodies of members in any order, each of the right type, another type, or null. */
    @Test
    void anyBodyItAcceptsBindsToTheSameRequest() {
        Random random = new Random(7);
        int accepted = 0;
        int bodies = 3000;
        for (int i = 0; i < bodies; i++) {
            String body = randomBody(random);
            SearchRequest direct = SearchBody.parse(MAPPER, bytes(body));
            if (direct == null) {
                continue;
            }
            accepted++;
            SearchRequest bound = bound(body);
            assertThat(bound).as(body).isNotNull();
            assertSame(direct, bound);
        }
        assertThat(accepted).as("bodies read directly").isGreaterThan(bodies / 10);
    }

    private static String randomBody(Random random) {
        List<String> members = new ArrayList<>();
        members.add("\"collectionName\":" + pick(random, "\"books\"", "null", "7"));
        if (random.nextInt(10) > 0) { // absent now and then: no vector is a clear error later, not here
            members.add(pick(random, "\"vector\":", "\"vector\" :\n ") + (random.nextInt(3) > 0 ? vector(random)
                    : pick(random, "[]", "[1,true]", "null", "{}", malformed(random), malformed(random))));
        }
        String[][] optional = {
            {"\"dbName\":", "\"default\"", "null", "[\"x\"]"},
            {"\"filter\":", "\"shelf in [1, 2]\"", "\"\"", "null", "true", "\"esc\\\"aped\""},
            {"\"limit\":", "10", "0", "-1", "null", "2.5", "\"3\""},
            {"\"offset\":", "2", "null", "1e2"},
            {"\"outputFields\":", "[]", "[\"shelf\"]", "null", "\"shelf\"", "[1]"},
            {"\"params\":", "{}", "{\"ef\":16}", "{\"radius\":1.5,\"range_filter\":-2}", "null", "{\"ef\":\"x\"}",
                "{\"radius\":null}", "[]"},
            {"\"travelTimestamp\":", "1764583200000", "\"2026-12-01T10:15:30Z\"", "null", "{\"vector\":[1]}"}};
        for (String[] member : optional) {
            if (random.nextBoolean()) {
                members.add(member[0] + member[1 + random.nextInt(member.length - 1)]);
            }
        }
        // Now and then a second vector, or one in a nested member or a string, before or after the real one.
        if (random.nextInt(6) == 0) {
            members.add(pick(random, "\"vector\":[2]", "\"params\":{\"vector\":[1]}",
                    "\"dbName\":\"\\\"vector\\\":[1]\""));
        }
        Collections.shuffle(members, random);
        String space = pick(random, "", " ", "\n\t ");
        return "{" + space + String.join("," + space, members) + space + "}";
    }

    private static String vector(Random random) {
        List<String> components = new ArrayList<>();
        int length = 1 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            components.add(pick(random, String.valueOf(random.nextInt(2000) - 1000), String.valueOf(random.nextGaussian()),
                    String.valueOf(random.nextFloat()), "-0", "1.5E3", "1e-40", "12345678901234567890", "0.30000000000000004"));
        }
        return "[" + String.join(pick(random, ",", " , "), components) + "]";
    }

    /** Arrays Jackson refuses or reads otherwise than as plain numbers. */
    private static String malformed(Random random) {
        return pick(random, "[01]", "[1.]", "[.5]", "[+1]", "[1e]", "[1e+]", "[-]", "[--1]", "[1,,2]", "[1,]", "[,1]",
                "[1 2]", "[NaN]", "[Infinity]", "[-Infinity]", "[0x1]", "[1", "[1]]", "[1}", "[1,\"2\"]", "[1.5e3.2]",
                "[" + "1".repeat(PlainNumberArray.MAX_NUMBER + 1) + "]", "[\u00a01]", "[1\f]");
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static SearchRequest bound(String body) {
        try {
            return MAPPER.readerFor(Requests.Search.class).<Requests.Search>readValue(bytes(body)).toSearchRequest();
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The same members, and a vector that reads the same, or fails the same, at every dimension. */
    private static void assertSame(SearchRequest direct, SearchRequest bound) {
        assertThat(direct).usingRecursiveComparison().ignoringFields("vector").isEqualTo(bound);
        if (direct.vector() == null || bound.vector() == null) {
            assertThat(direct.vector()).isSameAs(bound.vector());
            return;
        }
        for (int dimension = 0; dimension <= 8; dimension++) {
            assertThat(read(direct.vector(), dimension)).isEqualTo(read(bound.vector(), dimension));
        }
    }

    private static Object read(QueryVector vector, int dimension) {
        Throwable failure = catchThrowable(() -> vector.read(dimension));
        return failure != null ? failure.getMessage() : Arrays.toString(vector.read(dimension));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
