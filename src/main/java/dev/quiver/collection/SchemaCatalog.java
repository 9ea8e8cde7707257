package dev.quiver.collection;

import dev.quiver.expr.FieldAccess;
import dev.quiver.expr.FieldCatalog;
import dev.quiver.store.ArrayColumn;
import dev.quiver.store.BoolColumn;
import dev.quiver.store.Column;
import dev.quiver.store.DoubleColumn;
import dev.quiver.store.FloatColumn;
import dev.quiver.store.IdType;
import dev.quiver.store.Int16Column;
import dev.quiver.store.Int32Column;
import dev.quiver.store.Int64Column;
import dev.quiver.store.Int8Column;
import dev.quiver.store.JsonColumn;
import dev.quiver.store.Segment;
import dev.quiver.store.VarCharColumn;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Resolves the names a filter mentions against one collection: the primary key, the vector
 * field, typed scalar fields, then (when enabled) dynamic keys and {@code $meta}. Typed readers
 * are bound to the column objects, not their arrays, so they stay valid as the segment grows;
 * each column type gets its own method reference, so a filter's call sites stay monomorphic.
 * Readers must run under the collection's read or write lock.
 */
final class SchemaCatalog implements FieldCatalog {

    private static final String META = "$meta";

    private final CollectionSchema schema;
    private final Segment segment;

    SchemaCatalog(CollectionSchema schema, Segment segment) {
        this.schema = schema;
        this.segment = segment;
    }

    @Override
    public String primaryKeyName() {
        return schema.primaryField();
    }

    @Override
    public FieldAccess resolve(String name) {
        if (name.equals(schema.primaryField())) {
            return schema.idType() == IdType.INT64
                    ? new FieldAccess.IntegerColumn(name, "Int64", segment::longKey, null)
                    : new FieldAccess.VarCharColumn(name, segment::stringKey);
        }
        if (name.equals(schema.vectorField())) {
            return new FieldAccess.Unfilterable(name, "FloatVector(" + schema.dimension() + ")");
        }
        int index = schema.scalarFieldIndex(name);
        if (index >= 0) {
            return typed(schema.scalarFields().get(index), segment.column(index));
        }
        if (!schema.dynamicFields()) {
            return null;
        }
        if (name.equals(META)) {
            return new FieldAccess.JsonValue(name, segment::dynamicFields);
        }
        return new FieldAccess.JsonValue(name, ordinal -> {
            Map<String, Object> fields = segment.dynamicFields(ordinal);
            return fields == null ? null : fields.get(name);
        });
    }

    private static FieldAccess typed(ScalarField field, Column column) {
        String name = field.name();
        IntPredicate nulls = column.nulls();
        return switch (field.type()) {
            case BOOL -> new FieldAccess.BoolColumn(name, ((BoolColumn) column)::get, nulls);
            case INT8 -> new FieldAccess.IntegerColumn(name, "Int8", ((Int8Column) column)::get, nulls);
            case INT16 -> new FieldAccess.IntegerColumn(name, "Int16", ((Int16Column) column)::get, nulls);
            case INT32 -> new FieldAccess.IntegerColumn(name, "Int32", ((Int32Column) column)::get, nulls);
            case INT64 -> new FieldAccess.IntegerColumn(name, "Int64", ((Int64Column) column)::get, nulls);
            case FLOAT -> new FieldAccess.FloatingColumn(name, "Float", ((FloatColumn) column)::get, nulls);
            case DOUBLE -> new FieldAccess.FloatingColumn(name, "Double", ((DoubleColumn) column)::get, nulls);
            case VARCHAR -> new FieldAccess.VarCharColumn(name, ((VarCharColumn) column)::get);
            case JSON -> new FieldAccess.JsonValue(name, ((JsonColumn) column)::get);
            case ARRAY -> new FieldAccess.ArrayColumn(name, field.elementType().wireName(),
                    ((ArrayColumn) column)::get);
        };
    }
}
