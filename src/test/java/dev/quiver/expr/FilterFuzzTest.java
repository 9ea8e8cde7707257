package dev.quiver.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;

/**
 * Grammar-agnostic fuzz test of {@link Filter#compile}: whatever the text, compiling either
 * succeeds, giving a filter whose candidate keys and whose test of every row come without
 * throwing, or fails with a {@link QuiverException} of code 1100 whose message names a position.
 * Anything else (a StackOverflowError, a NumberFormatException, an ArithmeticException, ...) is a
 * bug. The test knows nothing of the grammar, so it keeps working as operators and functions are
 * added; only the catalog below follows {@link FieldAccess}.
 *
 * <p>In {@code ./mvnw verify} (JAZZER_FUZZ unset) this only replays the regression inputs, one
 * file each, in {@code src/test/resources/dev/quiver/expr/FilterFuzzTestInputs/compile/} (Jazzer's
 * {@code <TestClass>Inputs/<testMethod>/} convention); no fuzzing happens in CI. A file holds the
 * filter text in UTF-8, except that characters beyond U+FFFF must be written as CESU-8 surrogate
 * pairs, which is how the FuzzedDataProvider decodes strings.
 *
 * <p>To fuzz locally for {@code maxDuration} below (then it stops by itself):
 * <pre>
 *   JAZZER_FUZZ=1 ./mvnw test -Dtest=FilterFuzzTest
 * </pre>
 * Jazzer 0.24 has no command-line switch for the duration: change {@code maxDuration} (or add
 * {@code maxExecutions}) on the annotation for a longer or shorter run. Only one fuzz test may run
 * per fuzzing JVM, hence {@code -Dtest}. A crashing input is written into the inputs directory
 * above (so it replays in every later build: fix the bug, or move the file out), and the corpus
 * the fuzzer grows goes to {@code .cifuzz-corpus/} in the project root, which is not to be
 * committed.
 */
class FilterFuzzTest {

    /** Longer inputs are cut; 4 KB is far beyond any real filter and keeps executions fast. */
    private static final int MAX_LENGTH = 4096;

    // Five rows; each column has odd values (extremes, -0.0, empty, null) somewhere.
    private static final long[] IDS = {1, -7, Long.MAX_VALUE, Long.MIN_VALUE, 0};
    private static final long[] AGES = {30, 0, Integer.MAX_VALUE, Integer.MIN_VALUE, -1};
    private static final double[] SCORES = {0.5, -0.0, 3.4e38, -1e-300, 0};
    private static final boolean[] FLAGS = {true, false, true, false, true};
    private static final String[] TAGS = {"red", "", "\u00e9t\u00e9", null, "x\\y%_"};
    private static final List<List<Object>> ARRAYS =
            Arrays.asList(List.of(1L, 2L, 3L), List.of(), null, List.of(Long.MIN_VALUE, Long.MAX_VALUE), List.of(0L));
    private static final List<Map<String, Object>> DYNAMIC = dynamicRows();

    /**
     * Shaped like a collection with dynamic fields on: an Int64 primary key {@code id}, nullable
     * scalar columns {@code age} (Int32, null in row 1), {@code score} (Double, null in row 4),
     * {@code flag} (Bool, null in row 2) and {@code tag} (VarChar, null in row 3), an Int64 Array
     * {@code arr} (null in row 2), an unfilterable vector field, {@code $meta} as the whole dynamic
     * object, and every other name a dynamic JSON value (null when a row lacks it).
     */
    private static final FieldCatalog CATALOG = new FieldCatalog() {
        @Override
        public FieldAccess resolve(String name) {
            return switch (name) {
                case "id" -> new FieldAccess.IntegerColumn(name, "Int64", ordinal -> IDS[ordinal], null);
                case "age" -> new FieldAccess.IntegerColumn(name, "Int32", ordinal -> AGES[ordinal], nullIn(1));
                case "score" -> new FieldAccess.FloatingColumn(name, "Double", ordinal -> SCORES[ordinal], nullIn(4));
                case "flag" -> new FieldAccess.BoolColumn(name, ordinal -> FLAGS[ordinal], nullIn(2));
                case "tag" -> new FieldAccess.VarCharColumn(name, ordinal -> TAGS[ordinal]);
                case "arr" -> new FieldAccess.ArrayColumn(name, "Int64", ARRAYS::get);
                case "vector" -> new FieldAccess.Unfilterable(name, "FloatVector(4)");
                case "$meta" -> new FieldAccess.JsonValue(name, DYNAMIC::get);
                default -> new FieldAccess.JsonValue(name, ordinal -> {
                    Map<String, Object> fields = DYNAMIC.get(ordinal);
                    return fields == null ? null : fields.get(name);
                });
            };
        }

        /** Offers key lookup, so filters pinning {@code id} report candidate keys. */
        @Override
        public String primaryKeyName() {
            return "id";
        }
    };

