package dev.quiver.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Seeded random expressions over seeded random rows: each is built here as a tree, rendered to
 * filter text in randomly chosen spellings, compiled by {@link Filter}, and compared row by row
 * with the tree's own evaluation (the reference semantics below).
 */
class FilterCrossCheckTest {

    private static final int EXPRESSIONS = 2_500;
    private static final int ROWS = 120;
    private static final String[] STRINGS =
            {"red", "blue", "a\"b", "it's", "\u00e9t\u00e9", "", "x\\y", "line\nbreak", "A"};
    private static final String[] OPS = {"==", "!=", "<", "<=", ">", ">="};
    private static final Map<String, String> FLIPPED = Map.of("<", ">", "<=", ">=", ">", "<", ">=", "<=");
    private static final String[] JSON_FIELDS = {"x", "s", "b", "meta[\"k\"]", "meta['arr'][0]", "$meta[\"my-key\"]"};

    private record Row(long id, String name, Map<String, Object> dynamic) {
    }

    /** A tree node: evaluates itself on a row and renders itself as filter text. */
    private interface Expr {
        boolean eval(Row row);

        /** 1 or, 2 and, 3 not, 4 atom: a child renders in parentheses when looser than its parent needs. */
        default int precedence() {
            return 4;
        }

        String render(SplittableRandom random);
    }

    /** {@code and} (precedence 2) or {@code or} (precedence 1) over two or more parts. */
    private record Junction(boolean and, List<Expr> parts) implements Expr {
        public boolean eval(Row row) {
            return and ? parts.stream().allMatch(p -> p.eval(row)) : parts.stream().anyMatch(p -> p.eval(row));
        }

        public int precedence() {
            return and ? 2 : 1;
        }

        public String render(SplittableRandom random) {
            StringBuilder text = new StringBuilder(child(parts.get(0), precedence(), random));
            for (Expr part : parts.subList(1, parts.size())) {
                String separator = and
                        ? pick(random, " and ", " && ", " AND ", "&&")
                        : pick(random, " or ", " || ", " OR ", "||");
                text.append(separator).append(child(part, precedence(), random));
            }
            return text.toString();
        }
    }

    private record Not(Expr operand) implements Expr {
        public boolean eval(Row row) {
            return !operand.eval(row);
        }

        public int precedence() {
            return 3;
        }

        public String render(SplittableRandom random) {
            return pick(random, "not ", "NOT ", "!", "! ") + child(operand, 3, random);
        }
    }

    /** {@code field op literal} (or {@code literal op' field}), or {@code field op other} when other is set. */
    private record Compare(String field, String op, Object constant, String other) implements Expr {
        public boolean eval(Row row) {
            return holds(op, value(row, field), other == null ? constant : value(row, other));
        }

        public String render(SplittableRandom random) {
            if (other != null) {
                return field + op + other;
            }
            return random.nextBoolean()
                    ? field + " " + op + " " + literal(constant, random)
                    : literal(constant, random) + " " + FLIPPED.getOrDefault(op, op) + " " + field;
        }
    }

    private record In(String field, List<Object> list, boolean negated) implements Expr {
        public boolean eval(Row row) {
            Object value = value(row, field);
            return negated != list.stream().anyMatch(c -> holds("==", value, c));
        }

        public String render(SplittableRandom random) {
            List<String> items = list.stream().map(v -> literal(v, random)).toList();
            String keyword = negated ? pick(random, " not in ", " NOT IN ") : pick(random, " in ", " IN ");
            return field + keyword + "[" + String.join(random.nextBoolean() ? ", " : ",", items) + "]";
        }
    }

    private record Truth(String field) implements Expr {
        public boolean eval(Row row) {
            return field == null ? true : Boolean.TRUE.equals(value(row, field));
        }

        public String render(SplittableRandom random) {
            return field == null ? pick(random, "true", "True", "TRUE", "(false or true)") : field;
        }
    }

