package dev.quiver.error;

/**
 * A configured bound a request can run into. A refusal names its limit, so operators can count
 * refusals per limit ({@code quiver_requests_rejected_total{limit="..."}}) and raise the one that
 * is hit.
 */
public enum Limit {
    /** {@code quiver.api.max-request-size}: one body's size. */
    REQUEST_SIZE("request-size"),
    /** {@code quiver.api.max-in-flight-body-size}: the bodies held at once. */
    IN_FLIGHT_BODIES("in-flight-bodies"),
    /** {@code quiver.api.max-collections}. */
    MAX_COLLECTIONS("max-collections"),
    /** The heap: a write whose rows would not fit is refused before anything is stored. */
    MEMORY("memory");

    private final String tag;

    Limit(String tag) {
        this.tag = tag;
    }

    /** The metric tag value. */
    public String tag() {
        return tag;
    }
}
