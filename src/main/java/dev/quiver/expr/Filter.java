package dev.quiver.expr;

import dev.quiver.expr.FieldAccess.IntegerColumn;
import dev.quiver.expr.FieldAccess.JsonValue;
import dev.quiver.expr.FieldAccess.Unfilterable;
import dev.quiver.expr.FieldAccess.VarCharColumn;
import dev.quiver.expr.Node.And;
import dev.quiver.expr.Node.Compare;
import dev.quiver.expr.Node.Field;
import dev.quiver.expr.Node.In;
import dev.quiver.expr.Node.Literal;
import dev.quiver.expr.Node.Not;
import dev.quiver.expr.Node.Or;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

/**
 * Compiles a Milvus filter once per request into a predicate over row ordinals. All parse and
 * type errors surface here, before any row is read, as {@link FilterException}.
 */
public final class Filter {

    private final FieldCatalog catalog;

    private Filter(FieldCatalog catalog) {
        this.catalog = catalog;
    }

    /** Parses, type-checks and compiles {@code text}; the result is safe to call concurrently. */
    public static CompiledFilter compile(String text, FieldCatalog catalog) {
        IntPredicate predicate = new Filter(catalog).predicate(Parser.parse(text));
        return new CompiledFilter() {
            @Override
            public boolean test(int ordinal) {
                return predicate.test(ordinal);
            }

            @Override
            public List<Object> candidateKeys() {
                return null;
            }
        };
    }

    private IntPredicate predicate(Node node) {
        if (node instanceof And and) {
            IntPredicate[] parts = and.operands().stream().map(this::predicate).toArray(IntPredicate[]::new);
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
            return compare(compare);
        }
        if (node instanceof In in) {
            IntPredicate contained = in(in);
            return in.negated() ? contained.negate() : contained;
        }
        if (node instanceof Literal literal && literal.value() instanceof Boolean constant) {
            return ordinal -> constant;
        }
        if (node instanceof Field field && access(field) instanceof JsonValue json) {
            IntFunction<Object> reader = jsonReader(json, field);
            return ordinal -> Boolean.TRUE.equals(reader.apply(ordinal));
        }
        throw new FilterException("expected a boolean expression", node.position());
    }

    private IntPredicate compare(Compare compare) {
        Node left = compare.left();
        Node right = compare.right();
        CompareOp op = compare.op();
        if (left instanceof Literal && right instanceof Field) {
            return compare(new Compare(op.flipped(), right, left, compare.position()));
        }
        if (left instanceof Literal a && right instanceof Literal b) {
            requireComparable(op, a.value(), b.value(), compare.position());
            boolean result = JsonValues.holds(op, a.value(), b.value());
            return ordinal -> result;
        }
        if (!(left instanceof Field field)) {
            throw new FilterException("expected a field or a literal on the left of '" + op.symbol + "'", left.position());
        }
        FieldAccess access = access(field);
        if (right instanceof Literal literal) {
            return fieldVersusLiteral(op, field, access, literal);
        }
        if (right instanceof Field other) {
            return fieldVersusField(op, field, access, other, access(other), compare.position());
        }
        throw new FilterException("expected a field or a literal on the right of '" + op.symbol + "'", right.position());
    }

    private IntPredicate fieldVersusLiteral(CompareOp op, Field field, FieldAccess access, Literal literal) {
        Object value = literal.value();
        if (access instanceof IntegerColumn column) {
            IntToLongFunction reader = column.reader();
            if (value instanceof Long constant) {
                long c = constant;
                return ordinal -> op.holds(Long.compare(reader.applyAsLong(ordinal), c));
            }
            if (value instanceof Double constant) {
                double c = constant;
                return ordinal -> op.holds(JsonValues.compareNumbers(reader.applyAsLong(ordinal), c));
            }
            throw typeMismatch(field, "Int64", value, literal.position());
        }
        if (access instanceof VarCharColumn column) {
            if (!(value instanceof String constant)) {
                throw typeMismatch(field, "VarChar", value, literal.position());
            }
            IntFunction<String> reader = column.reader();
            return ordinal -> op.holds(Integer.signum(reader.apply(ordinal).compareTo(constant)));
        }
        IntFunction<Object> reader = jsonReader((JsonValue) access, field);
        return ordinal -> JsonValues.holds(op, reader.apply(ordinal), value);
    }

