package dev.quiver.expr;

import dev.quiver.expr.Token.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits a Milvus boolean expression into tokens. Literal syntax follows Milvus's grammar. */
final class Lexer {

    private static final Map<String, Kind> KEYWORDS = Map.of(
            "and", Kind.AND, "or", Kind.OR, "not", Kind.NOT, "in", Kind.IN, "like", Kind.LIKE,
            "exists", Kind.EXISTS, "is", Kind.IS, "null", Kind.NULL);
    private static final int MAX_DIGITS = 80;
    private static final BigInteger LONG_MIN_MAGNITUDE = BigInteger.ONE.shiftLeft(63);

    private final String text;
    private int index;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (index >= text.length()) {
                tokens.add(new Token(Kind.END, "", null, index + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = index;
        char c = text.charAt(index);
        if (Character.isLetter(c) || c == '_' || c == '$') {
            return word(start);
        }
        if (isDigit(c) || (c == '.' && index + 1 < text.length() && isDigit(text.charAt(index + 1)))) {
            return number(start);
        }
        if (c == '"' || c == '\'') {
            return string(start, c);
        }
        return symbol(start, c);
    }

    private Token word(int start) {
        index++;
        while (index < text.length() && (Character.isLetterOrDigit(text.charAt(index)) || text.charAt(index) == '_')) {
            index++;
        }
        String word = text.substring(start, index);
        if (word.equals("true") || word.equals("True") || word.equals("TRUE")) {
            return new Token(Kind.BOOLEAN, word, Boolean.TRUE, start + 1);
        }
        if (word.equals("false") || word.equals("False") || word.equals("FALSE")) {
            return new Token(Kind.BOOLEAN, word, Boolean.FALSE, start + 1);
        }
        Kind keyword = word.equals(word.toLowerCase()) || word.equals(word.toUpperCase())
                ? KEYWORDS.get(word.toLowerCase()) : null;
        return new Token(keyword == null ? Kind.IDENTIFIER : keyword, word, null, start + 1);
    }

    private Token number(int start) {
        if (text.startsWith("0x", index) || text.startsWith("0X", index)) {
            return radixInteger(start, 16);
        }
        if (text.startsWith("0b", index) || text.startsWith("0B", index)) {
            return radixInteger(start, 2);
        }
        boolean isFloat = false;
        while (index < text.length() && isDigit(text.charAt(index))) {
            index++;
        }
        if (index < text.length() && text.charAt(index) == '.') {
            isFloat = true;
            index++;
            while (index < text.length() && isDigit(text.charAt(index))) {
                index++;
            }
        }
        if (index < text.length() && (text.charAt(index) == 'e' || text.charAt(index) == 'E')) {
            isFloat = true;
            index++;
            if (index < text.length() && (text.charAt(index) == '+' || text.charAt(index) == '-')) {
                index++;
            }
            int digits = index;
            while (index < text.length() && isDigit(text.charAt(index))) {
                index++;
            }
            if (digits == index) {
                throw new FilterException("malformed number '" + abbreviate(text.substring(start, index)) + "'", start + 1);
            }
        }
        rejectTrailingLetters(start);
        String literal = text.substring(start, index);
        if (isFloat) {
            double value = Double.parseDouble(literal);
            if (!Double.isFinite(value)) {
                throw new FilterException("number '" + abbreviate(literal) + "' is out of range", start + 1);
            }
            return new Token(Kind.FLOAT, literal, value, start + 1);
        }
        // Milvus reads a leading zero as octal: 010 is 8.
        boolean octal = literal.length() > 1 && literal.charAt(0) == '0';
        return integer(start, octal ? literal.substring(1) : literal, octal ? 8 : 10);
    }

    private Token radixInteger(int start, int radix) {
        index += 2;
        int digitsStart = index;
        while (index < text.length() && Character.isLetterOrDigit(text.charAt(index))) {
            index++;
        }
        return integer(start, text.substring(digitsStart, index), radix);
    }

    /**
     * A Long, or for 2^63 exactly a BigInteger, which only a unary minus can turn into a Long
     * ({@code -9223372036854775808}); the parser rejects it anywhere else.
     */
    private Token integer(int start, String digits, int radix) {
        String literal = text.substring(start, index);
        if (digits.length() > MAX_DIGITS) {
            // BigInteger parsing is quadratic in the length; no 64-bit integer is this long.
            throw new FilterException("integer literal of " + digits.length() + " digits is out of the 64-bit range",
                    start + 1);
        }
        try {
            BigInteger value = new BigInteger(digits, radix);
            if (value.bitLength() < 64) {
                return new Token(Kind.INTEGER, literal, value.longValueExact(), start + 1);
            }
            if (value.equals(LONG_MIN_MAGNITUDE)) {
                return new Token(Kind.INTEGER, literal, value, start + 1);
            }
        } catch (NumberFormatException e) {
            throw new FilterException("malformed integer '" + abbreviate(literal) + "'", start + 1);
        }
        throw new FilterException("integer '" + abbreviate(literal) + "' is out of the 64-bit range", start + 1);
    }

    private void rejectTrailingLetters(int start) {
        if (index < text.length() && (Character.isLetter(text.charAt(index)) || text.charAt(index) == '_')) {
            throw new FilterException("malformed number '" + abbreviate(text.substring(start, index + 1)) + "'", start + 1);
        }
    }

    private Token string(int start, char quote) {
        StringBuilder value = new StringBuilder();
        index++;
        while (true) {
            if (index >= text.length()) {
                throw new FilterException("unterminated string", start + 1);
            }
            char c = text.charAt(index++);
            if (c == quote) {
                return new Token(Kind.STRING, text.substring(start, index), value.toString(), start + 1);
            }
            if (c == '\\') {
                value.append(escape(start));
            } else {
                value.append(c);
            }
        }
    }

    private String escape(int stringStart) {
        if (index >= text.length()) {
            throw new FilterException("unterminated string", stringStart + 1);
        }
        int escapeAt = index;
        char c = text.charAt(index++);
        switch (c) {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case 'b': return "\b";
            case 'f': return "\f";
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
                index--;
                return String.valueOf((char) hexOrOctal(escapeAt, 8, 3, true));
            case 'x':
                return String.valueOf((char) hexOrOctal(escapeAt, 16, 2, false));
            case 'u':
                return String.valueOf((char) hexOrOctal(escapeAt, 16, 4, false));
            default:
                return String.valueOf(c);
        }
    }

    private int hexOrOctal(int escapeAt, int radix, int maxDigits, boolean allowFewer) {
        int start = index;
        while (index < text.length() && index - start < maxDigits && Character.digit(text.charAt(index), radix) >= 0) {
            index++;
        }
        if (index == start || (!allowFewer && index - start < maxDigits)) {
            throw new FilterException("malformed escape sequence in string", escapeAt);
        }
        return Integer.parseInt(text.substring(start, index), radix);
    }

    private Token symbol(int start, char c) {
        String two = index + 1 < text.length() ? text.substring(index, index + 2) : "";
        if (two.equals("<<") || two.equals(">>")) {
            throw new FilterException("bitwise operator '" + two + "' is not supported", start + 1);
        }
        Kind kind = switch (two) {
            case "**" -> Kind.POWER;
            case "==" -> Kind.EQ;
            case "!=" -> Kind.NE;
            case "<=" -> Kind.LE;
            case ">=" -> Kind.GE;
            case "&&" -> Kind.AND;
            case "||" -> Kind.OR;
            default -> null;
        };
        if (kind != null) {
            index += 2;
            return new Token(kind, two, null, start + 1);
        }
        kind = switch (c) {
            case '<' -> Kind.LT;
            case '>' -> Kind.GT;
            case '!' -> Kind.NOT;
            case '+' -> Kind.PLUS;
            case '-' -> Kind.MINUS;
            case '*' -> Kind.STAR;
            case '/' -> Kind.SLASH;
            case '%' -> Kind.PERCENT;
            case '&', '|', '^', '~' -> throw new FilterException("bitwise operator '" + c + "' is not supported",
                    start + 1);
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case '[' -> Kind.LBRACKET;
            case ']' -> Kind.RBRACKET;
            case ',' -> Kind.COMMA;
            default -> throw new FilterException("unexpected character '" + c + "'", start + 1);
        };
        index++;
        return new Token(kind, String.valueOf(c), null, start + 1);
    }

    /** Long literals are cut in messages, so an error never echoes a megabyte back. */
    private static String abbreviate(String literal) {
        return literal.length() <= 40 ? literal : literal.substring(0, 40) + "...";
    }

    /** ASCII digits only: Java's isDigit would also take Arabic-Indic and full-width digits. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
    }
}
