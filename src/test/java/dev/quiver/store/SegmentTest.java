package dev.quiver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SegmentTest {

    @Test
    void appendReturnsConsecutiveOrdinalsAndKeepsEveryColumn() {
        Segment segment = new Segment(IdType.INT64, 3);

        int first = segment.append(42L, new float[] {1, 2, 3}, Map.of("color", "red"), 1_000L);
        int second = segment.append(7L, new float[] {4, 5, 6}, null, 2_000L);

        assertThat(first).isZero();
        assertThat(second).isOne();
        assertThat(segment.size()).isEqualTo(2);
        assertThat(segment.liveCount()).isEqualTo(2);
        assertThat(segment.key(0)).isEqualTo(42L);
        assertThat(segment.longKey(1)).isEqualTo(7L);
        assertThat(segment.vector(1)).containsExactly(4, 5, 6);
        assertThat(segment.insertedAt(0)).isEqualTo(1_000L);
        assertThat(segment.insertedAt(1)).isEqualTo(2_000L);
        assertThat(segment.isLive(0)).isTrue();
        assertThat(segment.dynamicFields(0)).containsExactly(Map.entry("color", "red"));
        assertThat(segment.dynamicFields(1)).isNull();
    }

    @Test
    void emptyDynamicFieldsAreStoredAsNull() {
        Segment segment = new Segment(IdType.INT64, 2);
        segment.append(1L, new float[] {0, 0}, Map.of(), 0L);

        assertThat(segment.dynamicFields(0)).isNull();
    }

    @Test
    void appendCopiesTheVectorSoLaterChangesToTheArrayDoNotLeakIn() {
        Segment segment = new Segment(IdType.INT64, 2);
        float[] vector = {1, 2};
        segment.append(1L, vector, null, 0L);
        vector[0] = 99;

        assertThat(segment.vector(0)).containsExactly(1, 2);
        assertThat(segment.vectorBlock()[0]).isEqualTo(1f);
    }

    @Test
    void vectorBlockHoldsRowIAtIDimensionAndNormsMatch() {
        int dimension = 5;
        Segment segment = new Segment(IdType.INT64, dimension);
        SplittableRandom random = new SplittableRandom(11L);
        float[][] vectors = new float[300][dimension];
        for (int row = 0; row < vectors.length; row++) {
            for (int i = 0; i < dimension; i++) {
                vectors[row][i] = (float) (random.nextDouble() * 2 - 1);
            }
            segment.append((long) row, vectors[row], null, 0L);
        }

        float[] block = segment.vectorBlock();
        assertThat(block.length).isGreaterThanOrEqualTo(vectors.length * dimension);
        for (int row = 0; row < vectors.length; row++) {
            double squares = 0;
            for (int i = 0; i < dimension; i++) {
                assertThat(block[row * dimension + i]).isEqualTo(vectors[row][i]);
                squares += (double) vectors[row][i] * vectors[row][i];
            }
            assertThat(segment.vector(row)).containsExactly(vectors[row]);
            assertThat((double) segment.norm(row)).isCloseTo(Math.sqrt(squares), within(1e-6));
        }
    }

    @Test
    void growsFarBeyondItsInitialCapacityWithoutLosingRows() {
        int rows = 10_000;
        Segment segment = new Segment(IdType.INT64, 4);
        for (int row = 0; row < rows; row++) {
            Map<String, Object> dynamic = row % 2 == 0 ? Map.of("n", (long) row) : null;
            segment.append(row * 3L, new float[] {row, -row, row * 0.5f, 1}, dynamic, row);
        }

        assertThat(segment.size()).isEqualTo(rows);
        assertThat(segment.liveCount()).isEqualTo(rows);
        for (int row = 0; row < rows; row++) {
            assertThat(segment.longKey(row)).isEqualTo(row * 3L);
            assertThat(segment.vector(row)).containsExactly(row, -row, row * 0.5f, 1);
            assertThat(segment.insertedAt(row)).isEqualTo(row);
            assertThat(segment.dynamicFields(row)).isEqualTo(row % 2 == 0 ? Map.of("n", (long) row) : null);
        }
    }

    @Test
    void markDeletedKeepsTheRowsDataAndCountsOnce() {
        Segment segment = new Segment(IdType.INT64, 2);
        segment.append(10L, new float[] {1, 2}, Map.of("k", "v"), 100L);
        segment.append(20L, new float[] {3, 4}, null, 100L);

        segment.markDeleted(0);
        segment.markDeleted(0);

        assertThat(segment.isLive(0)).isFalse();
        assertThat(segment.isLive(1)).isTrue();
        assertThat(segment.liveCount()).isOne();
        assertThat(segment.size()).isEqualTo(2);
        assertThat(segment.key(0)).isEqualTo(10L);
        assertThat(segment.vector(0)).containsExactly(1, 2);
        assertThat(segment.dynamicFields(0)).containsEntry("k", "v");
    }

    @Test
    void aFullSegmentRefusesMoreRowsAndReserveSaysHowManyFit() {
        Segment segment = new Segment(IdType.INT64, 2, 3, java.util.List.of(), false);

        assertThat(segment.reserve(5)).isEqualTo(3);
        for (long key = 0; key < 3; key++) {
            segment.append(key, new float[] {key, key}, null, new Object[0], key + 1, 0L);
        }

        assertThat(segment.isFull()).isTrue();
        assertThat(segment.reserve(1)).isZero();
        assertThat(segment.version(2)).isEqualTo(3L);
        assertThatThrownBy(() -> segment.append(9L, new float[] {0, 0}, null, 0L))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void idTypeParsesWireNamesCaseInsensitively() {
        assertThat(IdType.fromWireName("Int64")).isEqualTo(IdType.INT64);
        assertThat(IdType.fromWireName("varchar")).isEqualTo(IdType.VARCHAR);
        assertThat(IdType.fromWireName("Int32")).isNull();
        assertThat(IdType.VARCHAR.wireName()).isEqualTo("VarChar");
    }
}
