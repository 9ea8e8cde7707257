package dev.quiver.bench;

import dev.quiver.index.DistanceKernel;
import dev.quiver.index.Kernels;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The distance kernels, SIMD against scalar (the peer) in the same run: one query scored
 * against {@value #ROWS} stored vectors laid out as a segment keeps them, one contiguous block.
 * {@code ops/s} are vectors scored per second. The block (5 MB at dimension 128) fits no cache,
 * so this is the exact scan's inner loop with memory traffic, not a register exercise. Run it on
 * Java 17 and on 25 for the comparison the issue asks for.
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KernelBench {

    static final int ROWS = 10_000;

    @State(Scope.Benchmark)
    public static class Data {
        @Param({"128", "784"})
        int dimension;

        float[] query;
        float[] block;
        DistanceKernel simd;
        DistanceKernel scalar;

        @Setup
        public void setUp() {
            Random random = new Random(42);
            query = new float[dimension];
            block = new float[ROWS * dimension];
            for (int i = 0; i < dimension; i++) {
                query[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < block.length; i++) {
                block[i] = (float) random.nextGaussian();
            }
            simd = Kernels.simd();
            scalar = Kernels.scalar();
            if (simd == null) {
                throw new IllegalStateException("start the JVM with --add-modules jdk.incubator.vector");
            }
            double a = simd.squaredL2(query, block, dimension);
            double b = scalar.squaredL2(query, block, dimension);
            if (Math.abs(a - b) > 1e-5 * b) {
                throw new IllegalStateException("SIMD " + a + " and scalar " + b + " disagree");
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public double l2Simd(Data data) {
        return scanL2(data.simd, data);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public double l2Scalar(Data data) {
        return scanL2(data.scalar, data);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public double dotSimd(Data data) {
        return scanDot(data.simd, data);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public double dotScalar(Data data) {
        return scanDot(data.scalar, data);
    }

    private static double scanL2(DistanceKernel kernel, Data data) {
        double best = Double.MAX_VALUE;
        for (int row = 0, offset = 0; row < ROWS; row++, offset += data.dimension) {
            best = Math.min(best, kernel.squaredL2(data.query, data.block, offset));
        }
        return best;
    }

    private static double scanDot(DistanceKernel kernel, Data data) {
        double best = -Double.MAX_VALUE;
        for (int row = 0, offset = 0; row < ROWS; row++, offset += data.dimension) {
            best = Math.max(best, kernel.dot(data.query, data.block, offset));
        }
        return best;
    }
}
