package dev.quiver.expr;

import dev.quiver.expr.Node.And;
import dev.quiver.expr.Node.Arithmetic;
import dev.quiver.expr.Node.Call;
import dev.quiver.expr.Node.Compare;
import dev.quiver.expr.Node.Exists;
import dev.quiver.expr.Node.Field;
import dev.quiver.expr.Node.In;
import dev.quiver.expr.Node.IsNull;
import dev.quiver.expr.Node.Like;
import dev.quiver.expr.Node.ListLiteral;
import dev.quiver.expr.Node.Literal;
import dev.quiver.expr.Node.Negate;
import dev.quiver.expr.Node.Not;
import dev.quiver.expr.Node.Or;
import dev.quiver.expr.Token.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Recursive-descent parser for Milvus filters. Precedence, loosest first: {@code or}, {@code and},
 * {@code not}, then a predicate (a comparison or chained range, {@code in}, {@code like},
 * {@code is null}) over arithmetic ({@code + -}, then {@code * / %}, then unary signs, then
 * {@code **}, grouped left to right as in Milvus) and primaries. {@code not a == 1} reads as {@code not (a == 1)}.
 * Nesting is bounded so a hostile filter gets an error, not a stack overflow.
 */
final class Parser {

    static final int MAX_DEPTH = 200;
    /**
     * Most conditions (comparisons, {@code in}, {@code like}, {@code is null}, functions) in one
     * filter: each is evaluated per row, so a megabyte of {@code or}-ed comparisons would cost
     * seconds per thousand rows. Long key lists belong in one {@code in [...]}, which counts once.
     */
    static final int MAX_CONDITIONS = 4096;

    private final List<Token> tokens;
    private int index;
    private int depth;
    private int conditions;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Node parse(String text) {
        Parser parser = new Parser(Lexer.tokenize(text));
        Node node = parser.or();
        parser.expect(Kind.END, "end of expression");
        return node;
    }

    private Node or() {
        Node first = and();
        if (peek().kind() != Kind.OR) {
            return first;
        }
        List<Node> operands = new ArrayList<>(List.of(first));
        while (accept(Kind.OR)) {
            operands.add(and());
        }
        return new Or(List.copyOf(operands), first.position());
    }

    private Node and() {
        Node first = not();
        if (peek().kind() != Kind.AND) {
            return first;
        }
        List<Node> operands = new ArrayList<>(List.of(first));
        while (accept(Kind.AND)) {
            operands.add(not());
        }
        return new And(List.copyOf(operands), first.position());
    }

    private Node not() {
        if (peek().kind() == Kind.NOT && peekAt(1).kind() != Kind.IN) {
            Token op = advance();
            enter(op);
            Node operand = not();
            depth--;
            return new Not(operand, op.position());
        }
        return predicate();
    }

    private Node predicate() {
        if (++conditions > MAX_CONDITIONS) {
            throw new FilterException("more than " + MAX_CONDITIONS + " conditions; put long lists of values in "
                    + "one 'in [...]'", peek().position());
        }
        Node left = additive();
        Token next = peek();
        CompareOp op = compareOp(next.kind());
        if (op != null) {
            advance();
            Node middle = additive();
            CompareOp second = compareOp(peek().kind());
            if (second == null) {
                return new Compare(op, left, middle, next.position());
            }
            return range(left, op, middle, next);
        }
        if (next.kind() == Kind.IN || (next.kind() == Kind.NOT && peekAt(1).kind() == Kind.IN)) {
            boolean negated = next.kind() == Kind.NOT;
            advance();
            if (negated) {
                advance();
            }
            return new In(left, list("'[' after in"), negated, next.position());
        }
        if (next.kind() == Kind.LIKE) {
            advance();
            Token pattern = expect(Kind.STRING, "a string pattern after like");
            return new Like(left, (String) pattern.value(), next.position());
        }
        if (next.kind() == Kind.IS) {
            advance();
            boolean negated = accept(Kind.NOT);
            expect(Kind.NULL, "null after is" + (negated ? " not" : ""));
            return new IsNull(left, negated, next.position());
        }
        return left;
    }

