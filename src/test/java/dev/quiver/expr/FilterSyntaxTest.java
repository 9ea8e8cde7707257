package dev.quiver.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven: each filter, compiled with {@link Filter#compile}, must select exactly the listed
 * ids from six fixed rows. {@code id} is an Int64 column, {@code name} a VarChar column, every other
 * name a dynamic JSON value.
 */
class FilterSyntaxTest {

    private static final long[] IDS = {1, 2, 5, 8, 31, 100};
    private static final String[] NAMES = {"alpha", "beta", "it's", "back\\slash", "line\nbreak", "Alpha"};
    private static final List<Map<String, Object>> DYNAMIC = List.of(
            map("age", 30L, "score", 1.5, "tag", "red", "flag", true, "my-key", 7L,
                    "meta", map("a", map("b", "x"), "arr", List.of(1L, 2L, 3L))),
            map("age", 8L, "score", 0.5, "tag", "blue", "flag", false, "my-key", "7",
                    "meta", map("a", map("b", "y"), "arr", List.of(10L))),
            map("age", "thirty", "tag", "a\"b", "flag", "true", "meta", map("arr", List.of())),
            map(),
            map("age", 1000L, "score", 1000.0, "tag", "A", "meta", map("a", 5L)),
            map("age", 8.0, "score", 2L, "tag", "\u00e9", "flag", true));

    static FieldCatalog catalog(long[] ids, String[] names, List<Map<String, Object>> dynamic) {
        return field -> switch (field) {
            case "id" -> new FieldAccess.IntegerColumn("id", "Int64", ordinal -> ids[ordinal], null);
            case "name" -> new FieldAccess.VarCharColumn("name", ordinal -> names[ordinal]);
            case "vector" -> new FieldAccess.Unfilterable("vector", "FloatVector(4)");
            case "$meta" -> new FieldAccess.JsonValue("$meta", dynamic::get);
            default -> new FieldAccess.JsonValue(field, ordinal -> dynamic.get(ordinal).get(field));
        };
    }

    private static List<Long> select(String filter) {
        IntPredicate predicate = Filter.compile(filter, catalog(IDS, NAMES, DYNAMIC));
        List<Long> selected = new ArrayList<>();
        for (int ordinal = 0; ordinal < IDS.length; ordinal++) {
            if (predicate.test(ordinal)) {
                selected.add(IDS[ordinal]);
            }
        }
        return selected;
    }

    private static Arguments row(String filter, long... expected) {
        return Arguments.of(filter, Arrays.stream(expected).boxed().toList());
    }

    static Stream<Arguments> comparisons() {
        return Stream.of(
                row("id == 5", 5), row("id != 5", 1, 2, 8, 31, 100), row("id < 8", 1, 2, 5),
                row("id <= 8", 1, 2, 5, 8), row("id > 31", 100), row("id >= 31", 31, 100),
                row("5 < id", 8, 31, 100), row("5 >= id", 1, 2, 5), row("8 == id", 8),
                row("31 != id", 1, 2, 5, 8, 100), row("31 <= id", 31, 100), row("2 > id", 1),
                row("id > 4.5", 5, 8, 31, 100), row("id == 5.0", 5), row("id < .5"), row("id >= 1e2", 100),
                row("id==5", 5), row("  id\t>=\n31  ", 31, 100),
                row("1 == 1", IDS), row("1 < 0"), row("1 == 1.0", IDS), row("'a' == \"a\"", IDS),
                row("id == id", IDS), row("id < id"));
    }

    static Stream<Arguments> literals() {
        return Stream.of(
                row("id == 0x1F", 31), row("id == 0X1f", 31), row("id == 0b101", 5), row("id == 0B1", 1),
                row("id == 010", 8), row("id == 0144", 100), row("id == 0"), row("id == 00"),
                row("id in [0x1F, 0b10, 010]", 2, 8, 31),
                row("score == 1.5", 1), row("score < .6", 2), row("score == 1e3", 31), row("score == 1E3", 31),
                row("score == 10e2", 31), row("score == 1.5e0", 1), row("score == 2.0", 100),
                row("score >= 2", 31, 100),
                row("name == \"alpha\"", 1), row("name == 'alpha'", 1), row("name < \"b\"", 1, 100),
                row("name == \"it's\"", 5), row("name == 'it\\'s'", 5), row("name == \"back\\\\slash\"", 8),
                row("name == \"line\\nbreak\"", 31), row("tag == \"a\\\"b\"", 5), row("tag == 'a\"b'", 5),
                row("tag == \"\\x41\"", 31), row("tag == \"\\101\"", 31), row("tag == \"\\u00e9\"", 100),
                row("tag == '\\u00E9'", 100), row("tag == \"\u00e9\"", 100),
                row("flag == true", 1, 100), row("flag == True", 1, 100), row("flag == TRUE", 1, 100),
                row("flag == false", 2), row("flag == False", 2), row("flag == FALSE", 2),
                row("flag == \"true\"", 5), row("flag", 1, 100), row("true", IDS), row("False"));
    }

    static Stream<Arguments> logic() {
        return Stream.of(
                row("id in [1, 5, 99]", 1, 5), row("id not in [1, 5]", 2, 8, 31, 100), row("id in []"),
                row("id not in []", IDS), row("id IN [2]", 2), row("id NOT IN [2]", 1, 5, 8, 31, 100),
                row("name in [\"beta\", 'Alpha']", 2, 100), row("name not in [\"beta\"]", 1, 5, 8, 31, 100),
                row("tag in [\"red\", \"A\"]", 1, 31), row("age in [8]", 2, 100), row("age in [30, \"thirty\"]", 1, 5),
                row("tag not in [\"red\"]", 2, 5, 8, 31, 100), row("nokey in []"), row("nokey not in []", IDS),
                row("id == 1 or id == 2", 1, 2), row("id == 1 || id == 2", 1, 2), row("id == 1 OR id == 2", 1, 2),
                row("id > 1 and id < 8", 2, 5), row("id > 1 && id < 8", 2, 5), row("id > 1 AND id < 8", 2, 5),
                row("not id == 1", 2, 5, 8, 31, 100), row("!(id == 1)", 2, 5, 8, 31, 100),
                row("NOT id == 1", 2, 5, 8, 31, 100), row("not (id == 1 or id == 2)", 5, 8, 31, 100),
                row("not not id == 1", 1), row("!!(id == 1)", 1), row("! flag", 2, 5, 8, 31),
                row("((id == 1))", 1), row("(id == 1)or(id == 2)", 1, 2),
                // and binds tighter than or; not binds tighter than and
                row("id == 1 or id == 2 and id == 5", 1), row("id == 2 and id == 2 or id == 1", 1, 2),
                row("(id == 1 or id == 2) and id == 2", 2), row("not id == 1 and id < 5", 2),
                row("not id == 1 or id == 1", IDS), row("id < 5 and not id in [2] or id == 100", 1, 100),
                row("id > 1 and id < 100 and id != 8 and id != 31", 2, 5),
                row("id == 1 || id == 2 && id == 2 || id == 31", 1, 2, 31));
    }

    static Stream<Arguments> json() {
        return Stream.of(
                row("meta[\"a\"][\"b\"] == \"x\"", 1), row("meta['a']['b'] == \"y\"", 2),
                row("meta[\"arr\"][0] == 1", 1), row("meta[\"arr\"][0] >= 1", 1, 2), row("meta[\"arr\"][2] == 3", 1),
                row("meta[\"arr\"][5] == 3"), row("meta[\"a\"] == 5", 31), row("meta[\"a\"][\"b\"] == 5"),
                row("meta[\"arr\"][0][\"x\"] == 1"), row("meta[0] == 1"),
                row("$meta[\"my-key\"] == 7", 1), row("$meta[\"my-key\"] == \"7\"", 2), row("$meta['age'] == 30", 1),
                row("$meta[\"meta\"][\"a\"] == 5", 31), row("$meta[\"nokey\"] == 1"),
                row("age == 30", 1), row("age == 8", 2, 100), row("age > 10", 1, 31), row("age < 10", 2, 100),
                row("age != 30", 2, 31, 100), row("age > \"a\"", 5), row("age == true"),
                row("nokey == 1"), row("nokey != 1"), row("not nokey == 1", IDS), row("flag < true"),
                row("score == 2", 100), row("age == score", 31), row("age > id", 1, 2, 31), row("id < age", 1, 2, 31),
                row("id == age"), row("name == tag"), row("30 == age", 1), row("\"x\" == meta[\"a\"][\"b\"]", 1));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource({"comparisons", "literals", "logic", "json"})
    void filterSelectsExactlyTheExpectedRows(String filter, List<Long> expected) {
        assertThat(select(filter)).as(filter).containsExactlyElementsOf(expected);
    }

    @Test
    void compiledPredicateIsReusableAcrossRows() {
        IntPredicate predicate = Filter.compile("id > 1 and tag != \"A\"", catalog(IDS, NAMES, DYNAMIC));

        assertThat(predicate.test(1)).isTrue();
        assertThat(predicate.test(4)).isFalse();
        assertThat(predicate.test(1)).isTrue();
    }

    @Test
    void negativeZeroInJsonEqualsZero() {
        // IEEE 754 (and Milvus's C++ ==) treat -0.0 and 0 as equal; a JSON body may hold -0.0
        List<Map<String, Object>> rows = List.of(map("x", -0.0), map("x", 0.0), map("x", 0L));
        FieldCatalog catalog = catalog(new long[] {1, 2, 3}, new String[] {"a", "b", "c"}, rows);

        for (String filter : List.of("x == 0", "x == 0.0", "x >= 0", "x <= 0", "not x < 0", "not x != 0")) {
            IntPredicate predicate = Filter.compile(filter, catalog);
            assertThat(predicate.test(0)).as("-0.0 under %s", filter).isEqualTo(predicate.test(1));
            assertThat(predicate.test(0)).as("-0.0 under %s", filter).isTrue();
        }
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
