package dev.quiver.expr;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * How a filter reads one field of a row, given the row's ordinal. The collection supplies these
 * through a {@link FieldCatalog}; readers are called under the collection's read lock. Typed
 * columns are read without boxing.
 *
 * <p>{@code nulls} tells which rows hold SQL null in a nullable column; it is null for columns
 * that cannot hold null. Readers of null rows may return anything.
 */
public sealed interface FieldAccess {

    String name();

    /** The Milvus type name, for messages: {@code Int64}, {@code VarChar}, {@code FloatVector(8)}... */
    String typeName();

    /** Int8, Int16, Int32 or Int64. */
    record IntegerColumn(String name, String typeName, IntToLongFunction reader, IntPredicate nulls)
            implements FieldAccess {
    }

    /** Float or Double; Float values are widened exactly. */
    record FloatingColumn(String name, String typeName, IntToDoubleFunction reader, IntPredicate nulls)
            implements FieldAccess {
    }

    record BoolColumn(String name, IntPredicate reader, IntPredicate nulls) implements FieldAccess {
        @Override
        public String typeName() {
            return "Bool";
        }
    }

    /** VarChar; the reader returns null for null rows. */
    record VarCharColumn(String name, IntFunction<String> reader) implements FieldAccess {
        @Override
        public String typeName() {
            return "VarChar";
        }
    }

    /**
     * An untyped JSON value (a JSON field, a dynamic field, or the whole {@code $meta} object):
     * Long, Double, String, Boolean, List, Map, or null when the row lacks it.
     */
    record JsonValue(String name, IntFunction<Object> reader) implements FieldAccess {
        @Override
        public String typeName() {
            return "JSON";
        }
    }

    /**
     * An Array field whose elements are of {@code elementType} (a Milvus scalar type name): Long
     * for integer types, Double for Float/Double, String, Boolean. The reader returns null for null
     * rows.
     */
    record ArrayColumn(String name, String elementType, IntFunction<List<Object>> reader) implements FieldAccess {
        @Override
        public String typeName() {
            return "Array";
        }
    }

    /** A field that exists but cannot appear in a filter, such as the vector field. */
    record Unfilterable(String name, String typeName) implements FieldAccess {
    }
}
