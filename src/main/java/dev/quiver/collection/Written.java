package dev.quiver.collection;

import java.util.List;

/** The keys an insert, upsert or delete touched: Longs for Int64 collections, Strings for VarChar. */
public record Written(int count, List<Object> ids) {
}
