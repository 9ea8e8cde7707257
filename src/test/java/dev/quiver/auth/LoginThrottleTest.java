package dev.quiver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final int MAX_FAILURES = 10;

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(MAX_FAILURES, now::get);

    @Test
    void anAddressIsRefusedAfterTenFailuresUntilItsWindowEnds() {
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(throttle.retryAfterSeconds("10.0.0.1", "u" + i)).isZero();
            throttle.failed("10.0.0.1", "u" + i);
        }
        assertThat(throttle.retryAfterSeconds("10.0.0.1", "someone")).isEqualTo(60);
        assertThat(throttle.retryAfterSeconds("10.0.0.2", "someone")).as("another client").isZero();

        now.addAndGet(45_000_000_000L);
        assertThat(throttle.retryAfterSeconds("10.0.0.1", null)).isEqualTo(15);
        now.addAndGet(15_000_000_000L);
        assertThat(throttle.retryAfterSeconds("10.0.0.1", null)).isZero();
    }

    @Test
    void aUserNameIsRefusedAfterTenFailuresFromAnyAddresses() {
        for (int i = 0; i < MAX_FAILURES; i++) {
            throttle.failed("10.0.1." + i, "alice");
        }
        assertThat(throttle.retryAfterSeconds("10.0.2.1", "alice")).isPositive();
        assertThat(throttle.retryAfterSeconds("10.0.2.1", "bob")).isZero();
    }
}
