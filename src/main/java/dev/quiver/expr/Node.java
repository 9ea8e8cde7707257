package dev.quiver.expr;

import java.util.List;

/** The parsed form of a filter expression. Positions are 1-based character indexes. */
sealed interface Node {

    int position();

    /** A field, optionally followed by a JSON path: {@code meta["a"][0]}, {@code $meta["k"]}. */
    record Field(String name, List<Object> path, int position) implements Node {
    }

    /** A scalar literal: Long, Double, String or Boolean. */
    record Literal(Object value, int position) implements Node {
    }

    /**
     * A bracketed list of literals (scalars or nested lists): the right side of {@code in}.
     * {@code positions} holds where each value starts, for error messages.
     */
    record ListLiteral(List<Object> values, List<Integer> positions, int position) implements Node {
    }

    /** {@code + - * / % **} between two value expressions. */
    record Arithmetic(ArithmeticOp op, Node left, Node right, int position) implements Node {
    }

    /** Unary minus on a value expression that is not a literal (literals are folded). */
    record Negate(Node operand, int position) implements Node {
    }

    record Compare(CompareOp op, Node left, Node right, int position) implements Node {
    }

    record In(Node target, ListLiteral list, boolean negated, int position) implements Node {
    }

    /** {@code target like "pattern"} with {@code %} for any run of characters and {@code _} for one. */
    record Like(Node target, String pattern, int position) implements Node {
    }

    /** {@code target is null} or, negated, {@code target is not null}. */
    record IsNull(Node target, boolean negated, int position) implements Node {
    }

    /** {@code exists meta["k"]}: the JSON value is present. */
    record Exists(Field target, int position) implements Node {
    }

    /** A function call such as {@code json_contains(meta["tags"], "a")} or {@code array_length(tags)}. */
    record Call(String function, List<Node> arguments, int position) implements Node {
    }

    /** Conjunction of two or more operands, kept flat so long chains don't nest. */
    record And(List<Node> operands, int position) implements Node {
    }

    /** Disjunction of two or more operands, kept flat so long chains don't nest. */
    record Or(List<Node> operands, int position) implements Node {
    }

    record Not(Node operand, int position) implements Node {
    }
}
