package dev.quiver.expr;

import dev.quiver.expr.FieldAccess.ArrayColumn;
import dev.quiver.expr.FieldAccess.BoolColumn;
import dev.quiver.expr.FieldAccess.FloatingColumn;
import dev.quiver.expr.FieldAccess.IntegerColumn;
import dev.quiver.expr.FieldAccess.JsonValue;
import dev.quiver.expr.FieldAccess.Unfilterable;
import dev.quiver.expr.FieldAccess.VarCharColumn;
import dev.quiver.expr.Node.Arithmetic;
import dev.quiver.expr.Node.Call;
import dev.quiver.expr.Node.Field;
import dev.quiver.expr.Node.ListLiteral;
import dev.quiver.expr.Node.Literal;
import dev.quiver.expr.Node.Negate;
import dev.quiver.expr.Operand.Arr;
import dev.quiver.expr.Operand.Bool;
import dev.quiver.expr.Operand.Const;
import dev.quiver.expr.Operand.Int;
import dev.quiver.expr.Operand.Json;
import dev.quiver.expr.Operand.Real;
import dev.quiver.expr.Operand.Text;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * Compiles value expressions (fields, JSON paths, literals, arithmetic, {@code array_length})
 * into {@link Operand}s, folding constants and checking types before any row is read.
 */
final class Operands {

    private final FieldCatalog catalog;
    private final Function<Node, IntPredicate> predicates;

    /** @param predicates compiles a boolean sub-expression used as a value ({@code (a > 1) == true}) */
    Operands(FieldCatalog catalog, Function<Node, IntPredicate> predicates) {
        this.catalog = catalog;
        this.predicates = predicates;
    }

    Operand compile(Node node) {
        if (node instanceof Literal literal) {
            return new Const(literal.value(), JsonValues.typeName(literal.value()) + " literal", literal.position());
        }
        if (node instanceof ListLiteral list) {
            return new Const(list.values(), "list literal", list.position());
        }
        if (node instanceof Field field) {
            return field(field);
        }
        if (node instanceof Arithmetic arithmetic) {
            return arithmetic(arithmetic.op(), compile(arithmetic.left()), compile(arithmetic.right()),
                    arithmetic.position());
        }
        if (node instanceof Negate negate) {
            Operand operand = compile(negate.operand());
            if (!isNumeric(operand) && !(operand instanceof Json)) {
                throw new FilterException("unary '-' needs a number, found " + operand.label(), negate.position());
            }
            return arithmetic(ArithmeticOp.MULTIPLY, new Const(-1L, "integer literal", negate.position()),
                    operand, negate.position());
        }
        if (node instanceof Call call && call.function().equalsIgnoreCase("array_length")) {
            return arrayLength(call);
        }
        return new Bool(predicates.apply(node), null, "boolean expression", node.position());
    }

    FieldAccess access(Field field) {
        FieldAccess access = catalog.resolve(field.name());
        if (access == null) {
            throw new FilterException("field '" + field.name() + "' does not exist", field.position());
        }
        if (access instanceof Unfilterable unfilterable) {
            throw new FilterException("field '" + field.name() + "' of type " + unfilterable.typeName()
                    + " cannot be used in a filter", field.position());
        }
        return access;
    }

    private Operand field(Field field) {
        FieldAccess access = access(field);
        String label = access.typeName() + " field '" + field.name() + "'";
        int position = field.position();
        if (access instanceof JsonValue json) {
            return new Json(path(json.reader(), field.path()), label + pathText(field.path()), position);
        }
        if (access instanceof ArrayColumn array && !field.path().isEmpty()) {
            if (field.path().size() != 1 || !(field.path().get(0) instanceof Integer)) {
                throw new FilterException("Array field '" + field.name() + "' takes a single [index]", position);
            }
            IntFunction<List<Object>> reader = array.reader();
            return new Json(path(reader::apply, field.path()), label + pathText(field.path()), position);
        }
        if (!field.path().isEmpty()) {
            throw new FilterException(label + " is not JSON and takes no [] path", position);
        }
        if (access instanceof IntegerColumn column) {
            return new Int(column.reader(), negate(column.nulls()), label, position);
        }
        if (access instanceof FloatingColumn column) {
            return new Real(column.reader(), negate(column.nulls()), column.typeName().equals("Float"), label,
                    position);
        }
        if (access instanceof BoolColumn column) {
            return new Bool(column.reader(), negate(column.nulls()), label, position);
        }
        if (access instanceof VarCharColumn column) {
            return new Text(column.reader(), label, position);
        }
        ArrayColumn array = (ArrayColumn) access;
        return new Arr(array.reader(), array.elementType(), label, position);
    }

