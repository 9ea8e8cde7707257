package dev.quiver.expr;

/** Comparison operators and what a three-way comparison result means for each. */
enum CompareOp {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    boolean holds(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
        };
    }

    boolean isEquality() {
        return this == EQ || this == NE;
    }

    /** True for {@code <} and {@code <=}; chained ranges need both operators to agree. */
    boolean ascending() {
        return this == LT || this == LE;
    }

    /** The operator that holds for {@code b op' a} exactly when {@code a op b} holds. */
    CompareOp flipped() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> this;
        };
    }
}
