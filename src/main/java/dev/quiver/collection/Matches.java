package dev.quiver.collection;

import dev.quiver.store.Segment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The rows of a snapshot a filter selects, as snapshot ordinals. When the filter pins the
 * primary key ({@code id in [...]}), rows are found through the key map instead of a scan.
 * Call under the collection's read lock (or as its one writer).
 */
final class Matches {

    private Matches() {
    }

    /**
     * Visits matching visible rows in insertion order until {@code visitor} returns false; a null
     * filter matches every visible row.
     */
    static void forEach(Snapshot rows, SegmentFilter filter, IntPredicate visitor) {
        if (rows.hasPast()) {
            // Past and present rows interleave in insertion order: gather, then visit in version order.
            List<Integer> all = new ArrayList<>();
            visit(rows, filter, all::add);
            all.sort((a, b) -> Long.compare(rows.version(a), rows.version(b)));
            for (int ordinal : all) {
                if (!visitor.test(ordinal)) {
                    return;
                }
            }
            return;
        }
        visit(rows, filter, visitor);
    }

    private static void visit(Snapshot rows, SegmentFilter filter, IntPredicate visitor) {
        List<Object> keys = filter == null ? null : filter.candidateKeys();
        if (keys != null) {
            for (int ordinal : candidates(rows, keys)) {
                if (filter.on(rows.segmentOf(ordinal)).test(rows.local(ordinal)) && !visitor.test(ordinal)) {
                    return;
                }
            }
            return;
        }
        for (int index = 0; index < rows.segmentCount(); index++) {
            Segment segment = rows.segment(index);
            IntPredicate accept = acceptor(rows, index, filter);
            int base = rows.base(index);
            for (int local = 0; local < segment.size(); local++) {
                if (accept.test(local) && !visitor.test(base + local)) {
                    return;
                }
            }
        }
    }

    /**
     * The accept-set of every segment for a search, by segment index: its visible rows the
     * filter selects; a filter that pins the primary key admits only its candidates' rows.
     */
    static IntFunction<IntPredicate> acceptors(Snapshot rows, SegmentFilter filter) {
        List<Object> keys = filter == null ? null : filter.candidateKeys();
        if (keys == null) {
            return index -> acceptor(rows, index, filter);
        }
        Set<Integer> admitted = new HashSet<>(candidates(rows, keys));
        return index -> {
            int base = rows.base(index);
            IntPredicate accept = acceptor(rows, index, filter);
            return local -> admitted.contains(base + local) && accept.test(local);
        };
    }

    private static IntPredicate acceptor(Snapshot rows, int index, SegmentFilter filter) {
        IntPredicate visible = rows.visible(index);
        if (filter == null) {
            return visible;
        }
        IntPredicate test = filter.on(rows.segment(index));
        RequestDeadline deadline = RequestDeadline.current();
        if (deadline == null) {
            return local -> visible.test(local) && test.test(local);
        }
        // A filter's cost per row has no bound of its own (a long like pattern on long values), so
        // the loop it drives checks the clock; the count is only a sampling rate, races are harmless.
        int[] calls = {0};
        return local -> {
            if ((++calls[0] & DEADLINE_SAMPLE) == 0) {
                deadline.check();
            }
            return visible.test(local) && test.test(local);
        };
    }

    /** Rows between two looks at the clock, less one (a mask). */
    private static final int DEADLINE_SAMPLE = 1023;

    /** Snapshot ordinals of the visible rows with these keys, once each, in insertion (version) order. */
    private static List<Integer> candidates(Snapshot rows, List<Object> keys) {
        Set<Integer> found = new HashSet<>();
        for (Object key : keys) {
            int ordinal = rows.ordinalOf(key);
            if (ordinal != -1) {
                found.add(ordinal);
            }
        }
        List<Integer> ordinals = new ArrayList<>(found);
        ordinals.sort((a, b) -> Long.compare(rows.version(a), rows.version(b)));
        return ordinals;
    }
}
