package dev.quiver.expr;

/** Arithmetic operators of the filter language. */
enum ArithmeticOp {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MODULO("%"), POWER("**");

    final String symbol;

    ArithmeticOp(String symbol) {
        this.symbol = symbol;
    }

    /** Integer arithmetic; callers rule out a zero divisor for DIVIDE and MODULO first. */
    long apply(long a, long b) {
        return switch (this) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
            case MODULO -> a % b;
            case POWER -> (long) Math.pow(a, b);
        };
    }

    double apply(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
            case MODULO -> a % b;
            case POWER -> Math.pow(a, b);
        };
    }

    /** Whether two integers give an integer: everything but {@code **}, which is computed in double. */
    boolean keepsIntegers() {
        return this != POWER;
    }

    boolean divides() {
        return this == DIVIDE || this == MODULO;
    }
}
