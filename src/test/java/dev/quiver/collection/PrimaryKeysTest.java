package dev.quiver.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.index.Metric;
import dev.quiver.store.IdType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PrimaryKeysTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CollectionSchema INT64 = schema(IdType.INT64, 0);
    private static final CollectionSchema VARCHAR = schema(IdType.VARCHAR, 8);

    static CollectionSchema schema(IdType idType, int maxLength) {
        return new CollectionSchema("default", "books", "", "pk", idType, maxLength, false, "vector", 2, Metric.L2,
                true);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0                     | 0
            42                    | 42
            -42                   | -42
            +42                   | 42
            0x1F                  | 31
            0X1f                  | 31
            -0x10                 | -16
            0b101                 | 5
            0B11                  | 3
            0o17                  | 15
            0O17                  | 15
            017                   | 15
            -017                  | -15
            00                    | 0
            1_000_000             | 1000000
            0x_FF                 | 255
            9223372036854775807   | 9223372036854775807
            -9223372036854775808  | -9223372036854775808
            0x7fffffffffffffff    | 9223372036854775807
            -0x8000000000000000   | -9223372036854775808
            """)
    void parseInt64AcceptsGoIntegerLiteralSyntax(String text, long expected) {
        assertThat(PrimaryKeys.parseInt64(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "-", "+", "abc", "12abc", "1.5", "1e3", " 5", "5 ", "0x", "0b", "0o", "08", "0b2",
            "0o8", "--5", "+-5", "-+5", "0x-5", "_", "9223372036854775808", "-9223372036854775809",
            "0x8000000000000000", "99999999999999999999999999"})
    void parseInt64RejectsGarbageAndOverflow(String text) {
        assertThatThrownBy(() -> PrimaryKeys.parseInt64(text))
                .isInstanceOf(PrimaryKeys.InvalidKey.class)
                .hasMessageContaining("is not a 64-bit integer");
    }

    /** Go's ParseInt(s, 0, 64) takes ASCII digits only, and an underscore only between digits or after a prefix. */
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"\u0661\u0662\u0663", "\uff11\uff12", "1__0", "_1", "1_", "0x_", "-_5"})
    void parseInt64RejectsWhatGoRejects(String text) {
        assertThatThrownBy(() -> PrimaryKeys.parseInt64(text)).isInstanceOf(PrimaryKeys.InvalidKey.class);
    }

    @Test
    void parseInt64AbbreviatesVeryLongInputInItsMessage() {
        String text = "9".repeat(1_000);

        assertThatThrownBy(() -> PrimaryKeys.parseInt64(text))
                .hasMessageContaining("9".repeat(64) + "...")
                .message().hasSizeLessThan(120);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5                     | 5
            -3                    | -3
            "5"                   | 5
            "0x10"                | 16
            "-9223372036854775808"| -9223372036854775808
            9223372036854775807   | 9223372036854775807
            """)
    void int64KeyTakesIntegersAndNumericStrings(String json, long expected) {
        assertThat(PrimaryKeys.key(json(json), INT64)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.5", "1.0", "1e3", "9223372036854775808", "true", "null", "{}", "[1]", "\"x\"",
            "\"1.5\""})
    void int64KeyRejectsFractionsOverflowAndOtherTypes(String json) {
        assertThatThrownBy(() -> PrimaryKeys.key(json(json), INT64)).isInstanceOf(PrimaryKeys.InvalidKey.class);
    }

    @Test
    void int64KeyErrorNamesTheField() {
        assertThatThrownBy(() -> PrimaryKeys.key(json("1.5"), INT64))
                .hasMessageContaining("'pk'")
                .hasMessageContaining("1.5");
    }

    @Test
    void varCharKeyTakesStringsUpToMaxLength() {
        assertThat(PrimaryKeys.key(json("\"abc\""), VARCHAR)).isEqualTo("abc");
        assertThat(PrimaryKeys.key(json("\"12345678\""), VARCHAR)).isEqualTo("12345678");
        assertThat(PrimaryKeys.key(json("\"\""), VARCHAR)).isEqualTo("");
        assertThatThrownBy(() -> PrimaryKeys.key(json("\"123456789\""), VARCHAR))
                .isInstanceOf(PrimaryKeys.InvalidKey.class)
                .hasMessageContaining("exceeds maxLength 8");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"5", "1.5", "true", "null", "[\"a\"]", "{\"a\":1}"})
    void varCharKeyRejectsNonStrings(String json) {
        assertThatThrownBy(() -> PrimaryKeys.key(json(json), VARCHAR))
                .isInstanceOf(PrimaryKeys.InvalidKey.class)
                .hasMessageContaining("VarChar primary key 'pk' takes strings");
    }

    @Test
    void listTakesAScalarOrAnArrayInOrder() {
        assertThat(PrimaryKeys.list(json("7"), INT64)).containsExactly(7L);
        assertThat(PrimaryKeys.list(json("[3, \"1\", \"0x2\"]"), INT64)).containsExactly(3L, 1L, 2L);
        assertThat(PrimaryKeys.list(json("[]"), INT64)).isEmpty();
        assertThat(PrimaryKeys.list(json("[\"b\", \"a\"]"), VARCHAR)).containsExactly("b", "a");
    }

    @Test
    void listRejectsTheWholeArrayWhenOneElementIsBad() {
        assertThatThrownBy(() -> PrimaryKeys.list(json("[1, 2.5, 3]"), INT64))
                .isInstanceOf(PrimaryKeys.InvalidKey.class)
                .hasMessageContaining("2.5");
    }
}