    /** {@code lower < x <= upper} or {@code upper > x >= lower}: both operators point the same way. */
    private Node range(Node left, CompareOp first, Node middle, Token firstToken) {
        Token secondToken = advance();
        CompareOp second = compareOp(secondToken.kind());
        if (first.isEquality() || second.isEquality() || first.ascending() != second.ascending()) {
            throw new FilterException("a chained comparison needs two '<'/'<=' or two '>'/'>=' operators, found '"
                    + first.symbol + "' and '" + second.symbol + "'", secondToken.position());
        }
        Node right = additive();
        if (compareOp(peek().kind()) != null) {
            throw new FilterException("at most two comparison operators may be chained", peek().position());
        }
        return new And(List.of(new Compare(first, left, middle, firstToken.position()),
                new Compare(second, middle, right, secondToken.position())), firstToken.position());
    }

    /*
     * Operator chains build left-deep trees, which the compiler walks recursively, so every
     * operator of a chain counts toward the nesting limit while the chain is parsed.
     */

    private Node additive() {
        int entered = depth;
        Node left = multiplicative();
        while (peek().kind() == Kind.PLUS || peek().kind() == Kind.MINUS) {
            Token op = advance();
            enter(op);
            left = new Arithmetic(op.kind() == Kind.PLUS ? ArithmeticOp.ADD : ArithmeticOp.SUBTRACT,
                    left, multiplicative(), op.position());
        }
        depth = entered;
        return left;
    }

    private Node multiplicative() {
        int entered = depth;
        Node left = unary();
        while (peek().kind() == Kind.STAR || peek().kind() == Kind.SLASH || peek().kind() == Kind.PERCENT) {
            Token op = advance();
            enter(op);
            ArithmeticOp arithmetic = switch (op.kind()) {
                case STAR -> ArithmeticOp.MULTIPLY;
                case SLASH -> ArithmeticOp.DIVIDE;
                default -> ArithmeticOp.MODULO;
            };
            left = new Arithmetic(arithmetic, left, unary(), op.position());
        }
        depth = entered;
        return left;
    }

    private Node unary() {
        Node node = signedOrPower();
        requireLongRange(node);
        return node;
    }

    /**
     * A signed power expression. As in Milvus, {@code **} binds tighter than a sign and groups
     * left to right: {@code -2 ** 2} is -4 and {@code 2 ** 3 ** 2} is 64. May return the
     * BigInteger 2^63, which only an enclosing minus makes a valid Long.
     */
    private Node signedOrPower() {
        Token token = peek();
        if (token.kind() == Kind.PLUS || token.kind() == Kind.MINUS) {
            advance();
            enter(token);
            Node operand = signedOrPower();
            depth--;
            return signed(token, operand);
        }
        int entered = depth;
        Node base = primary();
        while (peek().kind() == Kind.POWER) {
            Token op = advance();
            enter(op);
            requireLongRange(base);
            Node exponent = exponent();
            requireLongRange(exponent);
            base = new Arithmetic(ArithmeticOp.POWER, base, exponent, op.position());
        }
        depth = entered;
        return base;
    }

    /** The right side of {@code **}: a primary, optionally signed ({@code 2 ** -1}). */
    private Node exponent() {
        Token token = peek();
        if (token.kind() == Kind.PLUS || token.kind() == Kind.MINUS) {
            advance();
            enter(token);
            Node operand = exponent();
            depth--;
            return signed(token, operand);
        }
        return primary();
    }

    private static void requireLongRange(Node node) {
        if (node instanceof Literal literal && literal.value() instanceof BigInteger big) {
            throw new FilterException("integer " + big + " is out of the 64-bit range", literal.position());
        }
    }

    private static Node signed(Token sign, Node operand) {
        boolean negate = sign.kind() == Kind.MINUS;
        if (operand instanceof Literal literal) {
            Object value = literal.value();
            if (value instanceof BigInteger big) {
                return negate ? new Literal(big.negate().longValueExact(), sign.position()) : literal;
            }
            if (value instanceof Long number) {
                return new Literal(negate ? -number : number, sign.position());
            }
            if (value instanceof Double number) {
                return new Literal(negate ? -number : number, sign.position());
            }
            throw new FilterException("unary '" + sign.text() + "' applies only to numbers", sign.position());
        }
        return negate ? new Negate(operand, sign.position()) : operand;
    }

