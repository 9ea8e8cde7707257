package dev.quiver.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import dev.quiver.index.Metric;
import dev.quiver.store.IdType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RowDecoderTest {

    private static final JsonMapper JSON = new JsonMapper();

    private static final CollectionSchema AUTO_ID = schema(true, IdType.INT64, true);
    private static final CollectionSchema CLIENT_ID = schema(false, IdType.INT64, true);
    private static final CollectionSchema VARCHAR_ID = schema(false, IdType.VARCHAR, true);
    private static final CollectionSchema NO_DYNAMIC = schema(false, IdType.INT64, false);

    private static CollectionSchema schema(boolean autoId, IdType idType, boolean dynamicFields) {
        return new CollectionSchema("default", "books", "", "id", idType, 16, autoId, "vector", 3, Metric.L2,
                dynamicFields);
    }

    /** Decodes the rows as the HTTP API does, from the bytes of a request body. */
    private static List<DecodedRow> decode(String json, CollectionSchema schema) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return RowDecoder.decode(RowsJson.span(bytes, 0, bytes.length), schema, JSON);
    }

    private static void assertRejected(String json, CollectionSchema schema, ErrorCode code, String... details) {
        assertThatThrownBy(() -> decode(json, schema))
                .isInstanceOf(QuiverException.class)
                .satisfies(e -> assertThat(((QuiverException) e).errorCode()).isEqualTo(code))
                .hasMessageContainingAll(details);
    }

    @Test
    void singleObjectIsOneRow() {
        List<DecodedRow> rows = decode("{\"vector\": [1, 2.5, -3]}", AUTO_ID);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).key()).isNull();
        assertThat(rows.get(0).vector()).containsExactly(1f, 2.5f, -3f);
        assertThat(rows.get(0).dynamicFields()).isNull();
    }

    @Test
    void arrayKeepsRowOrderAndReadsClientKeys() {
        List<DecodedRow> rows = decode("[{\"id\": 9, \"vector\": [0,0,0]}, {\"id\": \"0x10\", \"vector\": [1,1,1]},"
                + " {\"id\": \"3\", \"vector\": [2,2,2]}]", CLIENT_ID);

        assertThat(rows).extracting(DecodedRow::key).containsExactly(9L, 16L, 3L);
        assertThat(rows.get(2).vector()).containsExactly(2f, 2f, 2f);
    }

    @Test
    void varCharKeysAreStrings() {
        List<DecodedRow> rows = decode("[{\"id\": \"b\", \"vector\": [0,0,0]}, {\"id\": \"a\", \"vector\": [1,1,1]}]",
                VARCHAR_ID);

        assertThat(rows).extracting(DecodedRow::key).containsExactly("b", "a");
    }

    @Test
    void missingDataIsMissingParameter() {
        assertThatThrownBy(() -> RowDecoder.decode(null, AUTO_ID, JSON))
                .isInstanceOf(QuiverException.class)
                .satisfies(e -> assertThat(((QuiverException) e).errorCode()).isEqualTo(ErrorCode.MISSING_PARAMETER))
                .hasMessageContaining("data");
        assertRejected("null", AUTO_ID, ErrorCode.MISSING_PARAMETER, "data");
    }

    @Test
    void emptyArrayIsBadInsertData() {
        assertRejected("[]", AUTO_ID, ErrorCode.BAD_INSERT_DATA, "no rows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "\"row\"", "[{\"vector\": [0,0,0]}, [1, 2]]", "[{\"vector\": [0,0,0]}, null]"})
    void rowThatIsNotAnObjectIsBadInsertData(String json) {
        assertRejected(json, AUTO_ID, ErrorCode.BAD_INSERT_DATA, "a row must be a JSON object");
    }

    @Test
    void autoIdRowCarryingAnIdIsRejectedNamingTheRow() {
        assertRejected("[{\"vector\": [0,0,0]}, {\"id\": 5, \"vector\": [0,0,0]}]", AUTO_ID,
                ErrorCode.BAD_INSERT_DATA, "row 1", "'id'", "autoId");
    }

    @Test
    void clientIdRowWithoutIdIsRejectedNamingTheRow() {
        assertRejected("[{\"id\": 1, \"vector\": [0,0,0]}, {\"vector\": [0,0,0]}]", CLIENT_ID,
                ErrorCode.BAD_INSERT_DATA, "row 1", "missing primary key field 'id'");
        assertRejected("{\"id\": null, \"vector\": [0,0,0]}", CLIENT_ID, ErrorCode.BAD_INSERT_DATA, "row 0", "'id'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "\"abc\"", "true", "9223372036854775808"})
    void invalidClientIdIsBadInsertData(String id) {
        assertRejected("{\"id\": " + id + ", \"vector\": [0,0,0]}", CLIENT_ID, ErrorCode.BAD_INSERT_DATA, "row 0");
    }

    @Test
    void varCharIdLongerThanMaxLengthIsBadInsertData() {
        assertRejected("{\"id\": \"" + "x".repeat(17) + "\", \"vector\": [0,0,0]}", VARCHAR_ID,
                ErrorCode.BAD_INSERT_DATA, "row 0", "maxLength 16");
    }

    @Test
    void missingOrNullVectorIsRejectedNamingRowAndField() {
        assertRejected("[{\"vector\": [0,0,0]}, {\"vector\": [0,0,0]}, {\"color\": \"red\"}]", AUTO_ID,
                ErrorCode.BAD_INSERT_DATA, "row 2", "missing field 'vector'");
        assertRejected("{\"vector\": null}", AUTO_ID, ErrorCode.BAD_INSERT_DATA, "row 0", "missing field 'vector'");
    }

    @Test
    void vectorOfWrongLengthIsRejected() {
        assertRejected("{\"vector\": [1, 2]}", AUTO_ID, ErrorCode.BAD_INSERT_DATA, "row 0", "has 2 components", "3");
        assertRejected("{\"vector\": [1, 2, 3, 4]}", AUTO_ID, ErrorCode.BAD_INSERT_DATA, "has 4 components");
        assertRejected("{\"vector\": []}", AUTO_ID, ErrorCode.BAD_INSERT_DATA, "has 0 components");
    }

    @Test
    void vectorThatIsNotAnArrayOfNumbersIsRejected() {
        assertRejected("{\"vector\": \"1,2,3\"}", AUTO_ID, ErrorCode.BAD_INSERT_DATA, "must be an array of numbers");
        assertRejected("{\"vector\": [1, \"2\", 3]}", AUTO_ID, ErrorCode.BAD_INSERT_DATA, "vector[1] is not a number");
        assertRejected("{\"vector\": [1, 2, null]}", AUTO_ID, ErrorCode.BAD_INSERT_DATA, "vector[2] is not a number");
    }

    @Test
    void vectorErrorsReadPastNestedElementsAndComeInTheUsualOrder() {
        // A wrong length wins over a bad component, as it does when the vector is a tree.
        assertRejected("{\"vector\": [[1, [2]], {\"a\": [3]}, 4, 5]}", AUTO_ID, ErrorCode.BAD_INSERT_DATA,
                "has 4 components");
        assertRejected("{\"vector\": [1, {\"a\": [3, 4]}, \"x\"], \"n\": 1}", AUTO_ID, ErrorCode.BAD_INSERT_DATA,
                "vector[1] is not a number: {\"a\":[3,4]}");
        // The key is checked before the vector, wherever the vector sits in the row.
        assertRejected("{\"vector\": [1, \"2\", 3], \"id\": 1.5}", CLIENT_ID, ErrorCode.BAD_INSERT_DATA,
                "row 0", "'id'");
        // Rows after a bad vector are still read as rows: the error names the first bad one.
        assertRejected("[{\"id\": 1, \"vector\": [1, 2, 3]}, {\"id\": 2, \"vector\": [1, 2]}]", CLIENT_ID,
                ErrorCode.BAD_INSERT_DATA, "row 1", "has 2 components");
    }

    /**
     * Vectors are read by hand in the usual case; whatever the number's spelling, each component
     * must equal what Jackson's tree gives (integers exactly then to float32, fractions to the
     * nearest double then to float32).
     */
    @Test
    void componentsInEverySpellingRoundAsJacksonsTreeDoes() {
        CollectionSchema wide = new CollectionSchema("default", "wide", "", "id", IdType.INT64, 16, true, "vector", 64,
                Metric.L2, true);
        Random random = new Random(20261201);
        String[] spaces = {"", " ", "\n\t", "  \r\n"};
        for (int round = 0; round < 500; round++) {
            StringBuilder vector = new StringBuilder("[");
            for (int i = 0; i < wide.dimension(); i++) {
                vector.append(i == 0 ? "" : spaces[random.nextInt(spaces.length)] + ",")
                        .append(spaces[random.nextInt(spaces.length)]).append(randomNumber(random));
            }
            String json = "{\"vector\":" + vector.append(spaces[random.nextInt(spaces.length)]).append(']') + "}";
            JsonNode expected = JSON.readTree(json).get("vector");

            float[] actual = decode(json, wide).get(0).vector();

            for (int i = 0; i < actual.length; i++) {
                JsonNode component = expected.get(i);
                float want = (float) (component.isIntegralNumber() ? component.bigIntegerValue().doubleValue()
                        : component.doubleValue());
                assertThat(Float.floatToRawIntBits(actual[i])).as("%s in %s", component, json)
                        .isEqualTo(Float.floatToRawIntBits(want));
            }
        }
    }

    private static String randomNumber(Random random) {
        String sign = random.nextBoolean() ? "-" : "";
        switch (random.nextInt(6)) {
            case 0:
                return sign + random.nextInt(1000);
            case 1: // long integers, some past 18 digits
                return sign + (1 + random.nextInt(9)) + digits(random, random.nextInt(22));
            case 2:
                return sign + random.nextInt(10) + "." + digits(random, 1 + random.nextInt(20));
            case 3:
                return sign + random.nextInt(10) + "." + digits(random, 1 + random.nextInt(8)) + (random.nextBoolean() ? "e" : "E")
                        + (random.nextBoolean() ? "-" : random.nextBoolean() ? "+" : "") + random.nextInt(38);
            case 4:
                return sign + "0.0" + digits(random, random.nextInt(8));
            default:
                return Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10));
        }
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    @Test
    void escapedAndNonAsciiNamesAndWhitespaceAreReadAsJsonSaysTheyAre() {
        List<DecodedRow> rows = decode(" [ { \"vec\\u0074or\" :\t[1 , 2,3] ,\"caf\u00e9\": \"cr\u00e8me \\\"br\u00fbl\u00e9e\\\"\" ,"
                + " \"tags\\n\":[\"a]\",\"{b\"]}\n, {\"vector\":[0,0,0]} ] ", AUTO_ID);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).vector()).containsExactly(1f, 2f, 3f);
        assertThat(rows.get(0).dynamicFields()).containsExactly(
                Map.entry("caf\u00e9", "cr\u00e8me \"br\u00fbl\u00e9e\""), Map.entry("tags\n", List.of("a]", "{b")));
    }

    @Test
    void bigIntegerAndExponentComponentsRoundAsTheTreeDoes() {
        List<DecodedRow> rows = decode("{\"vector\": [123456789012345678901234567890, 1e-46, 3.4028235e38]}", AUTO_ID);

        assertThat(rows.get(0).vector()).containsExactly(1.2345679e29f, 0f, Float.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e39", "-1e39", "1e400", "3.5e38"})
    void nonFiniteFloat32ComponentIsRejected(String component) {
        assertRejected("{\"vector\": [0, " + component + ", 0]}", AUTO_ID, ErrorCode.BAD_INSERT_DATA,
                "row 0", "vector[1]", "not a finite float32");
    }

    @Test
    void largestFiniteFloat32ComponentIsAccepted() {
        assertThat(decode("{\"vector\": [3.4028234e38, 1e-50, 12345678901234567890]}", AUTO_ID).get(0).vector())
                .containsExactly(Float.MAX_VALUE, 0f, 1.2345679e19f);
    }

    @Test
    void duplicateKeysInOneBatchAreRejectedNamingBothRows() {
        assertRejected("[{\"id\": 1, \"vector\": [0,0,0]}, {\"id\": 2, \"vector\": [0,0,0]},"
                + " {\"id\": \"1\", \"vector\": [0,0,0]}]", CLIENT_ID, ErrorCode.BAD_INSERT_DATA, "row 2", "row 0");
        assertRejected("[{\"id\": \"a\", \"vector\": [0,0,0]}, {\"id\": \"a\", \"vector\": [0,0,0]}]", VARCHAR_ID,
                ErrorCode.BAD_INSERT_DATA, "row 1", "row 0");
    }

    @Test
    void dynamicFieldsAreKeptAsPlainValuesWhenTheSchemaAllowsThem() {
        DecodedRow row = decode("{\"id\": 4, \"vector\": [0,0,0], \"color\": \"red\", \"n\": 3, \"x\": 2.5,"
                + " \"ok\": true, \"tags\": [1, \"a\"], \"meta\": {\"a\": {\"b\": 1}}, \"big\": 12345678901234567890}",
                CLIENT_ID).get(0);

        assertThat(row.dynamicFields()).containsExactly(
                Map.entry("color", "red"), Map.entry("n", 3L), Map.entry("x", 2.5), Map.entry("ok", true),
                Map.entry("tags", List.of(1L, "a")), Map.entry("meta", Map.of("a", Map.of("b", 1L))),
                Map.entry("big", 1.2345678901234567E19));
    }

    @Test
    void dynamicFieldsAreIgnoredWhenTheSchemaHasNone() {
        DecodedRow row = decode("{\"id\": 4, \"vector\": [0,0,0], \"color\": \"red\"}", NO_DYNAMIC).get(0);

        assertThat(row.key()).isEqualTo(4L);
        assertThat(row.dynamicFields()).isNull();
    }

    @Test
    void nullDynamicValuesAndTheMetaKeyAreDropped() {
        DecodedRow row = decode("{\"vector\": [0,0,0], \"gone\": null, \"$meta\": {\"x\": 1}, \"kept\": 1}", AUTO_ID)
                .get(0);
        DecodedRow onlyNulls = decode("{\"vector\": [0,0,0], \"gone\": null}", AUTO_ID).get(0);

        assertThat(row.dynamicFields()).containsExactly(Map.entry("kept", 1L));
        assertThat(onlyNulls.dynamicFields()).isNull();
    }

    @Test
    void dynamicNumberOutOfRangeIsRejectedNamingRowAndField() {
        assertRejected("[{\"vector\": [0,0,0]}, {\"vector\": [0,0,0], \"meta\": {\"w\": [1e400]}}]", AUTO_ID,
                ErrorCode.BAD_INSERT_DATA, "row 1", "field 'meta'", "out of range");
    }
}
