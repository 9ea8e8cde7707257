package dev.quiver.api;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.Limit;
import dev.quiver.error.QuiverException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Bounds the bytes of request bodies held at once. A body of 64 MB becomes several hundred MB of
 * parsed JSON, so a handful of large inserts in parallel could exhaust the heap. A body of
 * announced length reserves its length (in KiB) before it is read, so large bodies arriving
 * together are admitted whole, one after another, rather than all stalling half-read; a body of
 * unknown length reserves room as it arrives. Either way its request's deadline bounds how long
 * a trickled body holds room. Room is returned when the request completes; a request that cannot
 * get room within a few seconds is refused (1807).
 *
 * <p>Thread-safe.
 */
final class BodyBudget {

    static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);
    private static final long KIB = 1024;
    private static final String RESERVATION = BodyBudget.class.getName();

    private final Semaphore kibibytes;
    private final int capacity;
    private final Duration wait;

    BodyBudget(long maxInFlightBytes, Duration wait) {
        this.capacity = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxInFlightBytes / KIB));
        this.kibibytes = new Semaphore(capacity, true);
        this.wait = wait;
    }

    /**
     * Adds room for {@code bytes} more to the current request's reservation, held until the
     * request completes. One request never holds more than the whole budget, so a body larger
     * than the budget still gets through when it is alone.
     */
    void reserveForCurrentRequest(long bytes) {
        RequestAttributes request = RequestContextHolder.currentRequestAttributes();
        Reservation reservation = (Reservation) request.getAttribute(RESERVATION, RequestAttributes.SCOPE_REQUEST);
        int held = reservation == null ? 0 : reservation.kibibytes;
        int permits = (int) Math.min(capacity - held, Math.max(1, (bytes + KIB - 1) / KIB));
        if (permits <= 0) {
            return;
        }
        acquire(permits);
        if (reservation == null) {
            Reservation created = new Reservation();
            request.setAttribute(RESERVATION, created, RequestAttributes.SCOPE_REQUEST);
            request.registerDestructionCallback(RESERVATION, () -> kibibytes.release(created.kibibytes),
                    RequestAttributes.SCOPE_REQUEST);
            reservation = created;
        }
        reservation.kibibytes += permits;
    }

    private void acquire(int permits) {
        boolean acquired;
        try {
            acquired = kibibytes.tryAcquire(permits, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw QuiverException.overLimit(Limit.IN_FLIGHT_BODIES, ErrorCode.RATE_LIMITED,
                    "too many large requests in flight; retry shortly");
        }
    }

    /** What one request holds; touched only by the thread serving it. */
    private static final class Reservation {
        int kibibytes;
    }
}
