package dev.quiver.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import dev.quiver.index.Metric;
import dev.quiver.store.IdType;
import dev.quiver.store.ScalarType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class TypedRowDecoderTest {

    private static final JsonMapper JSON = new JsonMapper();

    private static final List<ScalarField> FIELDS = List.of(
            field("b", ScalarType.BOOL),
            field("i8", ScalarType.INT8),
            field("i16", ScalarType.INT16),
            field("i32", ScalarType.INT32),
            field("i64", ScalarType.INT64),
            field("f", ScalarType.FLOAT),
            field("d", ScalarType.DOUBLE),
            new ScalarField("s", ScalarType.VARCHAR, 5, null, 0, false, ""),
            field("j", ScalarType.JSON),
            new ScalarField("ai", ScalarType.ARRAY, 0, ScalarType.INT16, 3, false, ""),
            new ScalarField("as", ScalarType.ARRAY, 2, ScalarType.VARCHAR, 3, false, ""),
            new ScalarField("af", ScalarType.ARRAY, 0, ScalarType.FLOAT, 3, false, ""),
            new ScalarField("n", ScalarType.INT32, 0, null, 0, true, ""));

    private static final CollectionSchema SCHEMA = new CollectionSchema("default", "typed", "", "id", IdType.INT64,
            0, false, "vector", 2, Metric.L2, true, FIELDS);

    /** A row valid in every field; {@code override} replaces or (with value "-") removes one field. */
    private static final String VALID = """
            {"id": 1, "vector": [1, 2], "b": true, "i8": -128, "i16": 32767, "i32": -2147483648,
             "i64": 9223372036854775807, "f": 0.1, "d": 1e300, "s": "héllo", "j": {"a": [1, 2.5, "x", null]},
             "ai": [1, -2], "as": ["ab", ""], "af": [0.1], "n": 7, "extra": "dynamic"}""";

    private static ScalarField field(String name, ScalarType type) {
        return new ScalarField(name, type, 0, null, 0, false, "");
    }

    private static DecodedRow decode(String json) {
        return RowDecoder.decode(RowsJson.of(JSON.readTree(json)), SCHEMA, JSON).get(0);
    }

    private static String with(String field, String value) {
        var row = (tools.jackson.databind.node.ObjectNode) JSON.readTree(VALID);
        if (value.equals("-")) {
            row.remove(field);
        } else {
            row.set(field, JSON.readTree(value));
        }
        return row.toString();
    }

    @Test
    void validRowYieldsPlainValuesInSchemaOrder() {
        DecodedRow row = decode(VALID);

        assertThat(Arrays.asList(row.scalars())).containsExactly(true, -128L, 32767L, -2147483648L,
                Long.MAX_VALUE, (double) 0.1f, 1e300, "héllo", Map.of("a", Arrays.asList(1L, 2.5, "x", null)),
                List.of(1L, -2L), List.of("ab", ""), List.of((double) 0.1f), 7L);
    }

    @Test
    void typedFieldNamesAreNotDynamicKeys() {
        DecodedRow row = decode(VALID);

        assertThat(row.dynamicFields()).containsExactly(Map.entry("extra", "dynamic"));
    }

    @Test
    void int64AcceptsNumericStringsAndGoIntegerSyntax() {
        assertThat(decode(with("i64", "\"-9223372036854775808\"")).scalars()[4]).isEqualTo(Long.MIN_VALUE);
        assertThat(decode(with("i64", "\"0x10\"")).scalars()[4]).isEqualTo(16L);
    }

    @Test
    void nullableFieldTakesNullOrAbsenceAsNull() {
        assertThat(decode(with("n", "null")).scalars()[12]).isNull();
        assertThat(decode(with("n", "-")).scalars()[12]).isNull();
    }

    @Test
    void floatIntegralTokensAndDoubleIntegersAreAccepted() {
        assertThat(decode(with("f", "3")).scalars()[5]).isEqualTo(3.0);
        assertThat(decode(with("d", "-12")).scalars()[6]).isEqualTo(-12.0);
    }

    @Test
    void jsonFieldTakesAnyValueIncludingScalars() {
        assertThat(decode(with("j", "\"text\"")).scalars()[8]).isEqualTo("text");
        assertThat(decode(with("j", "[]")).scalars()[8]).isEqualTo(List.of());
        assertThat(decode(with("j", "12345678901234")).scalars()[8]).isEqualTo(12345678901234L);
    }

    @Test
    void emptyArrayIsAccepted() {
        assertThat(decode(with("ai", "[]")).scalars()[9]).isEqualTo(List.of());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            b   | "true"                  | field 'b': Bool takes true or false, got "true"
            b   | 1                       | field 'b': Bool takes true or false, got 1
            i8  | 128                     | field 'i8': Int8 takes integers in [-128, 127], got 128
            i8  | -129                    | field 'i8': Int8 takes integers in [-128, 127], got -129
            i16 | -32769                  | field 'i16': Int16 takes integers in [-32768, 32767], got -32769
            i32 | 2147483648              | field 'i32': Int32 takes integers in [-2147483648, 2147483647], got 2147483648
            i32 | 1.5                     | field 'i32': Int32 takes integers, got 1.5
            i32 | 1.0                     | field 'i32': Int32 takes integers, got 1.0
            i32 | "5"                     | field 'i32': Int32 takes integers, got "5"
            i64 | 9223372036854775808     | field 'i64': Int64 takes integers in [-9223372036854775808, 9223372036854775807]
            i64 | "12a"                   | field 'i64': '12a' is not a 64-bit integer
            i64 | true                    | field 'i64': Int64 takes integers or numeric strings, got true
            f   | 1e39                    | field 'f': Float takes finite float32 numbers, got 1.0E39
            f   | -3.5e38                 | field 'f': Float takes finite float32 numbers
            f   | "1"                     | field 'f': Float takes numbers, got "1"
            d   | "NaN"                   | field 'd': Double takes numbers, got "NaN"
            s   | "abcdef"                | field 's': VarChar value of length 6 exceeds maxLength 5
            s   | 5                       | field 's': VarChar takes strings, got 5
            ai  | [1, 2, 3, 4]            | field 'ai': Array of 4 elements exceeds maxCapacity 3
            ai  | [1, "2"]                | field 'ai'[1]: Int16 takes integers, got "2"
            ai  | [1, 40000]              | field 'ai'[1]: Int16 takes integers in [-32768, 32767], got 40000
            ai  | [null]                  | field 'ai'[0]: Array elements cannot be null
            ai  | {"a": 1}                | field 'ai': Array takes a JSON array, got {"a":1}
            as  | ["abc"]                 | field 'as'[0]: VarChar value of length 3 exceeds maxLength 2
            af  | [1e39]                  | field 'af'[0]: Float takes finite float32 numbers
            i32 | null                    | field 'i32' is null but the field is not nullable
            i32 | -                       | missing field 'i32'
            j   | null                    | field 'j' is null but the field is not nullable
            """)
    void invalidTypedValueIsRejectedNamingRowAndField(String field, String value, String detail) {
        String rows = "[" + VALID + "," + with(field, value) + "]";

        assertThatThrownBy(() -> RowDecoder.decode(RowsJson.of(JSON.readTree(rows)), SCHEMA, JSON))
                .isInstanceOf(QuiverException.class)
                .satisfies(e -> assertThat(((QuiverException) e).errorCode()).isEqualTo(ErrorCode.BAD_INSERT_DATA))
                .hasMessageContaining("row 1: " + detail);
    }
}