    private Operand arithmetic(ArithmeticOp op, Operand a, Operand b, int position) {
        requireNumeric(op, a);
        requireNumeric(op, b);
        String label = "arithmetic expression";
        if (a instanceof Const x && b instanceof Const y) {
            Object folded = JsonValues.arithmetic(op, x.value(), y.value());
            if (folded == null) {
                // No value: a division by zero, or a result beyond a double (10 ** 400).
                throw new FilterException(op.divides() && ((Number) y.value()).doubleValue() == 0
                        ? "'" + op.symbol + "' divides by zero"
                        : "'" + op.symbol + "' of " + x.value() + " and " + y.value() + " has no finite value", position);
            }
            return new Const(folded, JsonValues.typeName(folded) + " literal", position);
        }
        if (op.divides() && b instanceof Const divisor && ((Number) divisor.value()).doubleValue() == 0) {
            throw new FilterException("'" + op.symbol + "' divides by zero", position);
        }
        if (a instanceof Json || b instanceof Json) {
            IntFunction<Object> x = Operand.boxed(a);
            IntFunction<Object> y = Operand.boxed(b);
            return new Json(ordinal -> JsonValues.arithmetic(op, x.apply(ordinal), y.apply(ordinal)), label, position);
        }
        IntPredicate present = Operand.both(present(a), present(b));
        if (isInteger(a) && isInteger(b) && op.keepsIntegers()) {
            IntToLongFunction x = longs(a);
            IntToLongFunction y = longs(b);
            if (op.divides() && !(b instanceof Const)) {
                present = Operand.both(present, ordinal -> y.applyAsLong(ordinal) != 0);
            }
            return new Int(ordinal -> op.apply(x.applyAsLong(ordinal), y.applyAsLong(ordinal)), present, label, position);
        }
        IntToDoubleFunction x = doubles(a);
        IntToDoubleFunction y = doubles(b);
        IntPredicate finite = ordinal -> Double.isFinite(op.apply(x.applyAsDouble(ordinal), y.applyAsDouble(ordinal)));
        return new Real(ordinal -> op.apply(x.applyAsDouble(ordinal), y.applyAsDouble(ordinal)),
                Operand.both(present, finite), false, label, position);
    }

    private Operand arrayLength(Call call) {
        if (call.arguments().size() != 1) {
            throw new FilterException("array_length takes 1 argument, got " + call.arguments().size(), call.position());
        }
        Operand target = compile(call.arguments().get(0));
        IntFunction<?> reader = Operand.listSource(target);
        if (reader == null) {
            throw new FilterException("array_length needs an Array or JSON field, found " + target.label(),
                    call.position());
        }
        return new Int(ordinal -> ((List<?>) reader.apply(ordinal)).size(),
                ordinal -> reader.apply(ordinal) instanceof List<?>, "array_length", call.position());
    }

    static boolean isInteger(Operand operand) {
        return operand instanceof Int || (operand instanceof Const c && c.value() instanceof Long);
    }

    static boolean isNumeric(Operand operand) {
        return operand instanceof Int || operand instanceof Real
                || (operand instanceof Const c && c.value() instanceof Number);
    }

    static IntToLongFunction longs(Operand operand) {
        if (operand instanceof Const c) {
            long value = (Long) c.value();
            return ordinal -> value;
        }
        return ((Int) operand).reader();
    }

    static IntToDoubleFunction doubles(Operand operand) {
        if (operand instanceof Const c) {
            double value = ((Number) c.value()).doubleValue();
            return ordinal -> value;
        }
        if (operand instanceof Int i) {
            IntToLongFunction reader = i.reader();
            return ordinal -> reader.applyAsLong(ordinal);
        }
        return ((Real) operand).reader();
    }

    static IntPredicate present(Operand operand) {
        if (operand instanceof Int i) {
            return i.present();
        }
        if (operand instanceof Real r) {
            return r.present();
        }
        if (operand instanceof Bool b) {
            return b.present();
        }
        return null;
    }

    private static void requireNumeric(ArithmeticOp op, Operand operand) {
        if (!isNumeric(operand) && !(operand instanceof Json)) {
            throw new FilterException("'" + op.symbol + "' needs numbers, found " + operand.label(), operand.position());
        }
    }

    private static IntPredicate negate(IntPredicate nulls) {
        return nulls == null ? null : nulls.negate();
    }

    private static IntFunction<Object> path(IntFunction<Object> reader, List<Object> path) {
        if (path.isEmpty()) {
            return reader;
        }
        if (path.size() == 1 && path.get(0) instanceof String key) {
            // meta["x"], the most common path, without the general walk.
            return ordinal -> reader.apply(ordinal) instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return ordinal -> JsonValues.at(reader.apply(ordinal), path);
    }

    private static String pathText(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object step : path) {
            text.append(step instanceof String key ? "[\"" + key + "\"]" : "[" + step + "]");
        }
        return text.toString();
    }
}
