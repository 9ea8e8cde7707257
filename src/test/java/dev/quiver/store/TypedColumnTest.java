package dev.quiver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class TypedColumnTest {

    private static final float[] VECTOR = {1, 0};

    /** One column of every type, in ScalarType order; {@code nullable} for all or none. */
    private static Segment segmentWithEveryType(boolean nullable) {
        List<Column> columns = new ArrayList<>();
        for (ScalarType type : ScalarType.values()) {
            columns.add(Column.of(type, nullable));
        }
        return new Segment(IdType.INT64, 2, columns);
    }

    private static Object[] everyType(long i) {
        return new Object[] {i % 2 == 0, i % 100, i * 3 % 30_000, i * 1_000, i * 1_000_000_007L, i + 0.5,
            i * 0.25, "v" + i, Map.of("n", i), List.of(i, i + 1)};
    }

    @Test
    void everyColumnTypeReadsBackItsTypedValue() {
        Segment segment = segmentWithEveryType(false);
        segment.append(1L, VECTOR, null, new Object[] {true, -128L, -32768L, Long.valueOf(Integer.MIN_VALUE),
            Long.MAX_VALUE, 0.1, 1e300, "héllo", Map.of("a", List.of(1L)), List.of("x", "y")}, 0L);

        assertThat(((BoolColumn) segment.column(0)).get(0)).isTrue();
        assertThat(((Int8Column) segment.column(1)).get(0)).isEqualTo((byte) -128);
        assertThat(((Int16Column) segment.column(2)).get(0)).isEqualTo((short) -32768);
        assertThat(((Int32Column) segment.column(3)).get(0)).isEqualTo(Integer.MIN_VALUE);
        assertThat(((Int64Column) segment.column(4)).get(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(((FloatColumn) segment.column(5)).get(0)).isEqualTo(0.1f);
        assertThat(((DoubleColumn) segment.column(6)).get(0)).isEqualTo(1e300);
        assertThat(((VarCharColumn) segment.column(7)).get(0)).isEqualTo("héllo");
        assertThat(((JsonColumn) segment.column(8)).get(0)).isEqualTo(Map.of("a", List.of(1L)));
        assertThat(((ArrayColumn) segment.column(9)).get(0)).containsExactly("x", "y");
    }

    @Test
    void valueBoxesForOutputWithTheNarrowestNaturalType() {
        Segment segment = segmentWithEveryType(false);
        segment.append(1L, VECTOR, null, everyType(4), 0L);

        assertThat(segment.column(0).value(0)).isEqualTo(true);
        assertThat(segment.column(1).value(0)).isEqualTo(4);
        assertThat(segment.column(2).value(0)).isEqualTo(12);
        assertThat(segment.column(3).value(0)).isEqualTo(4_000);
        assertThat(segment.column(4).value(0)).isEqualTo(4_000_000_028L);
        assertThat(segment.column(5).value(0)).isEqualTo(4.5f);
        assertThat(segment.column(6).value(0)).isEqualTo(1.0);
        assertThat(segment.column(7).value(0)).isEqualTo("v4");
        assertThat(segment.column(8).value(0)).isEqualTo(Map.of("n", 4L));
        assertThat(segment.column(9).value(0)).isEqualTo(List.of(4L, 5L));
    }

    @Test
    void floatColumnKeepsFloat32Precision() {
        Segment segment = new Segment(IdType.INT64, 2, List.of(Column.of(ScalarType.FLOAT, false)));
        segment.append(1L, VECTOR, null, new Object[] {0.1}, 0L);

        assertThat(((FloatColumn) segment.column(0)).get(0)).isEqualTo(0.1f);
        assertThat((double) ((FloatColumn) segment.column(0)).get(0)).isNotEqualTo(0.1);
    }

    @Test
    void nullableColumnsRecordNullsInTheBitmapAndReadNullForReferenceTypes() {
        Segment segment = segmentWithEveryType(true);
        segment.append(1L, VECTOR, null, everyType(1), 0L);
        segment.append(2L, VECTOR, null, new Object[ScalarType.values().length], 0L);
        segment.append(3L, VECTOR, null, everyType(3), 0L);

        for (int i = 0; i < segment.columnCount(); i++) {
            Column column = segment.column(i);
            IntPredicate nulls = column.nulls();
            assertThat(column.nullable()).isTrue();
            assertThat(nulls.test(0)).isFalse();
            assertThat(nulls.test(1)).as("column %d", i).isTrue();
            assertThat(nulls.test(2)).isFalse();
            assertThat(column.isNull(1)).isTrue();
            assertThat(column.value(1)).isNull();
            assertThat(column.value(2)).isNotNull();
        }
        assertThat(((VarCharColumn) segment.column(7)).get(1)).isNull();
        assertThat(((JsonColumn) segment.column(8)).get(1)).isNull();
        assertThat(((ArrayColumn) segment.column(9)).get(1)).isNull();
    }

    @Test
    void columnsThatAreNotNullableHaveNoNullPredicateAndRefuseNull() {
        Segment segment = new Segment(IdType.INT64, 2, List.of(Column.of(ScalarType.INT32, false)));

        assertThat(segment.column(0).nullable()).isFalse();
        assertThat(segment.column(0).nulls()).isNull();
        assertThatThrownBy(() -> segment.append(1L, VECTOR, null, new Object[] {null}, 0L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void columnsGrowWithTheSegmentAndReadersBoundEarlierSeeLaterRows() {
        Segment segment = segmentWithEveryType(true);
        Int64Column int64 = (Int64Column) segment.column(4);
        IntToLongFunction reader = int64::get;
        SplittableRandom random = new SplittableRandom(42);
        List<Object[]> written = new ArrayList<>();
        for (int row = 0; row < 5_000; row++) {
            Object[] values = random.nextInt(10) == 0 ? new Object[ScalarType.values().length]
                    : everyType(random.nextLong(1_000_000));
            written.add(values);
            segment.append((long) row, VECTOR, null, values, row);
        }

        for (int row = 0; row < written.size(); row++) {
            Object[] values = written.get(row);
            for (int i = 0; i < values.length; i++) {
                Object expected = values[i];
                Object actual = segment.column(i).value(row);
                if (expected == null) {
                    assertThat(actual).isNull();
                } else {
                    assertThat(actual.toString()).as("row %d column %d", row, i)
                            .isEqualTo(outputOf(ScalarType.values()[i], expected).toString());
                }
            }
            if (values[4] != null) {
                assertThat(reader.applyAsLong(row)).isEqualTo((Long) values[4]);
            }
        }
    }

    /** What value() returns for a stored plain value: narrowed ints and float32. */
    private static Object outputOf(ScalarType type, Object plain) {
        return switch (type) {
            case INT8, INT16, INT32 -> ((Long) plain).intValue();
            case FLOAT -> ((Double) plain).floatValue();
            default -> plain;
        };
    }

    @Test
    void appendRefusesAWrongNumberOfScalarValues() {
        Segment segment = new Segment(IdType.INT64, 2, List.of(Column.of(ScalarType.BOOL, false)));

        assertThatThrownBy(() -> segment.append(1L, VECTOR, null, 0L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> segment.append(1L, VECTOR, null, new Object[] {true, false}, 0L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(segment.size()).isZero();
    }

    @Test
    void refusedDuplicateKeyLeavesTheColumnsAsTheyWere() {
        Table table = new Table(IdType.INT64, 2, 64, () -> List.of(Column.of(ScalarType.VARCHAR, true)), false);
        table.append(1L, VECTOR, null, new Object[] {"first"}, 1, 0L);

        assertThatThrownBy(() -> table.append(1L, VECTOR, null, new Object[] {"second"}, 2, 0L))
                .isInstanceOf(IllegalStateException.class);
        table.append(2L, VECTOR, null, new Object[] {null}, 3, 0L);
        Segment segment = table.segments().get(0);

        assertThat(((VarCharColumn) segment.column(0)).get(0)).isEqualTo("first");
        assertThat(((VarCharColumn) segment.column(0)).get(1)).isNull();
        assertThat(segment.column(0).isNull(1)).isTrue();
    }

    @Test
    void arrayColumnHoldsUnmodifiableCopies() {
        Segment segment = new Segment(IdType.INT64, 2, List.of(Column.of(ScalarType.ARRAY, false)));
        List<Object> elements = new ArrayList<>(List.of(1L, 2L));
        segment.append(1L, VECTOR, null, new Object[] {elements}, 0L);
        elements.add(3L);

        List<Object> stored = ((ArrayColumn) segment.column(0)).get(0);
        assertThat(stored).containsExactly(1L, 2L);
        assertThatThrownBy(() -> stored.add(4L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void boolColumnReadsBackTrueAndFalse() {
        Segment segment = new Segment(IdType.INT64, 2, List.of(Column.of(ScalarType.BOOL, false)));
        segment.append(1L, VECTOR, null, new Object[] {true}, 0L);
        segment.append(2L, VECTOR, null, new Object[] {false}, 0L);

        BoolColumn column = (BoolColumn) segment.column(0);
        assertThat(column.get(0)).isTrue();
        assertThat(column.get(1)).isFalse();
        assertThat(column.value(1)).isEqualTo(false);
    }

    @Test
    void wireNamesParseCaseInsensitively() {
        assertThat(ScalarType.fromWireName("varchar")).isEqualTo(ScalarType.VARCHAR);
        assertThat(ScalarType.fromWireName("JSON")).isEqualTo(ScalarType.JSON);
        assertThat(ScalarType.fromWireName("json")).isEqualTo(ScalarType.JSON);
        assertThat(ScalarType.fromWireName("INT8")).isEqualTo(ScalarType.INT8);
        assertThat(ScalarType.fromWireName("FloatVector")).isNull();
        assertThat(ScalarType.INT16.min()).isEqualTo(-32768);
        assertThat(ScalarType.INT8.max()).isEqualTo(127);
    }
}