    /**
     * Replaying needs no instrumentation, and in Surefire's shared JVM Jazzer's agent would
     * retransform the application classes other tests had already loaded: seen to cost Spring
     * the parameter names it binds {@code ApiProperties} by, failing every later context. So
     * replay with Jazzer's hooks off unless fuzzing, or unless jazzer.hooks is set explicitly.
     * Runs before Jazzer reads the option, which it does when it first supplies an input.
     */
    @BeforeAll
    static void noInstrumentationWhenReplaying() {
        boolean fuzzing = isTrue(System.getenv("JAZZER_FUZZ")) || isTrue(System.getProperty("JAZZER_FUZZ"));
        if (!fuzzing && System.getProperty("jazzer.hooks") == null && System.getenv("JAZZER_HOOKS") == null) {
            System.setProperty("jazzer.hooks", "false");
        }
    }

    /** Jazzer's own reading of JAZZER_FUZZ. */
    private static boolean isTrue(String value) {
        return "1".equals(value) || "true".equalsIgnoreCase(value) || "yes".equalsIgnoreCase(value);
    }

    @FuzzTest(maxDuration = "2m")
    void compile(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
        }
        CompiledFilter filter;
        try {
            filter = Filter.compile(text, CATALOG);
            filter.candidateKeys();
        } catch (QuiverException e) {
            assertThat(e.errorCode()).as("error code for %s", quoted(text)).isEqualTo(ErrorCode.INVALID_PARAMETER);
            assertThat(e.getMessage()).as("message for %s", quoted(text)).contains("at position");
            return;
        } catch (Throwable t) {
            // Surefire names a replayed input only by its index, so say which text failed.
            throw new AssertionError("Filter.compile threw " + t + " for " + quoted(text), t);
        }
        for (int ordinal = 0; ordinal < IDS.length; ordinal++) {
            try {
                filter.test(ordinal);
            } catch (Throwable t) {
                throw new AssertionError("the filter threw " + t + " on row " + ordinal + " for " + quoted(text), t);
            }
        }
    }

    private static IntPredicate nullIn(int row) {
        return ordinal -> ordinal == row;
    }

    /** The text as a Java literal, so a failure message can be pasted into a test. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    private static List<Map<String, Object>> dynamicRows() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("k", true);
        nested.put("n", 2.5);
        nested.put("arr", List.of(1L, "two", List.of(3L)));

        Map<String, Object> full = new HashMap<>();
        full.put("a", 1L);
        full.put("b", "x");
        full.put("c", List.of(1L, 2.5, "s", false));
        full.put("d", nested);
        full.put("f", -0.0);
        full.put("t", true);

        Map<String, Object> other = new HashMap<>();
        other.put("a", 2.5);
        other.put("b", 3L);
        other.put("c", "not a list");
        other.put("d", List.of());
        other.put("t", "true");

        Map<String, Object> extremes = new HashMap<>();
        extremes.put("a", Long.MIN_VALUE);
        extremes.put("b", Double.MAX_VALUE);
        extremes.put("c", new ArrayList<>(Arrays.asList(null, 1L)));
        extremes.put("d", Map.of());

        // The last row has no dynamic fields at all, as a row inserted without them.
        return Arrays.asList(full, other, extremes, Map.of(), null);
    }
}
