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

    /** A bracketed list of scalar literals, the right side of {@code in}. */
    record ListLiteral(List<Literal> values, int position) implements Node {
    }

    record Compare(CompareOp op, Node left, Node right, int position) implements Node {
    }

    record In(Node target, ListLiteral list, boolean negated, int position) implements Node {
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
