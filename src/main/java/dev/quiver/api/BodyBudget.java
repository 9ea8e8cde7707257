package dev.quiver.api;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Bounds the bytes of request bodies held at once. A body of 64 MB becomes several hundred MB of
 * parsed JSON, so a handful of large inserts in parallel could exhaust the heap; each request
 * reserves its body size (in KiB) until it completes, and waits briefly or is refused (1807).
 *
 * <p>Thread-safe.
 */
final class BodyBudget {

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);
    private static final long KIB = 1024;

    private final Semaphore kibibytes;
    private final int capacity;
    private final Duration wait;

    BodyBudget(long maxInFlightBytes, Duration wait) {
        this.capacity = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxInFlightBytes / KIB));
        this.kibibytes = new Semaphore(capacity, true);
        this.wait = wait;
    }

    /** Reserves room for a body of {@code bytes} until the current request completes. */
    void reserveForCurrentRequest(long bytes) {
        int permits = (int) Math.min(capacity, Math.max(1, (bytes + KIB - 1) / KIB));
        boolean acquired;
        try {
            acquired = kibibytes.tryAcquire(permits, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new QuiverException(ErrorCode.RATE_LIMITED, "too many large requests in flight; retry shortly");
        }
        RequestContextHolder.currentRequestAttributes().registerDestructionCallback(
                BodyBudget.class.getName(), () -> kibibytes.release(permits), RequestAttributes.SCOPE_REQUEST);
    }
}