    private IntPredicate fieldVersusField(CompareOp op, Field left, FieldAccess leftAccess,
            Field right, FieldAccess rightAccess, int position) {
        if (leftAccess instanceof IntegerColumn a && rightAccess instanceof IntegerColumn b) {
            IntToLongFunction x = a.reader();
            IntToLongFunction y = b.reader();
            return ordinal -> op.holds(Long.compare(x.applyAsLong(ordinal), y.applyAsLong(ordinal)));
        }
        if (!(leftAccess instanceof JsonValue) && !(rightAccess instanceof JsonValue)
                && leftAccess.getClass() != rightAccess.getClass()) {
            throw new FilterException("cannot compare field '" + left.name() + "' with field '" + right.name()
                    + "' of another type", position);
        }
        IntFunction<Object> x = boxedReader(leftAccess, left);
        IntFunction<Object> y = boxedReader(rightAccess, right);
        return ordinal -> JsonValues.holds(op, x.apply(ordinal), y.apply(ordinal));
    }

    private IntPredicate in(In in) {
        if (!(in.target() instanceof Field field)) {
            throw new FilterException("expected a field before in", in.target().position());
        }
        FieldAccess access = access(field);
        List<Literal> values = in.list().values();
        if (access instanceof IntegerColumn column) {
            long[] sorted = new long[values.size()];
            for (int i = 0; i < sorted.length; i++) {
                if (!(values.get(i).value() instanceof Long value)) {
                    throw typeMismatch(field, "Int64", values.get(i).value(), values.get(i).position());
                }
                sorted[i] = value;
            }
            Arrays.sort(sorted);
            IntToLongFunction reader = column.reader();
            return ordinal -> Arrays.binarySearch(sorted, reader.applyAsLong(ordinal)) >= 0;
        }
        if (access instanceof VarCharColumn column) {
            Set<String> set = new HashSet<>();
            for (Literal literal : values) {
                if (!(literal.value() instanceof String value)) {
                    throw typeMismatch(field, "VarChar", literal.value(), literal.position());
                }
                set.add(value);
            }
            IntFunction<String> reader = column.reader();
            return ordinal -> set.contains(reader.apply(ordinal));
        }
        IntFunction<Object> reader = jsonReader((JsonValue) access, field);
        Object[] constants = values.stream().map(Literal::value).toArray();
        return ordinal -> {
            Object value = reader.apply(ordinal);
            for (Object constant : constants) {
                if (JsonValues.holds(CompareOp.EQ, value, constant)) {
                    return true;
                }
            }
            return false;
        };
    }

    private FieldAccess access(Field field) {
        FieldAccess access = catalog.resolve(field.name());
        if (access == null) {
            throw new FilterException("field '" + field.name() + "' does not exist", field.position());
        }
        if (access instanceof Unfilterable unfilterable) {
            throw new FilterException("field '" + field.name() + "' of type " + unfilterable.typeName()
                    + " cannot be used in a filter", field.position());
        }
        if (!(access instanceof JsonValue) && !field.path().isEmpty()) {
            throw new FilterException("field '" + field.name() + "' is not JSON and takes no [] path", field.position());
        }
        return access;
    }

    private static IntFunction<Object> jsonReader(JsonValue json, Field field) {
        IntFunction<Object> reader = json.reader();
        List<Object> path = field.path();
        return path.isEmpty() ? reader : ordinal -> JsonValues.at(reader.apply(ordinal), path);
    }

    private static IntFunction<Object> boxedReader(FieldAccess access, Field field) {
        if (access instanceof IntegerColumn column) {
            IntToLongFunction reader = column.reader();
            return ordinal -> reader.applyAsLong(ordinal);
        }
        if (access instanceof VarCharColumn column) {
            IntFunction<String> reader = column.reader();
            return reader::apply;
        }
        return jsonReader((JsonValue) access, field);
    }

    private static void requireComparable(CompareOp op, Object a, Object b, int position) {
        int comparison = JsonValues.compare(a, b);
        if (comparison == JsonValues.INCOMPARABLE || (!op.isEquality() && a instanceof Boolean)) {
            throw new FilterException("cannot apply '" + op.symbol + "' to " + JsonValues.typeName(a) + " and "
                    + JsonValues.typeName(b), position);
        }
    }

    private static FilterException typeMismatch(Field field, String type, Object value, int position) {
        return new FilterException("cannot compare " + type + " field '" + field.name() + "' with "
                + JsonValues.typeName(value) + " literal", position);
    }
}
