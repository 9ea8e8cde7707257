package dev.quiver.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven tests of the full filter language over typed columns of every kind. Each filter
 * must select exactly the listed ids from six fixed rows; each bad filter must fail with its
 * problem and position.
 */
class FilterLanguageTest {

    private static final long[] ID = {1, 2, 3, 4, 5, 6};
    private static final long[] AGE = {10, 20, 30, 0, 40, 50};
    private static final boolean[] AGE_NULL = {false, false, false, true, false, false};
    private static final double[] SCORE = {1.5, 2.5, -0.0, 4.0, 10.0, 0.25};
    private static final boolean[] ACTIVE = {true, false, true, false, true, false};
    private static final String[] TITLE = {"apple", "banana", "apricot", "cherry", "grape", "a_b%c"};
    private static final List<List<Object>> TAGS = Arrays.asList(
            List.of("x", "y"), List.of("y"), List.of(), List.of("x", "z"), List.of("z"), null);
    private static final List<List<Object>> NUMS = List.of(
            List.of(1L, 2L, 3L), List.of(4L), List.of(), List.of(2L, 2L), List.of(5L, 6L, 7L, 8L), List.of(1L));
    private static final List<Object> META = Arrays.asList(
            Map.of("a", Map.of("b", 1L), "arr", List.of(1L, 2L), "s", "hi"),
            Map.of("a", Map.of("b", 2L), "arr", List.of(3L), "tags", List.of("p", "q")),
            Map.of("arr", List.of()),
            Map.of(),
            Map.of("a", Map.of("b", 2.0), "tags", List.of("q")),
            null);
    private static final List<Map<String, Object>> DYNAMIC = List.of(
            Map.of("color", "red", "n", 3L), Map.of("color", "blue", "n", 7L), Map.of(),
            Map.of("color", "red", "n", -2L), Map.of("color", "green", "n", 1.5), Map.of("color", "RED"));

    static final FieldCatalog CATALOG = new FieldCatalog() {
        @Override
        public FieldAccess resolve(String name) {
            return switch (name) {
                case "id" -> new FieldAccess.IntegerColumn(name, "Int64", ordinal -> ID[ordinal], null);
                case "age" -> new FieldAccess.IntegerColumn(name, "Int32", ordinal -> AGE[ordinal],
                        ordinal -> AGE_NULL[ordinal]);
                case "score" -> new FieldAccess.FloatingColumn(name, "Double", ordinal -> SCORE[ordinal], null);
                case "active" -> new FieldAccess.BoolColumn(name, ordinal -> ACTIVE[ordinal], null);
                case "title" -> new FieldAccess.VarCharColumn(name, ordinal -> TITLE[ordinal]);
                case "tags" -> new FieldAccess.ArrayColumn(name, "VarChar", TAGS::get);
                case "nums" -> new FieldAccess.ArrayColumn(name, "Int64", NUMS::get);
                case "meta" -> new FieldAccess.JsonValue(name, META::get);
                case "vector" -> new FieldAccess.Unfilterable(name, "FloatVector(4)");
                case "$meta" -> new FieldAccess.JsonValue(name, DYNAMIC::get);
                default -> new FieldAccess.JsonValue(name, ordinal -> DYNAMIC.get(ordinal).get(name));
            };
        }

        @Override
        public String primaryKeyName() {
            return "id";
        }
    };

