package dev.quiver.expr;

/** A lexical token; {@code position} is the 1-based character index where it starts. */
record Token(Kind kind, String text, Object value, int position) {

    enum Kind {
        IDENTIFIER, INTEGER, FLOAT, STRING, BOOLEAN,
        AND, OR, NOT, IN, LIKE, EXISTS, IS, NULL,
        EQ, NE, LT, LE, GT, GE,
        PLUS, MINUS, STAR, SLASH, PERCENT, POWER,
        LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA,
        END
    }

    String describe() {
        if (kind == Kind.END) {
            return "end of expression";
        }
        return "'" + (text.length() <= 40 ? text : text.substring(0, 40) + "...") + "'";
    }
}
