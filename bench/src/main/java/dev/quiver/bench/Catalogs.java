package dev.quiver.bench;

import dev.quiver.expr.FieldAccess;
import dev.quiver.expr.FieldCatalog;
import java.util.Map;

/** Field catalogs over {@link Rows}, built only from the filter engine's public API. */
final class Catalogs {

    private Catalogs() {
    }

    /** {@code age} Int32 column, {@code color} VarChar column, {@code meta} JSON field. */
    static FieldCatalog typed(Rows.Typed data) {
        int[] age = data.age();
        String[] color = data.color();
        Object[] meta = data.meta();
        return name -> switch (name) {
            case "age" -> new FieldAccess.IntegerColumn(name, "Int32", ordinal -> age[ordinal], null);
            case "color" -> new FieldAccess.VarCharColumn(name, ordinal -> color[ordinal]);
            case "meta" -> new FieldAccess.JsonValue(name, ordinal -> meta[ordinal]);
            default -> null;
        };
    }

    /**
     * Every name is a dynamic key looked up in the row's map, and {@code $meta} is the whole map:
     * the same readers Quiver's collection hands the filter for a collection with dynamic fields.
     */
    static FieldCatalog dynamic(Rows.Dynamic data) {
        Map<String, Object>[] rows = data.rows();
        return name -> {
            if (name.equals("$meta")) {
                return new FieldAccess.JsonValue(name, ordinal -> rows[ordinal]);
            }
            return new FieldAccess.JsonValue(name, ordinal -> {
                Map<String, Object> fields = rows[ordinal];
                return fields == null ? null : fields.get(name);
            });
        };
    }
}
