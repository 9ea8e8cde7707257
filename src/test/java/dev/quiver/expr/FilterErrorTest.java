package dev.quiver.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed or ill-typed filter fails with code 1100 and the 1-based position of the fault. */
class FilterErrorTest {

    private static final long[] IDS = {1, 2, 3};
    private static final List<Map<String, Object>> ROWS = List.of(Map.of("a", 1L), Map.of("a", 2L), Map.of());

    /** Like a collection with dynamic fields off: only id, name and vector exist. */
    private static final FieldCatalog STRICT = field -> switch (field) {
        case "id" -> new FieldAccess.IntegerColumn("id", "Int64", ordinal -> IDS[ordinal], null);
        case "name" -> new FieldAccess.VarCharColumn("name", ordinal -> "n" + ordinal);
        case "vector" -> new FieldAccess.Unfilterable("vector", "FloatVector(4)");
        default -> null;
    };

    private static final FieldCatalog DYNAMIC = field -> switch (field) {
        case "id", "name", "vector" -> STRICT.resolve(field);
        case "$meta" -> new FieldAccess.JsonValue("$meta", ROWS::get);
        default -> new FieldAccess.JsonValue(field, ordinal -> ROWS.get(ordinal).get(field));
    };

    static Stream<Arguments> malformed() {
        return Stream.of(
                // lexical
                Arguments.of("name == \"abc", 9, "unterminated string"),
                Arguments.of("name == 'abc", 9, "unterminated string"),
                Arguments.of("name == \"ab\\", 9, "unterminated string"),
                Arguments.of("id == 1 # 2", 9, "unexpected character '#'"),
                Arguments.of("id @ 1", 4, "unexpected character '@'"),
                Arguments.of("id = 1", 4, "unexpected character '='"),
                Arguments.of("id == 1 & id == 2", 9, "bitwise operator '&' is not supported"),
                Arguments.of("id == 08", 7, "integer"),
                Arguments.of("id == 1e", 7, "malformed number"),
                Arguments.of("id == 12abc", 7, "malformed number"),
                Arguments.of("id == 0x", 7, "integer"),
                Arguments.of("id == 0b102", 7, "integer"),
                Arguments.of("id == 9223372036854775808", 7, "out of the 64-bit range"),
                Arguments.of("id == 1e999", 7, "out of range"),
                Arguments.of("name == \"\\x4\"", 10, "escape"),
                Arguments.of("name == \"\\u12\"", 10, "escape"),
                // syntactic
                Arguments.of("(id == 1", 9, "expected ')'"),
                Arguments.of("(id == 1 or (id == 2)", 22, "expected ')'"),
                Arguments.of("id == 1 2", 9, "expected end of expression"),
                Arguments.of("id == 1 id == 2", 9, "expected end of expression"),
                Arguments.of("id == 1)", 8, "expected end of expression"),
                Arguments.of("id == 1 == 2", 9, "chained comparison"),
                Arguments.of("id ==", 6, "unexpected end of expression"),
                Arguments.of("", 1, "unexpected end of expression"),
                Arguments.of("   ", 4, "unexpected end of expression"),
                Arguments.of("id == 1 and", 12, "unexpected end of expression"),
                Arguments.of("or id == 1", 1, "unexpected 'or'"),
                Arguments.of("id in 1", 7, "expected '[' after in"),
                Arguments.of("id in [1, id]", 11, "only literals"),
                Arguments.of("id in [1, 2", 12, "expected ']'"),
                Arguments.of("a[1.5] == 1", 3, "JSON path"),
                Arguments.of("a[\"k\" == 1", 7, "expected ']'"),
                Arguments.of("$meta == 1", 1, "$meta must be followed by a key"),
                // semantic
                Arguments.of("nope == 1", 1, "field 'nope' does not exist"),
                Arguments.of("id == 1 and nope > 2", 13, "field 'nope' does not exist"),
                Arguments.of("vector == 1", 1, "field 'vector' of type FloatVector(4) cannot be used in a filter"),
                Arguments.of("id > 0 and vector == 1", 12, "cannot be used in a filter"),
                Arguments.of("id == \"x\"", 7, "cannot compare Int64 field 'id' with string literal"),
                Arguments.of("\"x\" == id", 1, "cannot compare Int64 field 'id' with string literal"),
                Arguments.of("id < true", 6, "cannot compare Int64 field 'id' with boolean literal"),
                Arguments.of("id in [1, \"x\"]", 11, "cannot compare Int64 field 'id' with string literal"),
                Arguments.of("name == 5", 9, "cannot compare VarChar field 'name' with integer literal"),
                Arguments.of("name in ['a', 1.5]", 15, "cannot compare VarChar field 'name' with float literal"),
                Arguments.of("id == name", 4, "cannot compare Int64 field 'id' with VarChar field 'name'"),
                Arguments.of("id[\"a\"] == 1", 1, "takes no [] path"),
                Arguments.of("1 == \"a\"", 3, "cannot apply '=='"),
                Arguments.of("true < false", 6, "cannot apply '<'"),
                Arguments.of("id", 1, "expected a boolean expression"),
                Arguments.of("id == 1 and 5", 13, "expected a boolean expression"),
                Arguments.of("'s' in ['s']", 1, "expected a field before in"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void malformedFilterFailsWithInvalidParameterAtPosition(String filter, int position, String problem) {
        assertInvalidAt(filter, position, problem);
    }

    @Test
    void nestingBeyondTheLimitIsAnErrorNotAStackOverflow() {
        String parens = "(".repeat(500) + "id == 1" + ")".repeat(500);
        String nots = "not ".repeat(500) + "id == 1";
        String bangs = "!".repeat(500) + "id == 1";

        assertInvalidAt(parens, Parser.MAX_DEPTH + 1, "nested deeper than 200 levels");
        assertInvalidAt(nots, 4 * Parser.MAX_DEPTH + 1, "nested deeper than 200 levels");
        assertInvalidAt(bangs, Parser.MAX_DEPTH + 1, "nested deeper than 200 levels");
    }

    @Test
    void nestingAtTheLimitCompilesAndEvaluates() {
        String parens = "(".repeat(Parser.MAX_DEPTH) + "id == 2" + ")".repeat(Parser.MAX_DEPTH);
        String nots = "not ".repeat(Parser.MAX_DEPTH) + "id == 2";

        IntPredicate nested = Filter.compile(parens, STRICT);
        IntPredicate negated = Filter.compile(nots, STRICT);

        assertThat(nested.test(1)).isTrue();
        assertThat(nested.test(0)).isFalse();
        assertThat(negated.test(1)).isTrue(); // an even number of negations
    }

    @Test
    void chainsUpToTheConditionLimitCompileAndEvaluateWithoutStackOverflow() {
        int terms = Parser.MAX_CONDITIONS - 1;
        StringBuilder or = new StringBuilder("a == 1");
        StringBuilder and = new StringBuilder("id > 0");
        StringBuilder mixed = new StringBuilder("id == 3");
        for (int i = 1; i < terms; i++) {
            or.append(" or a == 1");
            and.append(" and id > 0");
        }
        // One or two conditions a step: as many steps as fit under the limit.
        for (int i = 1; i < terms * 2 / 3; i++) {
            mixed.append(i % 2 == 0 ? " || id == 3 && a == 2" : " or id == 3");
        }
        or.append(" or id == 3");
        and.append(" and id != 2");

        IntPredicate anyOf = Filter.compile(or.toString(), DYNAMIC);
        IntPredicate allOf = Filter.compile(and.toString(), DYNAMIC);
        IntPredicate mix = Filter.compile(mixed.toString(), DYNAMIC);

        assertThat(List.of(anyOf.test(0), anyOf.test(1), anyOf.test(2))).containsExactly(true, false, true);
        assertThat(List.of(allOf.test(0), allOf.test(1), allOf.test(2))).containsExactly(true, false, true);
        assertThat(List.of(mix.test(0), mix.test(1), mix.test(2))).containsExactly(false, false, true);
    }

    @Test
    void aHundredThousandTermChainIsRefusedAtTheConditionLimit() {
        String chain = "a == 1" + " or a == 1".repeat(99_999);

        assertThatThrownBy(() -> Filter.compile(chain, DYNAMIC))
                .hasMessageStartingWith("invalid parameter, filter: more than 4096 conditions; put long lists of "
                        + "values in one 'in [...]' at position " + (6 + 10 * 4095 + 5));
    }

    @Test
    void errorMessageFollowsTheMilvusShapeWithoutLeakingInternals() {
        assertThatThrownBy(() -> Filter.compile("id == \"x\"", STRICT))
                .hasMessage("invalid parameter, filter: cannot compare Int64 field 'id' with string literal"
                        + " at position 7")
                .message().doesNotContain("Exception", "dev.quiver");
    }

    private static void assertInvalidAt(String filter, int position, String problem) {
        FieldCatalog catalog = filter.startsWith("a") ? DYNAMIC : STRICT;
        assertThatThrownBy(() -> Filter.compile(filter, catalog))
                .isInstanceOf(FilterException.class)
                .isInstanceOf(QuiverException.class)
                .hasMessageContaining(problem)
                .hasMessageEndingWith(" at position " + position)
                .satisfies(e -> assertThat(((QuiverException) e).errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .satisfies(e -> assertThat(((QuiverException) e).errorCode().code()).isEqualTo(1100));
    }
}
