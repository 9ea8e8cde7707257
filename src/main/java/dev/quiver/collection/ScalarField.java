package dev.quiver.collection;

import dev.quiver.store.ScalarType;

/**
 * A typed scalar field of a collection (the {@code fields} create extension), validated.
 *
 * @param maxLength longest VarChar value (also of VarChar array elements); 0 when it does not apply
 * @param elementType element type of an Array field; null otherwise
 * @param maxCapacity most elements of an Array field; 0 otherwise
 */
public record ScalarField(
        String name,
        ScalarType type,
        int maxLength,
        ScalarType elementType,
        int maxCapacity,
        boolean nullable,
        String description) {

    /** How describe names the type: {@code VarChar(64)} carries its length, as Milvus prints it. */
    String describedType() {
        return type == ScalarType.VARCHAR ? "VarChar(" + maxLength + ")" : type.wireName();
    }
}
