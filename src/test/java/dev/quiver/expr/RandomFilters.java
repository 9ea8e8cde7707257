package dev.quiver.expr;

import dev.quiver.expr.ReferenceFilter.Arith;
import dev.quiver.expr.ReferenceFilter.ArrayLength;
import dev.quiver.expr.ReferenceFilter.Column;
import dev.quiver.expr.ReferenceFilter.Compare;
import dev.quiver.expr.ReferenceFilter.Cond;
import dev.quiver.expr.ReferenceFilter.Constant;
import dev.quiver.expr.ReferenceFilter.Contains;
import dev.quiver.expr.ReferenceFilter.Exists;
import dev.quiver.expr.ReferenceFilter.IllTyped;
import dev.quiver.expr.ReferenceFilter.In;
import dev.quiver.expr.ReferenceFilter.IsNull;
import dev.quiver.expr.ReferenceFilter.JsonPath;
import dev.quiver.expr.ReferenceFilter.Junction;
import dev.quiver.expr.ReferenceFilter.Like;
import dev.quiver.expr.ReferenceFilter.Negate;
import dev.quiver.expr.ReferenceFilter.Not;
import dev.quiver.expr.ReferenceFilter.Range;
import dev.quiver.expr.ReferenceFilter.Row;
import dev.quiver.expr.ReferenceFilter.Truth;
import dev.quiver.expr.ReferenceFilter.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Seeded random rows and well-typed filter trees (plus a few explicit ill-typed shapes) for
 * {@link FilterCrossCheckTest}. Operands are drawn by static type so typed comparisons stay
 * legal: numbers with numbers, VarChar with strings, Bool with booleans by == and !=, and JSON
 * values with anything. Values are small so they collide often, except for some Int64 keys and
 * integer constants just past 2^53, where integer comparisons must stay exact.
 */
final class RandomFilters {

    static final String[] STRINGS = {"red", "blue", "re", "a\"b", "it's", "\u00e9t\u00e9", "", "x\\y",
        "line\nbreak", "A", "50%_off", "abab"};
    /** Integers from here on are no longer all exact as doubles: 2^53 + 1 rounds to 2^53. */
    static final long BIG = 1L << 53;
    private static final String[] OPS = {"==", "!=", "<", "<=", ">", ">="};
    private static final String[] ARITHMETIC = {"+", "-", "*", "/", "%", "**"};
    private static final Value[] NUMBER_COLUMNS = {new Column("id"), new Column("age"), new Column("score")};
    private static final JsonPath[] NUMBER_JSON = {json("x"), json("$meta", "x"), json("$meta", "my-key"),
        json("meta", "k"), json("meta", "a", "b"), json("meta", "arr", 0), json("meta", "arr", 1), json("tags", 0),
        json("tags", 2), json("arr", 0)};
    private static final JsonPath[] TEXT_JSON = {json("s"), json("$meta", "s"), json("meta", "s"),
        json("meta", "a", "b"), json("x")};
    private static final JsonPath[] BOOL_JSON = {json("b"), json("$meta", "b"), json("meta", "k"), json("meta", "a", "b")};
    private static final JsonPath[] LIST_JSON = {json("meta", "arr"), json("arr"), json("$meta", "arr"),
        json("meta", "a"), json("x")};

    private final SplittableRandom random;

    RandomFilters(SplittableRandom random) {
        this.random = random;
    }

    private static JsonPath json(String root, Object... path) {
        return new JsonPath(root, List.of(path));
    }

    // ---- rows ----

