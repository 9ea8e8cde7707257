package dev.quiver.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    private static final long TWO_TO_53 = 1L << 53;
    private static final long DAY_MILLIS = 86_400_000L;

    @Test
    void idsUnderAFixedClockIncreaseByOneFromTheClockValue() {
        long now = IdGenerator.EPOCH_MILLIS + 1_000L;
        IdGenerator generator = new IdGenerator(() -> now);

        long first = generator.next();

        assertThat(first).isEqualTo(1_000L << IdGenerator.SEQUENCE_BITS);
        assertThat(generator.next()).isEqualTo(first + 1);
        assertThat(generator.next()).isEqualTo(first + 2);
    }

    @Test
    void idsJumpForwardWhenTheClockAdvances() {
        AtomicLong clock = new AtomicLong(IdGenerator.EPOCH_MILLIS + 10);
        IdGenerator generator = new IdGenerator(clock::get);
        long early = generator.next();

        clock.addAndGet(5);
        long later = generator.next();

        assertThat(later).isEqualTo(early + (5L << IdGenerator.SEQUENCE_BITS));
    }

    @Test
    void idsKeepIncreasingWhenTheClockGoesBackwards() {
        AtomicLong clock = new AtomicLong(IdGenerator.EPOCH_MILLIS + 1_000_000);
        IdGenerator generator = new IdGenerator(clock::get);
        long before = generator.next();

        clock.addAndGet(-60_000);

        assertThat(generator.next()).isEqualTo(before + 1);
    }

    @Test
    void idsSixtyYearsAfterTheEpochStayBelowTwoToThe53() {
        long sixtyYears = 60L * 366 * DAY_MILLIS;
        IdGenerator generator = new IdGenerator(() -> IdGenerator.EPOCH_MILLIS + sixtyYears);

        long id = 0;
        for (int i = 0; i < 10_000; i++) {
            id = generator.next();
        }

        assertThat(id).isPositive().isLessThan(TWO_TO_53);
    }

    @Test
    void idsForTheRealClockArePositiveAndBelowTwoToThe53() {
        long id = new IdGenerator().next();

        assertThat(id).isPositive().isLessThan(TWO_TO_53);
    }

    @Test
    void hundredThousandCallsAreStrictlyIncreasingWhileTheClockTicksAndStepsBack() {
        // the clock advances one millisecond every 37 calls and steps back 3 ms every 1,000 calls
        AtomicLong calls = new AtomicLong();
        IdGenerator generator = new IdGenerator(() -> {
            long call = calls.getAndIncrement();
            return IdGenerator.EPOCH_MILLIS + 5 + call / 37 - (call % 1_000 == 999 ? 3 : 0);
        });

        long previous = Long.MIN_VALUE;
        for (int i = 0; i < 100_000; i++) {
            long id = generator.next();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
    }

    @Test
    void concurrentCallersNeverReceiveTheSameId() throws InterruptedException {
        IdGenerator generator = new IdGenerator(() -> IdGenerator.EPOCH_MILLIS + 42);
        int threads = 4;
        int perThread = 25_000;
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        List<Boolean> orderedPerThread = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                awaitQuietly(start);
                long previous = Long.MIN_VALUE;
                boolean ordered = true;
                for (int i = 0; i < perThread; i++) {
                    long id = generator.next();
                    ordered &= id > previous;
                    previous = id;
                    ids.add(id);
                }
                synchronized (orderedPerThread) {
                    orderedPerThread.add(ordered);
                }
            });
            workers.add(worker);
            worker.start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(ids).hasSize(threads * perThread);
        assertThat(orderedPerThread).hasSize(threads).containsOnly(true);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
