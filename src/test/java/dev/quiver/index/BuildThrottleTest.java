package dev.quiver.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Graph builds rest while writes run and run on between them. */
class BuildThrottleTest {

    @Test
    void aBuildRestsOnceItsSliceIsUsedWhileAWriteRuns() throws InterruptedException {
        BuildThrottle.writeStarted();
        try {
            long sliceStarted = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(2);
            long before = System.nanoTime();

            long next = BuildThrottle.pace(sliceStarted);
            // At once, within the fresh slice's millisecond: the first assertion loads AssertJ, which can take longer.
            long after = BuildThrottle.pace(next);

            assertThat(next - before).as("rested").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(9));
            assertThat(after).as("a fresh slice goes on").isEqualTo(next);
        } finally {
            BuildThrottle.writeEnded();
        }
    }

    @Test
    void withoutWritesABuildNeverRests() throws InterruptedException {
        Thread.sleep(150); // past the quiet time after any write of another test
        long sliceStarted = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);

        long next = BuildThrottle.pace(sliceStarted);

        assertThat(next - System.nanoTime()).isLessThan(TimeUnit.MILLISECONDS.toNanos(5));
        assertThat(next).as("the slice restarts, so a write arriving now finds it fresh").isGreaterThan(sliceStarted);
    }
}
