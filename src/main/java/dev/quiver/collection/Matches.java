package dev.quiver.collection;

import dev.quiver.store.Segment;
import dev.quiver.store.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The live rows a filter selects, as table ordinals. When the filter pins the primary key
 * ({@code id in [...]}), rows are found through the key map instead of a scan.
 * Call under the collection's read lock (or as its one writer).
 */
final class Matches {

    private Matches() {
    }

    /**
     * Visits matching live rows in insertion order until {@code visitor} returns false; a null
     * filter matches every live row.
     */
    static void forEach(Table table, SegmentFilter filter, IntPredicate visitor) {
        List<Object> keys = filter == null ? null : filter.candidateKeys();
        if (keys != null) {
            for (int ordinal : candidates(table, keys)) {
                Segment segment = table.segmentOf(ordinal);
                if (filter.on(segment).test(table.local(ordinal)) && !visitor.test(ordinal)) {
                    return;
                }
            }
            return;
        }
        List<Segment> segments = table.segments();
        for (int index = 0; index < segments.size(); index++) {
            Segment segment = segments.get(index);
            IntPredicate accept = acceptor(segment, filter);
            int base = table.base(index);
            for (int local = 0; local < segment.size(); local++) {
                if (accept.test(local) && !visitor.test(base | local)) {
                    return;
                }
            }
        }
    }

    /** The accept-set of one segment for a search: its live rows the filter selects. */
    static IntPredicate acceptor(Segment segment, SegmentFilter filter) {
        if (filter == null) {
            return segment::isLive;
        }
        IntPredicate test = filter.on(segment);
        return local -> segment.isLive(local) && test.test(local);
    }

    /**
     * The accept-set of every segment for a search, keyed by the segment's base ordinal; a
     * filter that pins the primary key admits only its candidates' rows.
     */
    static IntFunction<IntPredicate> acceptors(Table table, SegmentFilter filter) {
        List<Object> keys = filter == null ? null : filter.candidateKeys();
        if (keys == null) {
            return index -> acceptor(table.segments().get(index), filter);
        }
        Set<Integer> admitted = new HashSet<>(candidates(table, keys));
        return index -> {
            int base = table.base(index);
            IntPredicate accept = acceptor(table.segments().get(index), filter);
            return local -> admitted.contains(base | local) && accept.test(local);
        };
    }

    /** Table ordinals of the live rows with these keys, once each, in insertion (version) order. */
    private static List<Integer> candidates(Table table, List<Object> keys) {
        Set<Integer> found = new HashSet<>();
        for (Object key : keys) {
            int ordinal = table.liveOrdinal(key);
            if (ordinal >= 0) {
                found.add(ordinal);
            }
        }
        List<Integer> ordinals = new ArrayList<>(found);
        ordinals.sort((a, b) -> Long.compare(version(table, a), version(table, b)));
        return ordinals;
    }

    private static long version(Table table, int ordinal) {
        return table.segmentOf(ordinal).version(table.local(ordinal));
    }
}
