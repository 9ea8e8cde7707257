package dev.quiver.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.quiver.expr.ReferenceFilter.Cond;
import dev.quiver.expr.ReferenceFilter.Junction;
import dev.quiver.expr.ReferenceFilter.Not;
import dev.quiver.expr.ReferenceFilter.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded random filters over seeded random rows: each is built by {@link RandomFilters} as a
 * tree covering the whole language (typed columns of every kind, nullable ones, JSON paths,
 * arrays, arithmetic, chained ranges, in, like, is null, exists, the contains functions, and
 * every spelling of and/or/not), rendered to text, compiled by {@link Filter}, and compared row
 * by row with {@link ReferenceFilter}. A few explicit ill-typed shapes must be rejected with the
 * position.
 */
class FilterCrossCheckTest {

    private static final long SEED = 0x5EED_F11E_7E57L;
    private static final int EXPRESSIONS = 12_000;
    private static final int ROWS = 100;

    @Test
    void compiledFiltersAgreeWithTheReferenceEvaluatorOnRandomExpressions() {
        SplittableRandom random = new SplittableRandom(SEED);
        RandomFilters filters = new RandomFilters(random);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(filters.row());
        }
        FieldCatalog catalog = catalog(rows);
        Map<String, Integer> coverage = new TreeMap<>();
        int wellTyped = 0;
        int illTyped = 0;
        long matched = 0;
        for (int e = 0; e < EXPRESSIONS; e++) {
            Cond cond = random.nextInt(12) == 0 ? filters.illTypedFilter() : filters.condition(3);
            String text = filters.render(cond);
            if (ReferenceFilter.rejected(cond)) {
                assertThatThrownBy(() -> Filter.compile(text, catalog)).as("ill-typed filter %s", text)
                        .isInstanceOf(FilterException.class).hasMessageContaining("at position");
                illTyped++;
                continue;
            }
            CompiledFilter compiled = compile(text, catalog);
            List<Object> keys = compiled.candidateKeys();
            for (int ordinal = 0; ordinal < ROWS; ordinal++) {
                Row row = rows.get(ordinal);
                boolean expected = ReferenceFilter.test(cond, row);
                if (test(compiled, ordinal, text, row) != expected) {
                    fail("filter %s on row %d %s: expected %s%s", text, ordinal, row, expected,
                            smallestDisagreement(cond, filters, catalog, ordinal, row));
                }
                if (expected && keys != null && !keys.contains(row.id())) {
                    fail("filter %s matches row %s but its candidate keys are %s", text, row, keys);
                }
                matched += expected ? 1 : 0;
            }
            wellTyped++;
            count((Record) cond, coverage);
        }
        assertThat(wellTyped).isGreaterThanOrEqualTo(10_000);
        assertThat(illTyped).isGreaterThanOrEqualTo(500);
        // the generator must exercise both outcomes, or agreement would prove little
        assertThat(matched).isBetween((long) wellTyped * ROWS / 5, (long) wellTyped * ROWS * 4 / 5);
        // and every kind of node, many times over
        assertThat(coverage.keySet()).containsAll(List.of("Arith", "ArrayLength", "Column", "Compare", "Constant",
                "Contains", "Exists", "In", "IsNull", "JsonPath", "Junction", "Like", "Negate", "Not", "Range", "Truth"));
        assertThat(coverage.values()).allSatisfy(n -> assertThat(n).isGreaterThan(300));
    }

    private static CompiledFilter compile(String text, FieldCatalog catalog) {
        try {
            return Filter.compile(text, catalog);
        } catch (RuntimeException e) {
            throw new AssertionError("well-typed filter rejected: " + text, e);
        }
    }

    private static boolean test(CompiledFilter compiled, int ordinal, String text, Row row) {
        try {
            return compiled.test(ordinal);
        } catch (RuntimeException e) {
            throw new AssertionError("filter " + text + " threw on row " + row, e);
        }
    }

    /** The shortest sub-condition that also disagrees on the row, to make a failure readable. */
    private static String smallestDisagreement(Cond cond, RandomFilters filters, FieldCatalog catalog, int ordinal,
            Row row) {
        List<Cond> parts = new ArrayList<>();
        collect(cond, parts);
        return parts.stream().map(part -> Map.entry(part, filters.render(part)))
                .sorted(Comparator.comparingInt(entry -> entry.getValue().length()))
                .filter(entry -> Filter.compile(entry.getValue(), catalog).test(ordinal)
                        != ReferenceFilter.test(entry.getKey(), row))
                .findFirst()
                .map(entry -> "; smallest disagreeing part: " + entry.getValue() + " (expected "
                        + ReferenceFilter.test(entry.getKey(), row) + ")")
                .orElse("");
    }

    private static void collect(Cond cond, List<Cond> into) {
        into.add(cond);
        if (cond instanceof Junction junction) {
            junction.parts().forEach(part -> collect(part, into));
        } else if (cond instanceof Not not) {
            collect(not.operand(), into);
        }
    }

    /** Counts tree nodes by record name, walking conditions and the values inside them. */
    private static void count(Record node, Map<String, Integer> coverage) {
        coverage.merge(node.getClass().getSimpleName(), 1, Integer::sum);
        for (var component : node.getClass().getRecordComponents()) {
            Object child;
            try {
                child = component.getAccessor().invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (child instanceof Cond || child instanceof ReferenceFilter.Value) {
                count((Record) child, coverage);
            } else if (child instanceof List<?> list) {
                list.stream().filter(Cond.class::isInstance).forEach(part -> count((Record) part, coverage));
            }
        }
    }

    /**
     * Typed columns (id Int64 primary key, age Int32 and score Double and flag Bool nullable
     * through {@code nulls}, name VarChar, tags Array of Int64), a JSON field meta, dynamic
     * fields, and a vector. Readers of null rows return plausible values on purpose, so a filter
     * that forgets the nulls predicate would be caught.
     */
    private static FieldCatalog catalog(List<Row> rows) {
        return new FieldCatalog() {
            @Override
            public FieldAccess resolve(String name) {
                return switch (name) {
                    case "id" -> new FieldAccess.IntegerColumn("id", "Int64", o -> rows.get(o).id(), null);
                    case "age" -> new FieldAccess.IntegerColumn("age", "Int32",
                            o -> rows.get(o).age() == null ? o % 7 : rows.get(o).age(), o -> rows.get(o).age() == null);
                    case "score" -> new FieldAccess.FloatingColumn("score", "Double",
                            o -> rows.get(o).score() == null ? 1.0 : rows.get(o).score(), o -> rows.get(o).score() == null);
                    case "flag" -> new FieldAccess.BoolColumn("flag",
                            o -> rows.get(o).flag() == null || rows.get(o).flag(), o -> rows.get(o).flag() == null);
                    case "name" -> new FieldAccess.VarCharColumn("name", o -> rows.get(o).name());
                    case "tags" -> new FieldAccess.ArrayColumn("tags", "Int64", o -> rows.get(o).tags());
                    case "meta" -> new FieldAccess.JsonValue("meta", o -> rows.get(o).meta());
                    case "$meta" -> new FieldAccess.JsonValue("$meta", o -> rows.get(o).dynamic());
                    case "vec" -> new FieldAccess.Unfilterable("vec", "FloatVector(4)");
                    default -> new FieldAccess.JsonValue(name, o -> rows.get(o).dynamic().get(name));
                };
            }

            @Override
            public String primaryKeyName() {
                return "id";
            }
        };
    }
}
