package dev.quiver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.QuiverException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TableTest {

    private static Table table(IdType idType, int segmentRows) {
        return new Table(idType, 1, segmentRows, List::of, false);
    }

    private static int append(Table table, Object key, float value, long version) {
        return table.append(key, new float[] {value}, null, new Object[0], version, version);
    }

    @Test
    void rowsSpillIntoNewSegmentsAndStayAddressableByKey() {
        Table table = table(IdType.INT64, 4);
        for (long key = 0; key < 10; key++) {
            append(table, key * 7, key, key + 1);
        }

        assertThat(table.segmentCapacity()).isEqualTo(4);
        assertThat(table.segments()).hasSize(3);
        assertThat(table.segments()).extracting(Segment::size).containsExactly(4, 4, 2);
        assertThat(table.liveCount()).isEqualTo(10);
        for (long key = 0; key < 10; key++) {
            int ordinal = table.liveOrdinal(key * 7);
            assertThat(table.key(ordinal)).isEqualTo(key * 7);
            assertThat(table.segmentOf(ordinal).vector(table.local(ordinal))).containsExactly(key);
            assertThat(table.segmentOf(ordinal).version(table.local(ordinal))).isEqualTo(key + 1);
        }
        assertThat(table.liveOrdinal(3L)).isEqualTo(-1);
    }

    @Test
    void segmentRowsAreCappedByWhatOneVectorArrayHolds() {
        Table hundred = table(IdType.INT64, 100);
        assertThat(hundred.segmentCapacity()).isEqualTo(100);
        for (long key = 0; key < 250; key++) {
            append(hundred, key, key, key + 1);
        }
        assertThat(hundred.segments()).extracting(Segment::size).containsExactly(100, 100, 50);
        assertThat(hundred.key(hundred.liveOrdinal(249L))).isEqualTo(249L);
        assertThat(new Table(IdType.INT64, 32768, 1 << 20, List::of, false).segmentCapacity()).isEqualTo(65535);
    }

    @Test
    void markDeletedRemovesTheKeySoItCanComeBackAsANewRow() {
        Table table = table(IdType.INT64, 4);
        int old = append(table, 10L, 1, 1);
        table.markDeleted(old);
        int fresh = append(table, 10L, 2, 2);
        table.markDeleted(old); // a late second delete of the old row must not touch the new one

        assertThat(fresh).isNotEqualTo(old);
        assertThat(table.liveOrdinal(10L)).isEqualTo(fresh);
        assertThat(table.liveCount()).isOne();
        assertThat(table.segmentOf(old).isLive(table.local(old))).isFalse();
    }

    @Test
    void appendingALiveKeyFailsAndChangesNothing() {
        Table table = table(IdType.VARCHAR, 4);
        append(table, "a", 1, 1);

        assertThatThrownBy(() -> append(table, "a", 2, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a");
        assertThat(table.liveCount()).isOne();
        assertThat(table.segments().get(0).size()).isOne();
    }

    @Test
    void compactionKeepsLiveRowsInOrderAndRepointsTheKeyMap() {
        Table table = table(IdType.INT64, 4);
        for (long key = 0; key < 8; key++) {
            append(table, key, key, key + 1);
        }
        for (long key : new long[] {0, 1, 2, 5}) {
            table.markDeleted(table.liveOrdinal(key));
        }
        Segment first = table.segments().get(0);

        table.replace(table.compacted(first));

        Segment copy = table.segments().get(0);
        assertThat(copy.size()).isOne();
        assertThat(copy.longKey(0)).isEqualTo(3L);
        for (long key : new long[] {3, 4, 6, 7}) {
            int ordinal = table.liveOrdinal(key);
            assertThat(table.segmentOf(ordinal).vector(table.local(ordinal))).containsExactly(key);
        }
        assertThat(table.liveCount()).isEqualTo(4);
    }

    @Test
    void deletesBetweenTheCopyAndTheSwapReachTheCopyAndASealedCopyTakesNoAppends() {
        Table table = table(IdType.INT64, 4);
        for (long key = 0; key < 6; key++) {
            append(table, key, key, key + 1);
        }
        table.markDeleted(table.liveOrdinal(0L));
        table.markDeleted(table.liveOrdinal(1L));
        Segment first = table.segments().get(0);
        Compaction compaction = table.compacted(first);

        table.markDeleted(table.liveOrdinal(2L));
        table.replace(compaction);
        append(table, 6L, 6, 7);

        Segment copy = table.segments().get(0);
        assertThat(copy).isSameAs(compaction.copy());
        assertThat(copy.isFull()).as("sealed at its two rows").isTrue();
        assertThat(copy.liveCount()).isOne();
        assertThat(table.liveOrdinal(2L)).as("deleted after the copy was made").isNegative();
        assertThat(table.key(table.liveOrdinal(3L))).isEqualTo(3L);
        assertThat(table.segmentOf(table.liveOrdinal(6L))).as("appends go on in the growing segment")
                .isSameAs(table.segments().get(1));
        assertThat(table.liveCount()).isEqualTo(4);
    }

    @Test
    void aRowDeletedKeepingItsKeyReadsAsDeletedAndItsKeyMayBeTakenBeforeItIsForgotten() {
        Table table = table(IdType.INT64, 4);
        int first = append(table, 1L, 1, 1);
        append(table, 2L, 2, 2);

        assertThat(table.markDeletedKeepingKey(first)).isTrue();
        assertThat(table.markDeletedKeepingKey(first)).as("already deleted").isFalse();
        assertThat(table.liveOrdinal(1L)).as("deleted at once").isNegative();
        int upserted = append(table, 1L, 10, 3);
        table.forgetKey(first);

        assertThat(table.liveOrdinal(1L)).as("the newer row keeps the key").isEqualTo(upserted);
        assertThat(table.key(table.liveOrdinal(2L))).isEqualTo(2L);
        assertThat(table.liveCount()).isEqualTo(2);
    }

    @Test
    void aSealedSegmentCompactedToNothingIsRemovedAndItsSlotReused() {
        Table table = table(IdType.INT64, 2);
        for (long key = 0; key < 5; key++) {
            append(table, key, key, key + 1);
        }
        table.markDeleted(table.liveOrdinal(0L));
        table.markDeleted(table.liveOrdinal(1L));
        Segment first = table.segments().get(0);

        table.replace(table.compacted(first));
        for (long key = 5; key < 8; key++) {
            append(table, key, key, key + 1);
        }

        assertThat(table.segments()).hasSize(3);
        assertThat(table.segments()).extracting(segment -> segment.longKey(0)).containsExactly(2L, 4L, 6L);
        assertThat(table.base(2)).as("the freed slot 0 is taken by the next new segment").isZero();
        for (long key = 2; key < 8; key++) {
            assertThat(table.key(table.liveOrdinal(key))).isEqualTo(key);
        }
    }

    @Test
    void reserveRefusesRowsBeyondTheOrdinalSpaceBeforeAnythingChanges() {
        Table table = new Table(IdType.INT64, 1, 1 << 24, List::of, false);
        assertThatThrownBy(() -> table.reserve(Integer.MAX_VALUE)).isInstanceOf(QuiverException.class)
                .hasMessageContaining("the collection is full");
        assertThat(table.segments()).isEmpty();
    }

    @Test
    void randomAppendsDeletesAndCompactionsKeepTheKeyMapExact() {
        SplittableRandom random = new SplittableRandom(2024L);
        Table table = table(IdType.INT64, 16);
        Map<Long, Long> versionByLiveKey = new HashMap<>();
        long version = 0;
        for (int step = 0; step < 20_000; step++) {
            long key = random.nextInt(0, 500);
            if (!versionByLiveKey.containsKey(key)) {
                append(table, key, key, ++version);
                versionByLiveKey.put(key, version);
            } else if (random.nextBoolean()) {
                table.markDeleted(table.liveOrdinal(key));
                versionByLiveKey.remove(key);
            }
            if (step % 997 == 0) {
                for (Segment segment : List.copyOf(table.segments())) {
                    if (segment.liveCount() * 2 <= segment.size()) {
                        table.replace(table.compacted(segment));
                    }
                }
            }
        }

        assertThat(table.liveCount()).isEqualTo(versionByLiveKey.size());
        for (long key = 0; key < 500; key++) {
            int ordinal = table.liveOrdinal(key);
            if (versionByLiveKey.containsKey(key)) {
                Segment segment = table.segmentOf(ordinal);
                assertThat(segment.longKey(table.local(ordinal))).isEqualTo(key);
                assertThat(segment.version(table.local(ordinal))).isEqualTo(versionByLiveKey.get(key));
            } else {
                assertThat(ordinal).isEqualTo(-1);
            }
        }
        long liveRows = table.segments().stream().mapToLong(Segment::liveCount).sum();
        assertThat(liveRows).isEqualTo(versionByLiveKey.size());
    }

    @Test
    void reallocatedRowsCountTheGrownCopiesAndTheNewSegmentsAReserveMakes() {
        Table table = table(IdType.INT64, 1024);
        assertThat(table.reallocatedRows(10)).as("a first segment's first arrays").isEqualTo(64);
        table.reserve(10);
        assertThat(table.reallocatedRows(10)).as("room already there").isZero();
        for (long key = 0; key < 64; key++) {
            append(table, key, key, key + 1);
        }
        assertThat(table.reallocatedRows(1)).as("the open segment grows by half").isEqualTo(96);
        assertThat(table.reallocatedRows(2000)).as("grown to full, a full new segment, a small third").isEqualTo(1024 + 1024 + 64);
    }
}
