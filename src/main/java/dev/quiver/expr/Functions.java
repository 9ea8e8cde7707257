package dev.quiver.expr;

import dev.quiver.expr.Operand.Arr;
import dev.quiver.expr.Operand.Const;
import dev.quiver.expr.Operand.Json;
import dev.quiver.expr.Operand.Text;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The predicate functions ({@code json_contains*}, {@code array_contains*}) and the
 * {@code like}, {@code is null} and {@code exists} tests. Containment compares JSON scalars by
 * value, so 2 and 2.0 meet.
 */
final class Functions {

    private Functions() {
    }

    static IntPredicate call(String function, List<Operand> arguments, int position) {
        String name = function.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "json_contains", "array_contains" -> contains(name, arguments, position, Mode.ONE);
            case "json_contains_all", "array_contains_all" -> contains(name, arguments, position, Mode.ALL);
            case "json_contains_any", "array_contains_any" -> contains(name, arguments, position, Mode.ANY);
            case "array_length" -> throw new FilterException("array_length gives a number, not a condition; "
                    + "compare it, as in array_length(tags) == 2", position);
            default -> throw new FilterException("unknown function '" + function + "'", position);
        };
    }

    private enum Mode { ONE, ALL, ANY }

    private static IntPredicate contains(String name, List<Operand> arguments, int position, Mode mode) {
        if (arguments.size() != 2) {
            throw new FilterException(name + " takes 2 arguments, got " + arguments.size(), position);
        }
        Operand target = arguments.get(0);
        IntFunction<?> reader = Operand.listSource(target);
        if (reader == null) {
            throw new FilterException(name + " needs an Array or JSON field first, found " + target.label(), position);
        }
        if (!(arguments.get(1) instanceof Const wanted)) {
            throw new FilterException(name + " needs a literal second argument, found " + arguments.get(1).label(),
                    position);
        }
        List<Object> values = mode == Mode.ONE ? List.of(wanted.value()) : listArgument(name, wanted, position);
        if (target instanceof Arr array) {
            values.forEach(value -> requireElementType(array, value, position));
        }
        Set<Object> keys = new HashSet<>();
        values.forEach(value -> keys.add(JsonValues.hashKey(value)));
        return ordinal -> reader.apply(ordinal) instanceof List<?> list && matches(list, keys, mode);
    }

    private static boolean matches(List<?> list, Set<Object> keys, Mode mode) {
        if (mode == Mode.ALL) {
            Set<Object> present = new HashSet<>();
            for (Object element : list) {
                Object key = JsonValues.hashKey(element);
                if (keys.contains(key)) {
                    present.add(key);
                }
            }
            return present.size() == keys.size();
        }
        for (Object element : list) {
            if (keys.contains(JsonValues.hashKey(element))) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listArgument(String name, Const argument, int position) {
        if (!(argument.value() instanceof List<?>)) {
            throw new FilterException(name + " needs a list as its second argument, found " + argument.label(), position);
        }
        return (List<Object>) argument.value();
    }

    private static void requireElementType(Arr array, Object value, int position) {
        boolean fits = switch (array.elementType()) {
            case "Bool" -> value instanceof Boolean;
            case "Int8", "Int16", "Int32", "Int64" -> value instanceof Long;
            case "Float", "Double" -> value instanceof Number;
            case "VarChar" -> value instanceof String;
            default -> true;
        };
        if (!fits) {
            throw new FilterException(array.label() + " holds " + array.elementType() + " elements, not "
                    + JsonValues.typeName(value) + " " + value, position);
        }
    }

    static IntPredicate like(Operand target, String pattern, int position) {
        if (pattern.length() > LikePattern.MAX_LENGTH) {
            throw new FilterException("like pattern of " + pattern.length() + " characters exceeds the limit of "
                    + LikePattern.MAX_LENGTH, position);
        }
        Predicate<String> matcher = LikePattern.compile(pattern);
        if (target instanceof Text text) {
            IntFunction<String> reader = text.reader();
            return ordinal -> {
                String value = reader.apply(ordinal);
                return value != null && matcher.test(value);
            };
        }
        if (target instanceof Json json) {
            IntFunction<Object> reader = json.reader();
            return ordinal -> reader.apply(ordinal) instanceof String value && matcher.test(value);
        }
        throw new FilterException("like needs a VarChar or JSON field, found " + target.label(), position);
    }

    static IntPredicate isNull(Operand target, int position) {
        if (target instanceof Const) {
            throw new FilterException("is null needs a field, found " + target.label(), position);
        }
        if (target instanceof Text || target instanceof Json || target instanceof Arr) {
            IntFunction<Object> reader = Operand.boxed(target);
            return ordinal -> reader.apply(ordinal) == null;
        }
        IntPredicate present = Operands.present(target);
        return present == null ? ordinal -> false : present.negate();
    }

    static IntPredicate exists(Operand target, int position) {
        if (!(target instanceof Json json)) {
            throw new FilterException("exists applies to JSON and dynamic fields, found " + target.label(), position);
        }
        IntFunction<Object> reader = json.reader();
        return ordinal -> reader.apply(ordinal) != null;
    }
}
