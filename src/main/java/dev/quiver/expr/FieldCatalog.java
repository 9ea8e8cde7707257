package dev.quiver.expr;

/** Resolves the field names a filter mentions against a collection's schema. */
@FunctionalInterface
public interface FieldCatalog {

    /** The access for a top-level field name, or null when the collection has no such field. */
    FieldAccess resolve(String name);
}
