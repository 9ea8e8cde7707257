package dev.quiver.expr;

import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * How a filter reads one field of a row, given the row's ordinal. The collection supplies these
 * through a {@link FieldCatalog}; readers are called under the collection's read lock.
 */
public sealed interface FieldAccess {

    String name();

    /** A typed Int64 column, read without boxing. */
    record Int64Column(String name, IntToLongFunction reader) implements FieldAccess {
    }

    /** A typed VarChar column. */
    record VarCharColumn(String name, IntFunction<String> reader) implements FieldAccess {
    }

    /**
     * An untyped JSON value (a dynamic field or the whole {@code $meta} object): Long, Double,
     * String, Boolean, List, Map, or null when the row lacks it.
     */
    record JsonValue(String name, IntFunction<Object> reader) implements FieldAccess {
    }

    /** A field that exists but cannot appear in a filter, such as the vector field. */
    record Unfilterable(String name, String typeName) implements FieldAccess {
    }
}
