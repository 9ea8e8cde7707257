package dev.quiver.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Keeps the best {@code k} (score, ordinal) pairs seen so far in a bounded binary heap whose root
 * is the worst kept pair, so each offer costs O(log k) and no objects are made until the end.
 * One collector serves a search across all segments of a collection.
 *
 * <p>Not thread-safe.
 */
public final class TopK {

    private final Metric metric;
    private final OrdinalOrder tieOrder;
    private final int capacity;
    private final double[] scores;
    private final int[] ordinals;
    private int size;

    public TopK(int capacity, Metric metric, OrdinalOrder tieOrder) {
        this.capacity = capacity;
        this.metric = metric;
        this.tieOrder = tieOrder;
        this.scores = new double[capacity];
        this.ordinals = new int[capacity];
    }

    /** Most pairs kept: the hits a search must return. */
    public int capacity() {
        return capacity;
    }

    public void offer(int ordinal, double score) {
        if (size < capacity) {
            scores[size] = score;
            ordinals[size] = ordinal;
            siftUp(size++);
        } else if (capacity > 0 && ranksBefore(score, ordinal, scores[0], ordinals[0])) {
            scores[0] = score;
            ordinals[0] = ordinal;
            siftDown(0);
        }
    }

    /** A new, empty collector with this one's size, metric and tie order. */
    public TopK emptyLike() {
        return new TopK(capacity, metric, tieOrder);
    }

    /** Offers every pair another collector kept (one that searched part of the same rows). */
    public void offerAll(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.ordinals[i], other.scores[i]);
        }
    }

    /** The kept pairs, best first. */
    public List<Hit> toList() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> ranksBefore(scores[a], ordinals[a], scores[b], ordinals[b]) ? -1
                : ranksBefore(scores[b], ordinals[b], scores[a], ordinals[a]) ? 1 : 0);
        List<Hit> hits = new ArrayList<>(size);
        for (int i : order) {
            hits.add(new Hit(ordinals[i], toFloat(scores[i])));
        }
        return Collections.unmodifiableList(hits);
    }

    /** The float a score is reported as: the nearest one, clamped to the float range. */
    private static float toFloat(double score) {
        return (float) Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, score));
    }

    private boolean ranksBefore(double scoreA, int ordinalA, double scoreB, int ordinalB) {
        if (scoreA != scoreB) {
            return metric.isBetter(scoreA, scoreB);
        }
        return tieOrder.compare(ordinalA, ordinalB) < 0;
    }

    /** Heap order: the worst pair sits at the root. */
    private boolean worse(int i, int j) {
        return ranksBefore(scores[j], ordinals[j], scores[i], ordinals[i]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!worse(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && worse(right, left)) {
                worst = right;
            }
            if (!worse(worst, i)) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int i, int j) {
        double s = scores[i];
        scores[i] = scores[j];
        scores[j] = s;
        int o = ordinals[i];
        ordinals[i] = ordinals[j];
        ordinals[j] = o;
    }
}
