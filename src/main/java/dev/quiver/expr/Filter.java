package dev.quiver.expr;

import dev.quiver.expr.FieldAccess.IntegerColumn;
import dev.quiver.expr.FieldAccess.VarCharColumn;
import dev.quiver.expr.Node.And;
import dev.quiver.expr.Node.Call;
import dev.quiver.expr.Node.Compare;
import dev.quiver.expr.Node.Exists;
import dev.quiver.expr.Node.Field;
import dev.quiver.expr.Node.In;
import dev.quiver.expr.Node.IsNull;
import dev.quiver.expr.Node.Like;
import dev.quiver.expr.Node.Literal;
import dev.quiver.expr.Node.Not;
import dev.quiver.expr.Node.Or;
import dev.quiver.expr.Operand.Bool;
import dev.quiver.expr.Operand.Json;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Compiles a Milvus filter once per request into a predicate over row ordinals. All parse and
 * type errors surface here, before any row is read, as {@link FilterException} (code 1100 with
 * the position).
 */
public final class Filter {

    private final FieldCatalog catalog;
    private final Operands operands;

    private Filter(FieldCatalog catalog) {
        this.catalog = catalog;
        this.operands = new Operands(catalog, this::predicate);
    }

    /** Parses, type-checks and compiles {@code text}; the result is safe to call concurrently. */
    public static CompiledFilter compile(String text, FieldCatalog catalog) {
        Filter filter = new Filter(catalog);
        Node root = Parser.parse(text);
        IntPredicate predicate = filter.predicate(root);
        List<Object> candidates = filter.candidateKeys(root);
        return new CompiledFilter() {
            @Override
            public boolean test(int ordinal) {
                return predicate.test(ordinal);
            }

            @Override
            public List<Object> candidateKeys() {
                return candidates;
            }
        };
    }

    private IntPredicate predicate(Node node) {
        if (node instanceof And and) {
            IntPredicate[] parts = and.operands().stream().map(this::predicate).toArray(IntPredicate[]::new);
            // Short conjunctions, the common case, without the loop.
            if (parts.length == 2) {
                IntPredicate a = parts[0];
                IntPredicate b = parts[1];
                return ordinal -> a.test(ordinal) && b.test(ordinal);
            }
            if (parts.length == 3) {
                IntPredicate a = parts[0];
                IntPredicate b = parts[1];
                IntPredicate c = parts[2];
                return ordinal -> a.test(ordinal) && b.test(ordinal) && c.test(ordinal);
            }
            return ordinal -> {
                for (IntPredicate part : parts) {
                    if (!part.test(ordinal)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (node instanceof Or or) {
            IntPredicate[] parts = or.operands().stream().map(this::predicate).toArray(IntPredicate[]::new);
            return ordinal -> {
                for (IntPredicate part : parts) {
                    if (part.test(ordinal)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (node instanceof Not not) {
            return predicate(not.operand()).negate();
        }
        if (node instanceof Compare compare) {
            return Comparisons.compare(compare.op(), operands.compile(compare.left()),
                    operands.compile(compare.right()), compare.position());
        }
        if (node instanceof In in) {
            IntPredicate contained = Comparisons.in(operands.compile(in.target()), in.list());
            return in.negated() ? contained.negate() : contained;
        }
        if (node instanceof Like like) {
            return Functions.like(operands.compile(like.target()), like.pattern(), like.position());
        }
        if (node instanceof IsNull isNull) {
            IntPredicate isNullTest = Functions.isNull(operands.compile(isNull.target()), isNull.position());
            return isNull.negated() ? isNullTest.negate() : isNullTest;
        }
        if (node instanceof Exists exists) {
            return Functions.exists(operands.compile(exists.target()), exists.position());
        }
        if (node instanceof Call call && !call.function().equalsIgnoreCase("array_length")) {
            return Functions.call(call.function(), call.arguments().stream().map(operands::compile).toList(),
                    call.position());
        }
        if (node instanceof Literal literal && literal.value() instanceof Boolean constant) {
            return ordinal -> constant;
        }
        return truth(operands.compile(node));
    }

    /** A value used as a condition: a Bool field, or a JSON value that is {@code true}. */
    private static IntPredicate truth(Operand operand) {
        if (operand instanceof Bool bool) {
            return Operand.where(bool.present(), bool.reader());
        }
        if (operand instanceof Json json) {
            IntFunction<Object> reader = json.reader();
            return ordinal -> Boolean.TRUE.equals(reader.apply(ordinal));
        }
        throw new FilterException("expected a boolean expression, found " + operand.label(), operand.position());
    }

    /**
     * The keys a filter confines rows to when it pins the primary key: {@code pk in [...]},
     * {@code pk == c}, or one of them as a term of a top-level {@code and}.
     */
    private List<Object> candidateKeys(Node node) {
        String pk = catalog.primaryKeyName();
        if (pk == null) {
            return null;
        }
        if (node instanceof And and) {
            return and.operands().stream().map(this::candidateKeys).filter(keys -> keys != null).findFirst().orElse(null);
        }
        if (node instanceof In in && !in.negated() && isPrimaryKey(in.target(), pk)) {
            return keysOfPrimaryKeyType(in.list().values(), pk);
        }
        if (node instanceof Compare compare && compare.op() == CompareOp.EQ) {
            if (isPrimaryKey(compare.left(), pk) && compare.right() instanceof Literal literal) {
                return keysOfPrimaryKeyType(List.of(literal.value()), pk);
            }
            if (isPrimaryKey(compare.right(), pk) && compare.left() instanceof Literal literal) {
                return keysOfPrimaryKeyType(List.of(literal.value()), pk);
            }
        }
        return null;
    }

    private static boolean isPrimaryKey(Node node, String pk) {
        return node instanceof Field field && field.name().equals(pk) && field.path().isEmpty();
    }

    /** The values, if they all have the key's type; otherwise null (the filter then scans). */
    private List<Object> keysOfPrimaryKeyType(List<Object> values, String pk) {
        FieldAccess access = catalog.resolve(pk);
        Class<?> type = access instanceof IntegerColumn ? Long.class : access instanceof VarCharColumn ? String.class : null;
        if (type == null || !values.stream().allMatch(type::isInstance)) {
            return null;
        }
        return List.copyOf(values);
    }
}
