package dev.quiver.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.Limit;
import dev.quiver.error.QuiverException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryGuardTest {

    private static final long MIB = 1 << 20;

    @Test
    void aWriteThatFitsUnderTheUsableShareGoesThrough() {
        MemoryGuard guard = new MemoryGuard(() -> 512 * MIB, () -> 300 * MIB, () -> { });

        assertThatCode(() -> guard.require(100_000, 128, 5, 0)).doesNotThrowAnyException(); // ~65 MB
    }

    @Test
    void aWriteThatDoesNotFitIsRefusedWithACodeAndTheFigures() {
        AtomicInteger collections = new AtomicInteger();
        MemoryGuard guard = new MemoryGuard(() -> 512 * MIB, () -> 400 * MIB, collections::incrementAndGet);

        assertThatThrownBy(() -> guard.require(100_000, 128, 212_000, 0))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.limit()).isEqualTo(Limit.MEMORY);
                })
                .hasMessageContaining("not enough memory to insert 100000 rows (about 64 MB)")
                .hasMessageContaining("the collection holds 212000 rows and 400 MB of the 512 MB heap are in use");
        assertThat(collections).as("one collection asked for first").hasValue(1);
    }

    @Test
    void garbageCollectedBeforeRefusingLetsTheWriteThrough() {
        AtomicLong used = new AtomicLong(400 * MIB);
        MemoryGuard guard = new MemoryGuard(() -> 512 * MIB, used::get, () -> used.set(100 * MIB));

        assertThatCode(() -> guard.require(100_000, 128, 0, 0)).doesNotThrowAnyException();
    }

    @Test
    void growingASegmentCountsTheArraysItCopiesInto() {
        MemoryGuard guard = new MemoryGuard(() -> 512 * MIB, () -> 300 * MIB, () -> { });

        assertThatCode(() -> guard.require(1_000, 128, 250_000, 0)).doesNotThrowAnyException();
        // The same thousand rows, when they make a 262,143-row segment grow: a 140 MB copy.
        assertThatThrownBy(() -> guard.require(1_000, 128, 250_000, 262_143)).isInstanceOf(QuiverException.class);
    }
}
