package dev.quiver.expr;

/** Resolves the field names a filter mentions against a collection's schema. */
@FunctionalInterface
public interface FieldCatalog {

    /** The access for a top-level field name, or null when the collection has no such field. */
    FieldAccess resolve(String name);

    /**
     * The primary-key field's name, when the caller can look rows up by key: filters such as
     * {@code pk in [1, 2]} then report {@link CompiledFilter#candidateKeys()} instead of needing
     * a scan. Null when no key lookup is offered.
     */
    default String primaryKeyName() {
        return null;
    }
}
