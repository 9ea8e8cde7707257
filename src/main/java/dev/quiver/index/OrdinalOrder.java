package dev.quiver.index;

/** Orders two row ordinals by their primary keys; used to break score ties deterministically. */
@FunctionalInterface
public interface OrdinalOrder {
    int compare(int ordinalA, int ordinalB);
}
