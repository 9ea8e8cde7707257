package dev.quiver.collection;

import dev.quiver.expr.CompiledFilter;
import dev.quiver.expr.Filter;
import dev.quiver.store.Segment;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's filter, checked once and bound to each segment it visits: compiled filters read
 * one segment's columns directly, so their hot loops stay free of a segment lookup. Used by one
 * request at a time, under the collection's read lock.
 */
final class SegmentFilter {

    private final String text;
    private final CollectionSchema schema;
    private final List<Object> candidateKeys;
    private final Map<Segment, CompiledFilter> bound = new IdentityHashMap<>();

    SegmentFilter(String text, CollectionSchema schema, List<Object> candidateKeys) {
        this.text = text;
        this.schema = schema;
        this.candidateKeys = candidateKeys;
    }

    /** The filter over one segment's local ordinals. */
    CompiledFilter on(Segment segment) {
        return bound.computeIfAbsent(segment, s -> Filter.compile(text, new SchemaCatalog(schema, s)));
    }

    /** Keys every matching row has one of, or null when any row may match. */
    List<Object> candidateKeys() {
        return candidateKeys;
    }
}
