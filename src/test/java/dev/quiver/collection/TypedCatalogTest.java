package dev.quiver.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.expr.FieldAccess;
import dev.quiver.expr.FieldCatalog;
import dev.quiver.index.Metric;
import dev.quiver.store.Column;
import dev.quiver.store.IdType;
import dev.quiver.store.ScalarType;
import dev.quiver.store.Segment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Filters and projections over typed columns, as the collection wires them. */
class TypedCatalogTest {

    private static final List<ScalarField> FIELDS = List.of(
            new ScalarField("b", ScalarType.BOOL, 0, null, 0, true, ""),
            new ScalarField("i8", ScalarType.INT8, 0, null, 0, false, ""),
            new ScalarField("i16", ScalarType.INT16, 0, null, 0, false, ""),
            new ScalarField("i32", ScalarType.INT32, 0, null, 0, true, ""),
            new ScalarField("i64", ScalarType.INT64, 0, null, 0, false, ""),
            new ScalarField("f", ScalarType.FLOAT, 0, null, 0, false, ""),
            new ScalarField("d", ScalarType.DOUBLE, 0, null, 0, true, ""),
            new ScalarField("s", ScalarType.VARCHAR, 8, null, 0, true, ""),
            new ScalarField("j", ScalarType.JSON, 0, null, 0, true, ""),
            new ScalarField("a", ScalarType.ARRAY, 0, ScalarType.FLOAT, 4, true, ""));

    private static final CollectionSchema SCHEMA = new CollectionSchema("default", "typed", "", "pk", IdType.INT64,
            0, false, "vector", 2, Metric.L2, true, FIELDS);

    private final Segment segment = new Segment(IdType.INT64, 2, FIELDS.stream()
            .map(field -> Column.of(field.type(), field.nullable())).toList());
    private final SchemaCatalog catalog = new SchemaCatalog(SCHEMA, segment);

    TypedCatalogTest() {
        segment.append(10L, new float[] {1, 0}, Map.of("i32", "dynamic", "x", 1L), new Object[] {true, 7L, -300L,
            70_000L, Long.MIN_VALUE, 0.5, 2.25, "abc", Map.of("k", List.of(1L)), List.of((double) 0.1f, 2.0)}, 1L);
        segment.append(11L, new float[] {0, 1}, null, new Object[] {null, -1L, 1L, null, 5L, -1.5, null, null, null,
            null}, 1L);
    }

    @Test
    void catalogNamesThePrimaryKey() {
        assertThat(catalog.primaryKeyName()).isEqualTo("pk");
    }

    @Test
    void typedFieldsResolveToTypedReadersOverTheColumns() {

        var b = (FieldAccess.BoolColumn) catalog.resolve("b");
        assertThat(b.reader().test(0)).isTrue();
        assertThat(b.nulls().test(1)).isTrue();
        assertThat(b.nulls().test(0)).isFalse();
        assertInteger(catalog.resolve("i8"), "Int8", 7, -1, false);
        assertInteger(catalog.resolve("i16"), "Int16", -300, 1, false);
        assertInteger(catalog.resolve("i32"), "Int32", 70_000, 0, true);
        assertInteger(catalog.resolve("i64"), "Int64", Long.MIN_VALUE, 5, false);
        var f = (FieldAccess.FloatingColumn) catalog.resolve("f");
        assertThat(f.typeName()).isEqualTo("Float");
        assertThat(f.reader().applyAsDouble(1)).isEqualTo(-1.5);
        assertThat(f.nulls()).isNull();
        var d = (FieldAccess.FloatingColumn) catalog.resolve("d");
        assertThat(d.typeName()).isEqualTo("Double");
        assertThat(d.reader().applyAsDouble(0)).isEqualTo(2.25);
        assertThat(d.nulls().test(1)).isTrue();
        var s = (FieldAccess.VarCharColumn) catalog.resolve("s");
        assertThat(s.reader().apply(0)).isEqualTo("abc");
        assertThat(s.reader().apply(1)).isNull();
        var j = (FieldAccess.JsonValue) catalog.resolve("j");
        assertThat(j.reader().apply(0)).isEqualTo(Map.of("k", List.of(1L)));
        assertThat(j.reader().apply(1)).isNull();
        var a = (FieldAccess.ArrayColumn) catalog.resolve("a");
        assertThat(a.elementType()).isEqualTo("Float");
        assertThat(a.reader().apply(0)).containsExactly((double) 0.1f, 2.0);
        assertThat(a.reader().apply(1)).isNull();
    }

    private static void assertInteger(FieldAccess access, String typeName, long row0, long row1, boolean nullable) {
        var column = (FieldAccess.IntegerColumn) access;
        assertThat(column.typeName()).isEqualTo(typeName);
        if (!nullable) {
            assertThat(column.nulls()).isNull();
            assertThat(column.reader().applyAsLong(1)).isEqualTo(row1);
        } else {
            assertThat(column.nulls().test(1)).isTrue();
        }
        assertThat(column.reader().applyAsLong(0)).isEqualTo(row0);
    }

    @Test
    void typedFieldWinsOverADynamicKeyOfTheSameName() {
        assertThat(catalog.resolve("i32")).isInstanceOf(FieldAccess.IntegerColumn.class);
        assertThat(catalog.resolve("x")).isInstanceOf(FieldAccess.JsonValue.class);
    }

    @Test
    void starProjectionRendersEveryTypedFieldWithNullsAndFloatElementsAsFloats() {
        Map<String, Object> row = Projection.of(List.of("*"), SCHEMA, true).render(segment, 0);
        Map<String, Object> nulls = Projection.of(null, SCHEMA, true).render(segment, 1);

        assertThat(row).containsEntry("b", true).containsEntry("i8", 7).containsEntry("i16", -300)
                .containsEntry("i32", 70_000).containsEntry("i64", Long.MIN_VALUE).containsEntry("f", 0.5f)
                .containsEntry("d", 2.25).containsEntry("s", "abc").containsEntry("j", Map.of("k", List.of(1L)))
                .containsEntry("a", List.of(0.1f, 2.0f)).containsEntry("x", 1L).containsEntry("pk", 10L);
        assertThat(nulls).containsEntry("b", null).containsEntry("i32", null).containsEntry("d", null)
                .containsEntry("s", null).containsEntry("j", null).containsEntry("a", null)
                .containsEntry("i8", -1).containsEntry("f", -1.5f);
    }

    @Test
    void namedProjectionRendersOnlyTheNamedTypedFields() {
        Map<String, Object> row = Projection.of(List.of("i64", "s"), SCHEMA, false).render(segment, 0);

        assertThat(row).containsOnlyKeys("i64", "s");
    }

    @Test
    void typedFieldsAreOutputFieldsEvenWithoutDynamicFields() {
        CollectionSchema fixed = new CollectionSchema("default", "fixed", "", "pk", IdType.INT64, 0, false, "vector",
                2, Metric.L2, false, FIELDS);

        assertThat(Projection.of(List.of("j"), fixed, false).render(segment, 0)).containsOnlyKeys("j");
    }

    @Test
    void int64FieldsListThePrimaryKeyAndTypedInt64Fields() {
        assertThat(SCHEMA.int64Fields()).containsExactly("pk", "i64");
    }
}