    private Node primary() {
        Token token = peek();
        switch (token.kind()) {
            case LPAREN -> {
                advance();
                enter(token);
                Node inner = or();
                depth--;
                expect(Kind.RPAREN, "')'");
                return inner;
            }
            case INTEGER, FLOAT, STRING, BOOLEAN -> {
                advance();
                return new Literal(token.value(), token.position());
            }
            case LBRACKET -> {
                return list("'['");
            }
            case EXISTS -> {
                advance();
                if (peek().kind() != Kind.IDENTIFIER) {
                    throw new FilterException("expected a field after exists but found " + peek().describe(),
                            peek().position());
                }
                return new Exists(field(), token.position());
            }
            case IDENTIFIER -> {
                return peekAt(1).kind() == Kind.LPAREN ? call() : field();
            }
            default -> throw new FilterException("unexpected " + token.describe(), token.position());
        }
    }

    private Call call() {
        Token name = advance();
        Token open = advance();
        enter(open);
        List<Node> arguments = new ArrayList<>();
        if (peek().kind() != Kind.RPAREN) {
            do {
                arguments.add(additive());
            } while (accept(Kind.COMMA));
        }
        expect(Kind.RPAREN, "')' closing the arguments of " + name.text());
        depth--;
        return new Call(name.text(), List.copyOf(arguments), name.position());
    }

    private Field field() {
        Token name = advance();
        List<Object> path = new ArrayList<>();
        while (peek().kind() == Kind.LBRACKET) {
            advance();
            Token key = advance();
            if (key.kind() == Kind.STRING) {
                path.add(key.value());
            } else if (key.kind() == Kind.INTEGER && key.value() instanceof Long i && i >= 0 && i <= Integer.MAX_VALUE) {
                path.add(i.intValue());
            } else {
                throw new FilterException("a JSON path element must be a string key or a non-negative index, found "
                        + key.describe(), key.position());
            }
            expect(Kind.RBRACKET, "']'");
        }
        if (name.text().equals("$meta") && path.isEmpty()) {
            throw new FilterException("$meta must be followed by a key, as in $meta[\"key\"]", name.position());
        }
        return new Field(name.text(), List.copyOf(path), name.position());
    }

    /** A list literal; elements are literals, signed numbers or nested lists. */
    private ListLiteral list(String expected) {
        Token open = expect(Kind.LBRACKET, expected);
        enter(open);
        List<Object> values = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        if (peek().kind() != Kind.RBRACKET) {
            do {
                Token start = peek();
                Node value = start.kind() == Kind.LBRACKET ? list("'['") : unary();
                positions.add(start.position());
                if (value instanceof Literal literal) {
                    values.add(literal.value());
                } else if (value instanceof ListLiteral nested) {
                    values.add(nested.values());
                } else {
                    throw new FilterException("a list may hold only literals, found " + start.describe(),
                            start.position());
                }
            } while (accept(Kind.COMMA));
        }
        expect(Kind.RBRACKET, "']'");
        depth--;
        return new ListLiteral(Collections.unmodifiableList(values), List.copyOf(positions), open.position());
    }

    private static CompareOp compareOp(Kind kind) {
        return switch (kind) {
            case EQ -> CompareOp.EQ;
            case NE -> CompareOp.NE;
            case LT -> CompareOp.LT;
            case LE -> CompareOp.LE;
            case GT -> CompareOp.GT;
            case GE -> CompareOp.GE;
            default -> null;
        };
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw new FilterException("expression nested deeper than " + MAX_DEPTH + " levels", token.position());
        }
    }

    private Token expect(Kind kind, String what) {
        Token token = peek();
        if (token.kind() != kind) {
            throw new FilterException("expected " + what + " but found " + token.describe(), token.position());
        }
        return advance();
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            advance();
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token token = tokens.get(index);
        if (token.kind() != Kind.END) {
            index++;
        }
        return token;
    }
}
