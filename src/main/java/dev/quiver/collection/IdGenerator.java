package dev.quiver.collection;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;

/**
 * Auto ids: milliseconds since 2025-01-01 shifted left by 12 bits, plus a counter. They grow
 * monotonically and stay unique across restarts, even when the clock went back, because
 * recovery resumes after the highest id each collection recorded; and they stay below 2^53 for about seventy years, so JavaScript clients
 * read them exactly.
 */
@Component
class IdGenerator {

    static final long EPOCH_MILLIS = 1_735_689_600_000L;
    static final int SEQUENCE_BITS = 12;

    private final LongSupplier clock;
    private final AtomicLong last = new AtomicLong();

    IdGenerator() {
        this(System::currentTimeMillis);
    }

    IdGenerator(LongSupplier clock) {
        this.clock = clock;
    }

    /** Never hands out {@code id} or anything below it again (recovery calls this). */
    void resumeAfter(long id) {
        last.accumulateAndGet(id, Math::max);
    }

    long next() {
        long candidate = (clock.getAsLong() - EPOCH_MILLIS) << SEQUENCE_BITS;
        return last.accumulateAndGet(candidate, (previous, fresh) -> Math.max(previous + 1, fresh));
    }
}
