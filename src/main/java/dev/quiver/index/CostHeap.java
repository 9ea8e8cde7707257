package dev.quiver.index;

import java.util.Arrays;

/**
 * A binary min-heap of (cost, node) pairs in two parallel arrays, grown as needed: the graph
 * search's candidate queue, and (with costs negated) its bounded beam, whose top is then the
 * worst kept node. Ties go to the lower node, so a search is deterministic.
 *
 * <p>One per search; not thread-safe.
 */
final class CostHeap {

    private double[] costs;
    private int[] nodes;
    private int size;

    CostHeap(int capacity) {
        costs = new double[Math.max(capacity, 1)];
        nodes = new int[costs.length];
    }

    int size() {
        return size;
    }

    double topCost() {
        return costs[0];
    }

    int topNode() {
        return nodes[0];
    }

    /** The pair at heap position {@code i}, in no particular order. */
    double cost(int i) {
        return costs[i];
    }

    int node(int i) {
        return nodes[i];
    }

    void push(int node, double cost) {
        if (size == costs.length) {
            costs = Arrays.copyOf(costs, size * 2);
            nodes = Arrays.copyOf(nodes, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(cost, node, costs[parent], nodes[parent])) {
                break;
            }
            costs[i] = costs[parent];
            nodes[i] = nodes[parent];
            i = parent;
        }
        costs[i] = cost;
        nodes[i] = node;
    }

    void pop() {
        double cost = costs[--size];
        int node = nodes[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(costs[child + 1], nodes[child + 1], costs[child], nodes[child])) {
                child++;
            }
            if (!before(costs[child], nodes[child], cost, node)) {
                break;
            }
            costs[i] = costs[child];
            nodes[i] = nodes[child];
            i = child;
        }
        costs[i] = cost;
        nodes[i] = node;
    }

    private static boolean before(double costA, int nodeA, double costB, int nodeB) {
        return costA < costB || (costA == costB && nodeA < nodeB);
    }
}
