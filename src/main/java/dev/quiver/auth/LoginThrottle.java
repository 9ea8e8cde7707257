package dev.quiver.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Counts failed logins per client address and per user name in windows of one minute. Past
 * {@code quiver.auth.max-failed-logins} (10) in a window, further attempts from that address or for that name are
 * refused without checking a password until the window ends, so a flood of wrong passwords
 * costs one hash per failure allowed, not one per attempt. Credentials verified earlier are not
 * affected (they are recognised before this is asked). Thread-safe.
 */
final class LoginThrottle {

    static final long WINDOW_NANOS = 60_000_000_000L;
    /** Bounds the memory a spray of addresses or names can claim; past it the counts start over. */
    private static final int MAX_TRACKED = 100_000;

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final LongSupplier clock;

    LoginThrottle(int maxFailures) {
        this(maxFailures, System::nanoTime);
    }

    LoginThrottle(int maxFailures, LongSupplier clock) {
        this.maxFailures = maxFailures;
        this.clock = clock;
    }

    /** Seconds until an attempt from {@code address} for {@code user} (null: none named) may be checked; 0 now. */
    long retryAfterSeconds(String address, String user) {
        long now = clock.getAsLong();
        long wait = Math.max(wait("address " + address, now), user == null ? 0 : wait("user " + user, now));
        return wait == 0 ? 0 : Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
    }

    void failed(String address, String user) {
        if (windows.size() > MAX_TRACKED) {
            windows.clear();
        }
        long now = clock.getAsLong();
        count("address " + address, now);
        if (user != null) {
            count("user " + user, now);
        }
    }

    private long wait(String key, long now) {
        Window window = windows.get(key);
        if (window == null || now - window.start >= WINDOW_NANOS || window.failures < maxFailures) {
            return 0;
        }
        return window.start + WINDOW_NANOS - now;
    }

    private void count(String key, long now) {
        windows.compute(key, (k, window) -> window == null || now - window.start >= WINDOW_NANOS
                ? new Window(now, 1) : new Window(window.start, window.failures + 1));
    }

    private record Window(long start, int failures) {
    }
}
