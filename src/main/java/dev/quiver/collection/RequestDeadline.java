package dev.quiver.collection;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import java.time.Duration;

/**
 * How long the current request may work. The API starts one per request (from
 * {@code quiver.api.request-timeout}, or sooner when the client's {@code Request-Timeout}
 * header asks); reading the body and the row loops that a filter drives check it (the loops every
 * thousand rows or so) and stop the request with code 10001 once it has passed, before any write
 * is committed. Reads change nothing, so a stopped read leaves
 * nothing behind, and it lets go of the collection's lock, so writers wait at most this long.
 * Held per thread; a parallel scan's helpers check the deadline their request started.
 */
public final class RequestDeadline {

    private static final ThreadLocal<RequestDeadline> CURRENT = new ThreadLocal<>();

    private final long endNanos;
    private final Duration budget;
    private final String source;

    private RequestDeadline(Duration budget, String source) {
        this.endNanos = System.nanoTime() + budget.toNanos();
        this.budget = budget;
        this.source = source;
    }

    /** Starts the current thread's request deadline; {@code source} says where the budget came from. */
    public static void begin(Duration budget, String source) {
        CURRENT.set(new RequestDeadline(budget, source));
    }

    public static void end() {
        CURRENT.remove();
    }

    /** Stops the current request (code 10001) when its deadline has passed; nothing outside a request. */
    public static void checkCurrent() {
        RequestDeadline deadline = CURRENT.get();
        if (deadline != null) {
            deadline.check();
        }
    }

    /** The current request's deadline, or null outside a request. */
    static RequestDeadline current() {
        return CURRENT.get();
    }

    void check() {
        if (System.nanoTime() - endNanos > 0) {
            throw new QuiverException(ErrorCode.TIMEOUT, "the request took longer than " + budget.toMillis()
                    + " ms (" + source + ") and was stopped; nothing was changed");
        }
    }
}
