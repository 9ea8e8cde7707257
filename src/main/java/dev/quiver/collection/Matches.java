package dev.quiver.collection;

import dev.quiver.expr.CompiledFilter;
import dev.quiver.store.Segment;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The live rows a compiled filter selects. When the filter pins the primary key
 * ({@code id in [...]}), rows are found through the segment's key map instead of a scan.
 * Call under the collection's read or write lock.
 */
final class Matches {

    private Matches() {
    }

    /** Visits matching live rows in ordinal (insertion) order until {@code visitor} returns false. */
    static void forEach(Segment segment, CompiledFilter filter, IntPredicate visitor) {
        BitSet candidates = candidates(segment, filter);
        if (candidates != null) {
            for (int ordinal = candidates.nextSetBit(0); ordinal >= 0; ordinal = candidates.nextSetBit(ordinal + 1)) {
                if (filter.test(ordinal) && !visitor.test(ordinal)) {
                    return;
                }
            }
            return;
        }
        for (int ordinal = 0; ordinal < segment.size(); ordinal++) {
            if (segment.isLive(ordinal) && filter.test(ordinal) && !visitor.test(ordinal)) {
                return;
            }
        }
    }

    /** The accept-set for a search: live rows the filter selects (every live row without a filter). */
    static IntPredicate acceptor(Segment segment, CompiledFilter filter) {
        if (filter == null) {
            return segment::isLive;
        }
        BitSet candidates = candidates(segment, filter);
        if (candidates != null) {
            return ordinal -> candidates.get(ordinal) && filter.test(ordinal);
        }
        return ordinal -> segment.isLive(ordinal) && filter.test(ordinal);
    }

    /** Live ordinals of the filter's candidate keys, or null when the filter has none. */
    private static BitSet candidates(Segment segment, CompiledFilter filter) {
        List<Object> keys = filter.candidateKeys();
        if (keys == null) {
            return null;
        }
        BitSet ordinals = new BitSet();
        for (Object key : keys) {
            int ordinal = segment.liveOrdinal(key);
            if (ordinal >= 0) {
                ordinals.set(ordinal);
            }
        }
        return ordinals;
    }
}
