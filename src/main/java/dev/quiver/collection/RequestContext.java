package dev.quiver.collection;

/** Who made a request and its id; recorded with every soft delete. */
public record RequestContext(String requestId, String principal) {
}
