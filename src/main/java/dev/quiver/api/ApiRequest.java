package dev.quiver.api;

/** Marks request bodies that are read as JSON whatever their Content-Type says. */
public interface ApiRequest {
}