    @Test
    void compiledFiltersAgreeWithTheReferenceEvaluatorOnRandomExpressions() {
        SplittableRandom random = new SplittableRandom(0x5EED_F11E_7E57L);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(randomRow(random));
        }
        FieldCatalog catalog = field -> switch (field) {
            case "id" -> new FieldAccess.IntegerColumn("id", "Int64", ordinal -> rows.get(ordinal).id(), null);
            case "name" -> new FieldAccess.VarCharColumn("name", ordinal -> rows.get(ordinal).name());
            case "$meta" -> new FieldAccess.JsonValue("$meta", ordinal -> rows.get(ordinal).dynamic());
            default -> new FieldAccess.JsonValue(field, ordinal -> rows.get(ordinal).dynamic().get(field));
        };
        int matched = 0;
        for (int e = 0; e < EXPRESSIONS; e++) {
            Expr expr = randomExpr(random, 4);
            String text = expr.render(random);
            IntPredicate compiled = Filter.compile(text, catalog);
            for (int ordinal = 0; ordinal < ROWS; ordinal++) {
                boolean expected = expr.eval(rows.get(ordinal));
                assertThat(compiled.test(ordinal)).as("filter %s on row %s", text, rows.get(ordinal))
                        .isEqualTo(expected);
                matched += expected ? 1 : 0;
            }
        }
        // the generator must exercise both outcomes, or agreement would prove little
        assertThat(matched).isBetween(EXPRESSIONS * ROWS / 10, EXPRESSIONS * ROWS * 9 / 10);
    }

    private static Expr randomExpr(SplittableRandom random, int depth) {
        int choice = random.nextInt(depth <= 0 ? 3 : 6);
        if (choice >= 3) {
            List<Expr> parts = new ArrayList<>();
            for (int i = random.nextInt(2, 5); i > 0; i--) {
                parts.add(randomExpr(random, depth - 1));
            }
            return choice == 5 ? new Not(parts.get(0)) : new Junction(choice == 4, parts);
        }
        return switch (random.nextInt(10)) {
            case 0, 1 -> new Compare("id", pick(random, OPS),
                    random.nextInt(4) == 0 ? randomDouble(random) : (Object) (long) random.nextInt(0, 40), null);
            case 2 -> new Compare("name", pick(random, OPS), pick(random, STRINGS), null);
            case 3, 4, 5 -> new Compare(pick(random, JSON_FIELDS), pick(random, OPS), randomScalar(random), null);
            case 6 -> new Compare(pick(random, "id", "x", "meta[\"k\"]"), pick(random, OPS), null,
                    pick(random, "x", "s", "id"));
            case 7 -> randomIn(random);
            default -> new Truth(pick(random, "b", "meta[\"k\"]", null));
        };
    }

    private static Expr randomIn(SplittableRandom random) {
        String field = pick(random, "id", "name", "x", "s", "meta[\"k\"]");
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(0, 5); i > 0; i--) {
            list.add(switch (field) {
                case "id" -> (long) random.nextInt(0, 40);
                case "name" -> pick(random, STRINGS);
                default -> randomScalar(random);
            });
        }
        return new In(field, list, random.nextBoolean());
    }

    private static Row randomRow(SplittableRandom random) {
        Map<String, Object> dynamic = new HashMap<>();
        putMaybe(dynamic, "x", randomScalar(random), random);
        putMaybe(dynamic, "s", random.nextInt(4) == 0 ? randomScalar(random) : pick(random, STRINGS), random);
        putMaybe(dynamic, "b", random.nextInt(5) == 0 ? randomScalar(random) : (Object) random.nextBoolean(), random);
        putMaybe(dynamic, "my-key", randomScalar(random), random);
        Map<String, Object> meta = new HashMap<>();
        putMaybe(meta, "k", randomScalar(random), random);
        List<Object> arr = new ArrayList<>();
        for (int i = random.nextInt(0, 3); i > 0; i--) {
            arr.add(randomScalar(random));
        }
        meta.put("arr", arr);
        putMaybe(dynamic, "meta", meta, random);
        return new Row(random.nextInt(0, 40), pick(random, STRINGS), dynamic);
    }

    private static void putMaybe(Map<String, Object> map, String key, Object value, SplittableRandom random) {
        if (random.nextInt(6) != 0) {
            map.put(key, value);
        }
    }

    private static Object randomScalar(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0, 1 -> (long) random.nextInt(0, 40);
            case 2 -> randomDouble(random);
            case 3 -> pick(random, STRINGS);
            default -> random.nextBoolean();
        };
    }

    /** Multiples of 1/4 in [0, 40): exact in binary, so every spelling parses to the same double. */
    private static Double randomDouble(SplittableRandom random) {
        return random.nextInt(0, 160) / 4.0;
    }

    // ---- reference semantics ----

    private static Object value(Row row, String field) {
        return switch (field) {
            case "id" -> row.id();
            case "name" -> row.name();
            case "meta[\"k\"]" -> row.dynamic().get("meta") instanceof Map<?, ?> m ? m.get("k") : null;
            case "meta['arr'][0]" -> row.dynamic().get("meta") instanceof Map<?, ?> m
                    && m.get("arr") instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
            case "$meta[\"my-key\"]" -> row.dynamic().get("my-key");
            default -> row.dynamic().get(field);
        };
    }

    /** Missing values and values of different kinds never satisfy a comparison; booleans only ==/!=. */
    private static boolean holds(String op, Object a, Object b) {
        int c;
        if (a instanceof Long x && b instanceof Long y) {
            c = Long.compare(x, y);
        } else if (a instanceof Number x && b instanceof Number y) {
            double p = x.doubleValue();
            double q = y.doubleValue();
            c = p < q ? -1 : p > q ? 1 : 0;
        } else if (a instanceof String x && b instanceof String y) {
            c = x.compareTo(y);
        } else if (a instanceof Boolean x && b instanceof Boolean y) {
            if (!op.equals("==") && !op.equals("!=")) {
                return false;
            }
            c = x.equals(y) ? 0 : 1;
        } else {
            return false;
        }
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    // ---- rendering ----

    /** Parenthesises only when precedence demands it, plus now and then for no reason. */
    private static String child(Expr child, int parentPrecedence, SplittableRandom random) {
        String text = child.render(random);
        return child.precedence() < parentPrecedence || random.nextInt(8) == 0 ? "(" + text + ")" : text;
    }

    private static String literal(Object value, SplittableRandom random) {
        if (value instanceof Long n) {
            return switch (random.nextInt(5)) {
                case 0 -> "0x" + Long.toHexString(n);
                case 1 -> "0b" + Long.toBinaryString(n);
                case 2 -> "0" + Long.toOctalString(n);
                default -> Long.toString(n);
            };
        }
        if (value instanceof Double d) {
            String plain = Double.toString(d);
            return switch (random.nextInt(3)) {
                case 0 -> plain.startsWith("0.") ? plain.substring(1) : plain;
                case 1 -> (long) (d * 100) + "e-2";
                default -> plain;
            };
        }
        if (value instanceof Boolean b) {
            String word = b.toString();
            return pick(random, word, Character.toUpperCase(word.charAt(0)) + word.substring(1), word.toUpperCase());
        }
        return quote((String) value, random);
    }

    private static String quote(String value, SplittableRandom random) {
        char quote = random.nextBoolean() ? '"' : '\'';
        StringBuilder text = new StringBuilder().append(quote);
        for (char c : value.toCharArray()) {
            if (c == quote || c == '\\') {
                text.append('\\').append(c);
            } else if (c == '\n') {
                text.append("\\n");
            } else if (c > 127 || random.nextInt(10) == 0) {
                text.append(random.nextBoolean() ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            } else {
                text.append(c);
            }
        }
        return text.append(quote).toString();
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
