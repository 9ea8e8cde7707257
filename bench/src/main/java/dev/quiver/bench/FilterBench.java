package dev.quiver.bench;

import dev.quiver.expr.CompiledFilter;
import dev.quiver.expr.Filter;
import dev.quiver.expr.FieldCatalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Filter evaluation throughput over {@value Rows#COUNT} seeded rows, Quiver's compiled filter
 * beside a hand-written loop (the peer) on the same data, for typed columns and for dynamic
 * fields. Scan benchmarks declare one operation per row, so JMH's {@code ops/s} are rows/s.
 *
 * <p>Each benchmark runs in its own forked JVM, so call sites in the filter see only this
 * benchmark's field types; a busy server mixing many filters may do worse.
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FilterBench {

    static final String FILTER = "age > 30 and color in [\"a\",\"b\"] and meta[\"x\"] < 5";

    @State(Scope.Benchmark)
    public static class Typed {
        Rows.Typed data;
        CompiledFilter filter;

        @Setup
        public void setUp() {
            data = Rows.typed(Rows.COUNT);
            filter = Filter.compile(FILTER, Catalogs.typed(data));
            verify("typed", filter, Peers.typed(data));
        }
    }

    @State(Scope.Benchmark)
    public static class Dynamic {
        Rows.Dynamic data;
        CompiledFilter filter;

        @Setup
        public void setUp() {
            data = Rows.dynamic(Rows.COUNT);
            filter = Filter.compile(FILTER, Catalogs.dynamic(data));
            verify("dynamic", filter, Peers.dynamic(data));
        }
    }

    /** A typed catalog over a few rows: compiling reads no rows, so size does not matter. */
    @State(Scope.Benchmark)
    public static class Compile {
        FieldCatalog catalog;

        @Setup
        public void setUp() {
            catalog = Catalogs.typed(Rows.typed(16));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(Rows.COUNT)
    public int typedQuiver(Typed state) {
        return count(state.filter);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(Rows.COUNT)
    public int typedPeer(Typed state) {
        return Peers.typed(state.data);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(Rows.COUNT)
    public int dynamicQuiver(Dynamic state) {
        return count(state.filter);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(Rows.COUNT)
    public int dynamicPeer(Dynamic state) {
        return Peers.dynamic(state.data);
    }

    /** Parse, type-check and compile the filter text once. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public CompiledFilter compile(Compile state) {
        return Filter.compile(FILTER, state.catalog);
    }

    private static int count(CompiledFilter filter) {
        int count = 0;
        for (int ordinal = 0; ordinal < Rows.COUNT; ordinal++) {
            if (filter.test(ordinal)) {
                count++;
            }
        }
        return count;
    }

    /** Refuses to measure a filter that disagrees with the peer, or one that matches all or none. */
    static void verify(String layout, CompiledFilter filter, int expected) {
        int actual = count(filter);
        if (actual != expected) {
            throw new IllegalStateException(layout + ": compiled filter matched " + actual
                    + " rows, the hand-written loop " + expected);
        }
        if (expected == 0 || expected == Rows.COUNT) {
            throw new IllegalStateException(layout + ": degenerate data, " + expected + " matches");
        }
        System.out.println(layout + ": " + actual + " of " + Rows.COUNT + " rows match, as the hand-written loop");
    }
}