    Row row() {
        List<Object> tags = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            tags.add((long) random.nextInt(10));
        }
        Map<String, Object> meta = new HashMap<>();
        putMaybe(meta, "k", scalar());
        putMaybe(meta, "s", random.nextInt(3) == 0 ? scalar() : pick(STRINGS));
        putMaybe(meta, "a", random.nextInt(4) == 0 ? scalar() : new HashMap<>(Map.of("b", scalar())));
        putMaybe(meta, "arr", list());
        Map<String, Object> dynamic = new HashMap<>();
        putMaybe(dynamic, "x", random.nextInt(8) == 0 ? list() : scalar());
        putMaybe(dynamic, "s", random.nextInt(4) == 0 ? scalar() : pick(STRINGS));
        putMaybe(dynamic, "b", random.nextInt(5) == 0 ? scalar() : (Object) random.nextBoolean());
        putMaybe(dynamic, "my-key", scalar());
        putMaybe(dynamic, "arr", list());
        long id = random.nextInt(8) == 0 ? BIG + random.nextInt(3) : random.nextInt(20);
        return new Row(id, nullable((long) random.nextInt(-3, 16)), nullable(number()), nullable(random.nextBoolean()),
                nullable(pick(STRINGS)), nullable(tags), random.nextInt(8) == 0 ? null : meta, dynamic);
    }

    private <T> T nullable(T value) {
        return random.nextInt(7) == 0 ? null : value;
    }

    private void putMaybe(Map<String, Object> map, String key, Object value) {
        if (random.nextInt(6) != 0) {
            map.put(key, value);
        }
    }

    private List<Object> list() {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            list.add(random.nextInt(3) == 0 ? scalar() : (Object) (long) random.nextInt(10));
        }
        return list;
    }

    private Object scalar() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> (long) random.nextInt(-3, 13);
            case 2 -> number();
            case 3 -> pick(STRINGS);
            case 4 -> random.nextBoolean();
            default -> (double) random.nextInt(0, 10);
        };
    }

    /** Multiples of 1/4 (exact in binary, so every spelling parses to the same double); now and then -0.0. */
    private Double number() {
        return random.nextInt(40) == 0 ? -0.0 : random.nextInt(-12, 60) / 4.0;
    }

    private Object numberConstant() {
        return switch (random.nextInt(30)) {
            case 0 -> BIG + random.nextInt(3);
            case 1, 2, 3, 4, 5, 6, 7, 8, 9 -> number();
            default -> (long) random.nextInt(-3, 13);
        };
    }

    // ---- conditions ----

    Cond condition(int depth) {
        int choice = random.nextInt(depth <= 0 ? 20 : 27);
        if (choice >= 20) {
            List<Cond> parts = new ArrayList<>();
            for (int i = random.nextInt(2, 4); i > 0; i--) {
                parts.add(condition(depth - 1));
            }
            return choice >= 25 ? new Not(parts.get(0)) : new Junction(choice < 23, parts);
        }
        return switch (choice) {
            case 0, 1, 2, 3 -> compare();
            case 4, 5 -> range();
            case 6, 7, 8 -> in();
            case 9, 10 -> new Like(pick(new Value[] {new Column("name"), pick(TEXT_JSON), json("$meta", "my-key")}),
                    likePattern());
            case 11, 12 -> new IsNull(pick(new Value[] {new Column("id"), new Column("age"), new Column("score"),
                new Column("flag"), new Column("name"), new Column("tags"), json("meta"), pick(NUMBER_JSON),
                pick(LIST_JSON)}), random.nextBoolean());
            case 13 -> new Exists(pick(random.nextBoolean() ? NUMBER_JSON : LIST_JSON));
            case 14, 15, 16 -> contains();
            case 17 -> new Truth(pick(new Value[] {new Column("flag"), pick(BOOL_JSON),
                new Constant(random.nextBoolean())}));
            case 18 -> new Compare(pick(OPS), numberish(1), new ArrayLength(pick(new Value[] {
                new Column("tags"), json("meta", "arr"), json("arr")})));
            default -> compare();
        };
    }

    private Cond compare() {
        Value left;
        Value right;
        String op = pick(OPS);
        switch (random.nextInt(4)) {
            case 0 -> {
                left = numberish(2);
                right = random.nextBoolean() ? new Constant(numberConstant()) : numberish(2);
            }
            case 1 -> {
                left = pick(new Value[] {new Column("name"), pick(TEXT_JSON)});
                right = random.nextBoolean() ? new Constant(pick(STRINGS))
                        : pick(new Value[] {new Column("name"), pick(TEXT_JSON)});
            }
            case 2 -> {
                op = pick("==", "!=");
                left = pick(new Value[] {new Column("flag"), pick(BOOL_JSON)});
                right = pick(new Value[] {new Column("flag"), pick(BOOL_JSON), new Constant(random.nextBoolean())});
            }
            default -> {
                left = random.nextBoolean() ? pick(NUMBER_JSON) : jsonArithmetic();
                right = pick(new Value[] {new Constant(scalar()), new Column("name"), new Column("flag"), numberish(1),
                    pick(TEXT_JSON), pick(BOOL_JSON), json("meta", "a")});
            }
        }
        return random.nextBoolean() ? new Compare(op, left, right) : new Compare(op, right, left);
    }

    /** Constant bounds come in the operators' direction (mostly), or the range would rarely hold. */
    private Cond range() {
        boolean ascending = random.nextBoolean();
        String[] ops = ascending ? new String[] {"<", "<="} : new String[] {">", ">="};
        if (random.nextInt(4) == 0) {
            String[] bounds = {pick(STRINGS), pick(STRINGS)};
            if (ascending == bounds[0].compareTo(bounds[1]) > 0) {
                bounds = new String[] {bounds[1], bounds[0]};
            }
            return new Range(new Constant(bounds[0]), pick(ops), pick(new Value[] {new Column("name"), pick(TEXT_JSON)}),
                    pick(ops), new Constant(bounds[1]));
        }
        Object[] bounds = {numberConstant(), numberConstant()};
        if (random.nextInt(5) != 0
                && ascending == ((Number) bounds[0]).doubleValue() > ((Number) bounds[1]).doubleValue()) {
            bounds = new Object[] {bounds[1], bounds[0]};
        }
        Value low = random.nextInt(4) == 0 ? numberish(1) : new Constant(bounds[0]);
        Value high = random.nextInt(4) == 0 ? numberish(1) : new Constant(bounds[1]);
        return new Range(low, pick(ops), field(numberish(2)), pick(ops), high);
    }

    private Cond in() {
        Value target;
        int kind = random.nextInt(5);
        target = switch (kind) {
            case 0, 1 -> field(numberish(2));
            case 2 -> new Column("name");
            case 3 -> new Column("flag");
            default -> random.nextBoolean() ? pick(NUMBER_JSON) : pick(TEXT_JSON);
        };
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            list.add(switch (kind) {
                case 0, 1 -> numberConstant();
                case 2 -> pick(STRINGS);
                case 3 -> random.nextBoolean();
                default -> scalar();
            });
        }
        return new In(target, list, random.nextBoolean());
    }

    private Cond contains() {
        String function = pick("json_contains", "array_contains") + pick("", "_all", "_any");
        boolean tags = random.nextBoolean();
        Value target = tags ? new Column("tags") : pick(LIST_JSON);
        if (function.endsWith("_all") || function.endsWith("_any")) {
            List<Object> wanted = new ArrayList<>();
            for (int i = random.nextInt(random.nextInt(6) == 0 ? 0 : 1, 4); i > 0; i--) {
                wanted.add(tags ? (Object) (long) random.nextInt(10) : containedScalar());
            }
            return new Contains(function, target, wanted);
        }
        return new Contains(function, target, tags ? (Object) (long) random.nextInt(10) : containedScalar());
    }

    private Object containedScalar() {
        return random.nextBoolean() ? (Object) (long) random.nextInt(10) : scalar();
    }

    /**
     * A numeric expression: typed columns, constants, array_length, JSON values, + - * / % **
     * and unary minus. Constant divisors are never zero and constant parts never overflow, since
     * the compiler folds them and rejects such filters.
     */
    Value numberish(int depth) {
        if (depth > 0 && random.nextInt(5) < 2) {
            if (random.nextInt(5) == 0) {
                return new Negate(numberish(depth - 1));
            }
            String op = pick(ARITHMETIC);
            Value left = numberish(depth - 1);
            Value right = op.equals("**") ? pick(new Value[] {new Constant((long) random.nextInt(-2, 4)),
                new Constant(random.nextInt(-4, 8) / 2.0), numberish(0)}) : numberish(depth - 1);
            if (isConstant(right) && (op.equals("/") || op.equals("%"))
                    && ((Number) ReferenceFilter.value(right, null)).doubleValue() == 0) {
                right = new Constant((long) random.nextInt(1, 5));
            }
            Arith arith = new Arith(op, left, right);
            boolean foldFails = isConstant(arith) && ReferenceFilter.value(arith, null) == null;
            return foldFails ? new Arith(op, left, new Constant(1L)) : arith;
        }
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> new Constant(numberConstant());
            case 3, 4, 5, 6 -> pick(NUMBER_COLUMNS);
            case 7 -> new ArrayLength(pick(new Value[] {new Column("tags"), pick(LIST_JSON)}));
            default -> pick(NUMBER_JSON);
        };
    }

    private Value jsonArithmetic() {
        Value value = new Arith(pick(ARITHMETIC), pick(NUMBER_JSON), random.nextBoolean()
                ? new Constant((long) random.nextInt(1, 4)) : pick(NUMBER_COLUMNS));
        return random.nextBoolean() ? value : new Arith(pick("+", "-", "*"), numberish(1), value);
    }

    /** The value, or a column when it is constant: in and ranges need a field. */
    private Value field(Value value) {
        return isConstant(value) ? pick(NUMBER_COLUMNS) : value;
    }

    static boolean isConstant(Value value) {
        if (value instanceof Arith arith) {
            return isConstant(arith.left()) && isConstant(arith.right());
        }
        if (value instanceof Negate negate) {
            return isConstant(negate.operand());
        }
        return value instanceof Constant;
    }

    /** Exact, prefix, suffix, infix, middle, {@code _} and bare-wildcard patterns cut from a sample string. */
    private String likePattern() {
        String source = pick(STRINGS);
        int i = random.nextInt(source.length() + 1);
        int j = random.nextInt(i, source.length() + 1);
        return switch (random.nextInt(8)) {
            case 0 -> escape(source);
            case 1 -> escape(source.substring(0, i)) + "%";
            case 2 -> "%" + escape(source.substring(i));
            case 3 -> "%" + escape(source.substring(i, j)) + "%";
            case 4 -> escape(source.substring(0, i)) + "%" + escape(source.substring(j));
            case 5 -> escape(source.substring(0, i)) + "_" + escape(source.substring(Math.min(i + 1, source.length())));
            case 6 -> escape(source.substring(0, i)) + pick("_%", "%_", "__", "%_%") + escape(source.substring(j));
            default -> pick("%", "_", "%%", "_%_", "", "___");
        };
    }

    /** Escapes % _ and backslash with a backslash, but now and then leaves one raw. */
    private String escape(String literal) {
        StringBuilder text = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ((c == '%' || c == '_' || c == '\\') && random.nextInt(4) != 0) {
                text.append('\\');
            }
            text.append(c);
        }
        return text.toString();
    }

    // ---- ill-typed filters ----

    /** An explicit ill-typed shape, alone, negated, or joined to well-typed conditions. */
    Cond illTypedFilter() {
        Cond bad = new IllTyped(illTypedText());
        return switch (random.nextInt(4)) {
            case 0 -> bad;
            case 1 -> new Not(bad);
            default -> {
                List<Cond> parts = new ArrayList<>(List.of(condition(1), bad));
                Collections.shuffle(parts, new Random(random.nextLong()));
                yield new Junction(random.nextBoolean(), parts);
            }
        };
    }

    private String illTypedText() {
        String number = pick("age", "id", "score");
        String n = Long.toString(random.nextInt(1, 9));
        return switch (random.nextInt(20)) {
            case 0 -> "name " + pick(OPS) + " " + n;
            case 1 -> pick(number, "array_length(tags)") + " " + pick(OPS) + " " + quote(pick(STRINGS));
            case 2 -> pick(number, "flag") + pick(" like ", " LIKE ") + quote(likePattern());
            case 3 -> "flag " + pick("<", "<=", ">", ">=") + " " + pick("true", "False");
            case 4 -> "name " + pick(ARITHMETIC) + " " + n + " > " + n;
            case 5 -> pick("exists ", "EXISTS ") + pick(number, "name", "flag", "tags");
            case 6 -> pick(number, "name", "tags", "age + 1", "array_length(tags)");
            case 7 -> pick("tags " + pick(OPS) + " " + n, "tags in [" + n + "]", "tags[\"a\"] == 1", "name['k'] == 'a'");
            case 8 -> {
                String element = pick(quote(pick(STRINGS)), "1.5", "true");
                yield pick("array_contains(tags, " + element + ")", "json_contains(tags, " + element + ")",
                        "array_contains_any(tags, [1, " + element + "])");
            }
            case 9 -> pick("array_contains_all", "json_contains_any") + "(" + pick("tags", "meta[\"arr\"]") + ", " + n + ")";
            case 10 -> pick("json_contains", "array_contains") + "(" + pick(number, "name", "flag") + ", " + n + ")";
            case 11 -> pick("array_length(tags, 1) == 1", "json_contains(meta[\"arr\"])", "array_contains(tags, 1, 2)",
                    "array_length() > 0");
            case 12 -> pick("arr_len(tags) == 1", "contains(tags, 1)", "nope(age)");
            case 13 -> pick(number, "x", "meta[\"k\"]") + " " + pick("/", "%") + " " + pick("0", "0.0", "(2 - 2)")
                    + " > 1";
            case 14 -> pick(number + " in [1, " + quote(pick(STRINGS)) + "]", "flag in [" + n + "]", "name in [" + n + "]");
            case 15 -> pick(n + " in [1, 2]", quote(pick(STRINGS)) + " not in [\"a\"]");
            case 16 -> pick(n + " == " + quote(pick(STRINGS)), "true < false", "'a' > " + n);
            case 17 -> pick(n, "'a'") + pick(" is null", " IS NOT NULL");
            case 18 -> pick("1 < " + number + " == 2", number + " < 1 < 2 < 3", "1 < " + number + " > 0");
            default -> pick("json_contains(meta[\"arr\"], age)", "vec " + pick(OPS) + " 1", "age == true",
                    "array_contains_all(tags, [1, " + quote(pick(STRINGS)) + "])");
        };
    }

    // ---- rendering: one tree, many spellings ----

    String render(Cond cond) {
        if (cond instanceof Junction junction) {
            int precedence = junction.and() ? 2 : 1;
            StringBuilder text = new StringBuilder(child(junction.parts().get(0), precedence));
            for (Cond part : junction.parts().subList(1, junction.parts().size())) {
                text.append(junction.and() ? pick(" and ", " && ", " AND ", "&&") : pick(" or ", " || ", " OR ", "||"))
                        .append(child(part, precedence));
            }
            return text.toString();
        }
        if (cond instanceof Not not) {
            return pick("not ", "NOT ", "!", "! ") + child(not.operand(), 3);
        }
        if (cond instanceof Compare compare) {
            return render(compare.left()) + space() + compare.op() + space() + render(compare.right());
        }
        if (cond instanceof Range range) {
            return render(range.low()) + space() + range.op1() + space() + render(range.middle()) + space()
                    + range.op2() + space() + render(range.high());
        }
        if (cond instanceof In in) {
            String keyword = in.negated() ? pick(" not in ", " NOT IN ") : pick(" in ", " IN ");
            List<String> items = in.list().stream().map(this::literal).toList();
            return render(in.target()) + keyword + "[" + String.join(pick(", ", ","), items) + "]";
        }
        if (cond instanceof Like like) {
            return render(like.target()) + pick(" like ", " LIKE ") + quote(like.pattern());
        }
        if (cond instanceof IsNull isNull) {
            String keyword = isNull.negated() ? " is not null" : " is null";
            return render(isNull.target()) + (random.nextBoolean() ? keyword : keyword.toUpperCase());
        }
        if (cond instanceof Exists exists) {
            return pick("exists ", "EXISTS ") + render(exists.target());
        }
        if (cond instanceof Contains contains) {
            String argument = contains.argument() instanceof List<?> list
                    ? "[" + String.join(", ", list.stream().map(this::literal).toList()) + "]"
                    : literal(contains.argument());
            String function = random.nextBoolean() ? contains.function() : contains.function().toUpperCase();
            return function + "(" + render(contains.target()) + "," + space() + argument + ")";
        }
        if (cond instanceof Truth truth) {
            return render(truth.value());
        }
        return ((IllTyped) cond).text();
    }

    /** Boolean precedence: 1 or, 2 and, 3 not, 4 a predicate. Extra parentheses now and then. */
    private String child(Cond child, int parentPrecedence) {
        int precedence = child instanceof Junction junction ? (junction.and() ? 2 : 1) : child instanceof Not ? 3 : 4;
        String text = render(child);
        return precedence < parentPrecedence || random.nextInt(8) == 0 ? "(" + text + ")" : text;
    }

    String render(Value value) {
        if (value instanceof Column column) {
            return column.name();
        }
        if (value instanceof JsonPath json) {
            StringBuilder text = new StringBuilder(json.root());
            for (Object step : json.path()) {
                text.append('[').append(step instanceof String key ? quote(key) : step.toString()).append(']');
            }
            return text.toString();
        }
        if (value instanceof Constant constant) {
            return literal(constant.value());
        }
        if (value instanceof ArrayLength length) {
            return pick("array_length(", "ARRAY_LENGTH(") + render(length.target()) + ")";
        }
        if (value instanceof Negate negate) {
            return "-" + pick("", " ") + operand(negate.operand(), precedence(negate.operand()) < 4);
        }
        Arith arith = (Arith) value;
        int precedence = precedence(arith);
        // '**' chains and a signed base of '**' parse differently in Milvus's grammar and ours: always parenthesise
        boolean power = arith.op().equals("**");
        return operand(arith.left(), power ? precedence(arith.left()) <= 4 : precedence(arith.left()) < precedence)
                + space() + arith.op() + space() + operand(arith.right(), precedence(arith.right()) <= precedence);
    }

    private String operand(Value value, boolean parenthesise) {
        String text = render(value);
        return parenthesise || random.nextInt(10) == 0 ? "(" + text + ")" : text;
    }

    /** Arithmetic precedence: 1 + -, 2 * / %, 3 **, 4 unary minus or a negative literal, 5 a primary. */
    private static int precedence(Value value) {
        if (value instanceof Arith arith) {
            return switch (arith.op()) {
                case "+", "-" -> 1;
                case "**" -> 3;
                default -> 2;
            };
        }
        if (value instanceof Negate) {
            return 4;
        }
        return value instanceof Constant constant && constant.value() instanceof Number n
                && Math.copySign(1.0, n.doubleValue()) < 0 ? 4 : 5;
    }

    private String space() {
        return switch (random.nextInt(20)) {
            case 0, 1, 2, 3, 4 -> "";
            case 5 -> pick("\t", "\n", "  ");
            default -> " ";
        };
    }

    private String literal(Object value) {
        if (value instanceof Long n) {
            if (n < 0) {
                return "-" + literal(-n);
            }
            return switch (random.nextInt(6)) {
                case 0 -> "0x" + Long.toHexString(n);
                case 1 -> "0b" + Long.toBinaryString(n);
                case 2 -> "0" + Long.toOctalString(n);
                default -> Long.toString(n);
            };
        }
        if (value instanceof Double d) {
            if (Math.copySign(1.0, d) < 0) {
                return "-" + literal(-d);
            }
            String plain = Double.toString(d);
            return switch (random.nextInt(3)) {
                case 0 -> plain.startsWith("0.") ? plain.substring(1) : plain;
                case 1 -> (long) (d * 100) + "e-2";
                default -> plain;
            };
        }
        if (value instanceof Boolean b) {
            return pick(b.toString(), b ? "True" : "False", b.toString().toUpperCase());
        }
        return quote((String) value);
    }

    /** Double or single quotes, escaping the quote, backslash and newline, and now and then \\u, \\x or octal. */
    String quote(String value) {
        char quote = random.nextBoolean() ? '"' : '\'';
        StringBuilder text = new StringBuilder().append(quote);
        for (char c : value.toCharArray()) {
            if (c == quote || c == '\\') {
                text.append('\\').append(c);
            } else if (c == '\n') {
                text.append("\\n");
            } else if (c > 127 || random.nextInt(10) == 0) {
                text.append(switch (random.nextInt(c > 127 ? 2 : 4)) {
                    case 0 -> String.format("\\u%04x", (int) c);
                    case 1 -> String.valueOf(c);
                    case 2 -> String.format("\\x%02x", (int) c);
                    default -> String.format("\\%03o", (int) c);
                });
            } else {
                text.append(c);
            }
        }
        return text.append(quote).toString();
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