    static Stream<Arguments> selections() {
        return Stream.of(
                // typed comparisons, nulls never match
                row("age > 25", 3, 5, 6), row("age <= 20", 1, 2), row("not age > 25", 1, 2, 4),
                row("score >= 2.5", 2, 4, 5), row("score == 0", 3), row("active", 1, 3, 5),
                row("active == false", 2, 4, 6), row("!active", 2, 4, 6), row("title > \"b\"", 2, 4, 5),
                row("age == id * 10", 1, 2, 3), row("score < age", 1, 2, 3, 5, 6),
                // chained ranges
                row("1 < id < 4", 2, 3), row("2 <= id <= 4", 2, 3, 4), row("30 >= age > 10", 2, 3),
                row("-1 < score <= 2.5", 1, 2, 3, 6),
                // arithmetic, folding, unary minus, precedence
                row("id % 2 == 0", 2, 4, 6), row("id * 2 + 1 == 7", 3), row("id - -1 == 3", 2),
                row("age / 20 == 1", 2, 3), row("id ** 2 > 20", 5, 6), row("2 ** 3 ** 2 == 64 and -2 ** 2 == -4", 1, 2, 3, 4, 5, 6),
                row("200 + 300 < id * 100 <= 500 + 100", 6), row("-id < -4", 5, 6), row("age % id == 0", 1, 2, 3, 5),
                row("(id + 1) * 2 == 8", 3), row("score * 2 > 5", 4, 5), row("n * 2 > 5", 1, 2),
                // in / not in on typed columns
                row("age in [10, 40]", 1, 5), row("age not in [10, 40]", 2, 3, 4, 6),
                row("score in [-0.0, 4]", 3, 4), row("title in ['apple', 'grape']", 1, 5), row("id in []"),
                row("active in [false]", 2, 4, 6),
                // like
                row("title like \"ap%\"", 1, 3), row("title like \"%e\"", 1, 5), row("title like \"%an%\"", 2),
                row("title like \"_rape\"", 5), row("title like \"a\\\\_b\\\\%c\"", 6), row("title like \"a_b%c\"", 6),
                row("color like \"r%\"", 1, 4), row("title like \"apple\"", 1),
                // is null, exists
                row("age is null", 4), row("age is not null", 1, 2, 3, 5, 6), row("meta is null", 6),
                row("tags is null", 6), row("title is null"), row("color is not null", 1, 2, 4, 5, 6),
                row("exists meta[\"a\"]", 1, 2, 5), row("exists color", 1, 2, 4, 5, 6),
                row("EXISTS $meta[\"n\"]", 1, 2, 4, 5),
                // JSON paths
                row("meta[\"a\"][\"b\"] == 2", 2, 5), row("meta[\"arr\"][0] == 1", 1), row("meta[\"s\"] like 'h%'", 1),
                row("meta[\"a\"][\"b\"] + 1 == 3", 2, 5), row("nums[0] == 2", 4), row("tags[1] == \"y\"", 1),
                // array and JSON functions
                row("array_contains(tags, \"x\")", 1, 4), row("array_contains_all(nums, [2, 3])", 1),
                row("array_contains_any(nums, [4, 8])", 2, 5), row("array_length(nums) == 0", 3),
                row("array_length(nums) >= 3", 1, 5), row("array_length(meta[\"arr\"]) == 2", 1),
                row("json_contains(meta[\"arr\"], 3)", 2), row("json_contains(meta[\"tags\"], \"q\")", 2, 5),
                row("json_contains_all(meta[\"tags\"], [\"p\", \"q\"])", 2), row("json_contains_any(meta[\"arr\"], [2, 3])", 1, 2),
                row("JSON_CONTAINS(meta[\"arr\"], 2.0)", 1), row("array_contains(nums, 2) and not array_contains(nums, 3)", 4),
                // dynamic keys: a missing key or another type is false, and not flips it
                row("color == \"red\"", 1, 4), row("n > 2", 1, 2), row("not n > 2", 3, 4, 5, 6),
                row("color != \"red\"", 2, 5, 6), row("n in [3, 1.5]", 1, 5),
                // keyword spellings and precedence
                row("id == 1 OR id == 2 AND active", 1), row("(id == 1 || id == 2) && !active", 2),
                row("NOT (id in [1, 2]) and id NOT IN [6]", 3, 4, 5), row("id > 4 or id < 2 and active", 1, 5, 6));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("selections")
    void filterSelectsExactlyTheExpectedRows(String filter, List<Long> expected) {
        CompiledFilter compiled = Filter.compile(filter, CATALOG);
        List<Long> selected = new ArrayList<>();
        for (int ordinal = 0; ordinal < ID.length; ordinal++) {
            if (compiled.test(ordinal)) {
                selected.add(ID[ordinal]);
            }
        }
        assertThat(selected).isEqualTo(expected);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("foo(title)", 1, "unknown function 'foo'"),
                Arguments.of("array_contains(tags)", 1, "takes 2 arguments, got 1"),
                Arguments.of("array_contains(title, 'x')", 1, "needs an Array or JSON field"),
                Arguments.of("array_contains(nums, 'x')", 1, "holds Int64 elements, not string"),
                Arguments.of("array_contains_all(nums, 2)", 1, "needs a list as its second argument"),
                Arguments.of("array_contains(nums, id)", 1, "needs a literal second argument"),
                Arguments.of("array_length(nums)", 1, "expected a boolean expression, found array_length"),
                Arguments.of("array_length(title) == 1", 1, "array_length needs an Array or JSON field"),
                Arguments.of("age like 'a%'", 5, "like needs a VarChar or JSON field"),
                Arguments.of("title like 5", 12, "expected a string pattern after like"),
                Arguments.of("exists title", 1, "exists applies to JSON and dynamic fields"),
                Arguments.of("exists 5", 8, "expected a field after exists"),
                Arguments.of("5 is null", 3, "is null needs a field"),
                Arguments.of("age is nothing", 8, "expected null after is"),
                Arguments.of("nums == 1", 6, "cannot be compared as a whole"),
                Arguments.of("title + 1 == 2", 1, "'+' needs numbers, found VarChar field 'title'"),
                Arguments.of("id / 0 == 1", 4, "divides by zero"),
                Arguments.of("id % (2 - 2) == 1", 4, "divides by zero"),
                Arguments.of("10 ** 400 > 1", 4, "'**' of 10 and 400 has no finite value"),
                Arguments.of("active < true", 8, "cannot order booleans"),
                Arguments.of("1 < id > 3", 8, "chained comparison"),
                Arguments.of("1 < id < 3 < 5", 12, "at most two comparison operators"),
                Arguments.of("id << 2 == 4", 4, "bitwise operator '<<'"),
                Arguments.of("~id == 1", 1, "bitwise operator '~'"),
                Arguments.of("id == -9223372036854775809", 8, "out of the 64-bit range"),
                Arguments.of("id == +9223372036854775808", 8, "out of the 64-bit range"),
                Arguments.of("-title == 1", 1, "unary '-' needs a number, found VarChar field 'title'"),
                Arguments.of("-'a' == 1", 1, "unary '-' applies only to numbers"),
                Arguments.of("age + 1", 5, "expected a boolean expression"),
                Arguments.of("score in ['a']", 11, "cannot compare Double field 'score' with string literal"),
                Arguments.of("tags[\"k\"] == 1", 1, "takes a single [index]"),
                Arguments.of("age[0] == 1", 1, "is not JSON"),
                Arguments.of("1 in [1]", 1, "expected a field before in"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("errors")
    void badFilterFailsWithItsProblemAndPosition(String filter, int position, String problem) {
        assertThatThrownBy(() -> Filter.compile(filter, CATALOG))
                .isInstanceOf(FilterException.class)
                .hasMessageContaining(problem)
                .hasMessageEndingWith(" at position " + position);
    }

    @Test
    void longArithmeticChainsAreRefusedNotOverflowed() {
        for (String filter : List.of("id" + " + id".repeat(20000) + " > 0", "1" + "+1".repeat(20000) + " > 0",
                "id" + " * 1".repeat(5000) + " > 0", "2" + " ** 1".repeat(5000) + " > 0",
                "(".repeat(150) + "id" + " + 1".repeat(100) + ")".repeat(150) + " > 0")) {
            assertThatThrownBy(() -> Filter.compile(filter, CATALOG))
                    .isInstanceOf(FilterException.class)
                    .hasMessageContaining("nested deeper than");
        }
        assertThat(Filter.compile("id" + " + 1".repeat(150) + " == 151", CATALOG).test(0)).isTrue();
    }

    @Test
    void smallestLongIsAValidLiteral() {
        assertThat(Filter.compile("id > -9223372036854775808", CATALOG).test(0)).isTrue();
    }

    @Test
    void primaryKeyInListReportsItsKeysAsCandidates() {
        assertThat(Filter.compile("id in [3, 1, 3]", CATALOG).candidateKeys()).containsExactly(3L, 1L, 3L);
        assertThat(Filter.compile("id == 4", CATALOG).candidateKeys()).containsExactly(4L);
        assertThat(Filter.compile("5 == id", CATALOG).candidateKeys()).containsExactly(5L);
        assertThat(Filter.compile("active and id in [2]", CATALOG).candidateKeys()).containsExactly(2L);
    }

    @Test
    void filtersThatDoNotPinThePrimaryKeyHaveNoCandidates() {
        for (String filter : List.of("id in [1] or active", "id not in [1]", "not id in [1]", "id > 1",
                "id in [1.5]", "age in [10]", "id == id")) {
            assertThat(Filter.compile(filter, CATALOG).candidateKeys()).as(filter).isNull();
        }
        FieldCatalog withoutKeyLookup = CATALOG::resolve;
        assertThat(Filter.compile("id in [1]", withoutKeyLookup).candidateKeys()).isNull();
    }

    @Test
    void runtimeDivisionByZeroIsFalseNotAnError() {
        Map<String, Object> row = new HashMap<>();
        row.put("d", 0L);
        FieldCatalog catalog = name -> name.equals("id")
                ? new FieldAccess.IntegerColumn(name, "Int64", ordinal -> 0L, null)
                : new FieldAccess.JsonValue(name, ordinal -> row.get(name));
        assertThat(Filter.compile("10 / id == 1", catalog).test(0)).isFalse();
        assertThat(Filter.compile("not 10 % id == 1", catalog).test(0)).isTrue();
        assertThat(Filter.compile("10 / d == 1", catalog).test(0)).isFalse();
    }

    @Test
    void integersPast2To53CompareExactlyWithDoubles() {
        long big = (1L << 53) + 1;
        Map<String, Object> dynamic = Map.of("y", big);
        FieldCatalog catalog = name -> name.equals("id")
                ? new FieldAccess.IntegerColumn(name, "Int64", ordinal -> big, null)
                : new FieldAccess.JsonValue(name, ordinal -> dynamic.get(name));
        for (String filter : List.of("id == 9007199254740992.0", "id in [9007199254740992.0, 0.5]",
                "y == 9007199254740992.0", "y in [9007199254740992.0]", "id < 9007199254740992.0")) {
            assertThat(Filter.compile(filter, catalog).test(0)).as(filter).isFalse();
        }
        for (String filter : List.of("id in [9007199254740993, 0.5]", "id > 9007199254740992.0",
                "y == 9007199254740993", "id == 9007199254740993 and id <= 1e300")) {
            assertThat(Filter.compile(filter, catalog).test(0)).as(filter).isTrue();
        }
    }

    @Test
    void floatColumnsMeetConstantsRoundedToFloat() {
        FieldCatalog catalog = name -> new FieldAccess.FloatingColumn(name, name.equals("f") ? "Float" : "Double",
                ordinal -> 0.1f, null);
        assertThat(Filter.compile("f == 0.1", catalog).test(0)).isTrue();
        assertThat(Filter.compile("f in [0.1, 7]", catalog).test(0)).isTrue();
        assertThat(Filter.compile("d == 0.1", catalog).test(0)).isFalse();
    }

    private static Arguments row(String filter, long... expected) {
        return Arguments.of(filter, Arrays.stream(expected).boxed().toList());
    }
}
