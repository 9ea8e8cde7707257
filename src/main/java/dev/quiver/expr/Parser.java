package dev.quiver.expr;

import dev.quiver.expr.Node.And;
import dev.quiver.expr.Node.Compare;
import dev.quiver.expr.Node.Field;
import dev.quiver.expr.Node.In;
import dev.quiver.expr.Node.ListLiteral;
import dev.quiver.expr.Node.Literal;
import dev.quiver.expr.Node.Not;
import dev.quiver.expr.Node.Or;
import dev.quiver.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for Milvus filters. Precedence, loosest first: {@code or},
 * {@code and}, {@code not}, comparisons and {@code in}, then primaries. Nesting is bounded so a
 * hostile filter gets an error, not a stack overflow.
 */
final class Parser {

    static final int MAX_DEPTH = 200;

    private final List<Token> tokens;
    private int index;
    private int depth;

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
        return comparison();
    }

    private Node comparison() {
        Node left = primary();
        Token next = peek();
        CompareOp op = compareOp(next.kind());
        if (op != null) {
            advance();
            return new Compare(op, left, primary(), next.position());
        }
        if (next.kind() == Kind.IN || (next.kind() == Kind.NOT && peekAt(1).kind() == Kind.IN)) {
            boolean negated = next.kind() == Kind.NOT;
            advance();
            if (negated) {
                advance();
            }
            return new In(left, list(), negated, next.position());
        }
        return left;
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
            case IDENTIFIER -> {
                return field();
            }
            case PLUS, MINUS -> {
                advance();
                enter(token);
                Node operand = primary();
                depth--;
                return signed(token, operand);
            }
            default -> throw new FilterException("unexpected " + token.describe(), token.position());
        }
    }

    private static Literal signed(Token sign, Node operand) {
        boolean negate = sign.kind() == Kind.MINUS;
        if (operand instanceof Literal literal && literal.value() instanceof Long value) {
            return new Literal(negate ? -value : value, sign.position());
        }
        if (operand instanceof Literal literal && literal.value() instanceof Double value) {
            return new Literal(negate ? -value : value, sign.position());
        }
        throw new FilterException("unary '" + sign.text() + "' applies only to a number", sign.position());
    }

    private Field field() {
        Token name = advance();
        List<Object> path = new ArrayList<>();
        while (peek().kind() == Kind.LBRACKET) {
            advance();
            Token key = advance();
            if (key.kind() == Kind.STRING) {
                path.add(key.value());
            } else if (key.kind() == Kind.INTEGER && (Long) key.value() >= 0 && (Long) key.value() <= Integer.MAX_VALUE) {
                path.add(((Long) key.value()).intValue());
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

    private ListLiteral list() {
        Token open = expect(Kind.LBRACKET, "'[' after in");
        List<Literal> values = new ArrayList<>();
        if (peek().kind() != Kind.RBRACKET) {
            do {
                Token start = peek();
                Node value = primary();
                if (!(value instanceof Literal literal)) {
                    throw new FilterException("the list after in may hold only literals, found " + start.describe(),
                            start.position());
                }
                values.add(literal);
            } while (accept(Kind.COMMA));
        }
        expect(Kind.RBRACKET, "']'");
        return new ListLiteral(List.copyOf(values), open.position());
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
