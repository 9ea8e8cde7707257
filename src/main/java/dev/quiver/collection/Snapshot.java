package dev.quiver.collection;

import dev.quiver.index.OrdinalOrder;
import dev.quiver.store.IdType;
import dev.quiver.store.Segment;
import dev.quiver.store.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The rows a read sees: the collection's present rows, or the collection as it was at a past
 * moment. The past is the present rows inserted by then plus the versions deleted since, which
 * the store keeps (memory drops deleted rows on compaction) and which come here as a second,
 * temporary table. Ordinals of the present table are its own (non-negative); those of the past
 * table are shifted below zero, so one collector and one tie order serve both.
 *
 * <p>Use under the collection's read lock (or as its one writer), like the tables themselves.
 */
final class Snapshot {

    private static final int PAST = Integer.MIN_VALUE;

    private final Table present;
    private final long asOf;
    private final Table past;
    private final List<Part> parts = new ArrayList<>();

    private record Part(Segment segment, int base, boolean fromPresent) {
    }

    private Snapshot(Table present, long asOf, Table past) {
        this.present = present;
        this.asOf = asOf;
        this.past = past;
        for (int i = 0; i < present.segments().size(); i++) {
            parts.add(new Part(present.segments().get(i), present.base(i), true));
        }
        if (past != null) {
            for (int i = 0; i < past.segments().size(); i++) {
                parts.add(new Part(past.segments().get(i), PAST + past.base(i), false));
            }
        }
    }

    /** The live rows as they are now. */
    static Snapshot present(Table table) {
        return new Snapshot(table, Long.MAX_VALUE, null);
    }

    /**
     * The rows live at {@code asOf}: present rows inserted by then, and {@code past}, the versions
     * live then and deleted since.
     */
    static Snapshot at(Table present, long asOf, Table past) {
        return new Snapshot(present, asOf, past);
    }

    /** Whether rows come from the store's past as well as from memory. */
    boolean hasPast() {
        return past != null;
    }

    /** Whether this is the present: every live row, none of the store's past. */
    boolean current() {
        return asOf == Long.MAX_VALUE;
    }

    /** Whether a segment is one of the collection's own (which may have a graph), not one read back from the store. */
    boolean fromPresent(int index) {
        return parts.get(index).fromPresent();
    }

    /** Segments to visit, in insertion order of the present rows, the past ones after them. */
    int segmentCount() {
        return parts.size();
    }

    Segment segment(int index) {
        return parts.get(index).segment();
    }

    /** The snapshot ordinal of a segment's row 0. */
    int base(int index) {
        return parts.get(index).base();
    }

    /** Which rows of a segment the snapshot sees, by local ordinal. */
    IntPredicate visible(int index) {
        Part part = parts.get(index);
        Segment segment = part.segment();
        if (!part.fromPresent() || asOf == Long.MAX_VALUE) {
            return segment::isLive;
        }
        return local -> segment.isLive(local) && segment.insertedAt(local) <= asOf;
    }

    /** The snapshot ordinal of the version of {@code key} the snapshot sees, or -1. */
    int ordinalOf(Object key) {
        int ordinal = present.liveOrdinal(key);
        if (ordinal >= 0 && present.segmentOf(ordinal).insertedAt(present.local(ordinal)) <= asOf) {
            return ordinal;
        }
        if (past != null) {
            int old = past.liveOrdinal(key);
            if (old >= 0) {
                return PAST + old;
            }
        }
        return -1;
    }

    Segment segmentOf(int ordinal) {
        return ordinal >= 0 ? present.segmentOf(ordinal) : past.segmentOf(ordinal - PAST);
    }

    int local(int ordinal) {
        return ordinal >= 0 ? present.local(ordinal) : past.local(ordinal - PAST);
    }

    Object key(int ordinal) {
        return segmentOf(ordinal).key(local(ordinal));
    }

    long version(int ordinal) {
        return segmentOf(ordinal).version(local(ordinal));
    }

    /** Orders rows by primary key, to break score ties deterministically. */
    OrdinalOrder keyOrder() {
        return present.idType() == IdType.INT64
                ? (a, b) -> Long.compare(segmentOf(a).longKey(local(a)), segmentOf(b).longKey(local(b)))
                : (a, b) -> segmentOf(a).stringKey(local(a)).compareTo(segmentOf(b).stringKey(local(b)));
    }
}
