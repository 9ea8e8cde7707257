package dev.quiver.index;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fused multiply-add over the widest float lanes the CPU has (8 with AVX2, 16 with AVX-512),
 * with two accumulators so consecutive multiply-adds do not wait on each other. Accumulates in
 * float32, which is what makes it fast; a sum that overflows float32 is computed again by the
 * {@link ScalarKernel} in double, so finite inputs still give a finite score.
 *
 * <p>Loaded only when {@code jdk.incubator.vector} is in the boot layer (see {@link Kernels}).
 */
final class SimdKernel implements DistanceKernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    @Override
    public double squaredL2(float[] a, int aOffset, float[] b, int bOffset, int n) {
        FloatVector first = FloatVector.zero(SPECIES);
        FloatVector second = FloatVector.zero(SPECIES);
        // Loop bounds are computed before each loop: C2 recognises `i < bound` as a counted loop,
        // which it unrolls and checks once, where `i + width <= n` left it checking every load:
        // about 1.5× slower per vector, in cache and at random in a large block alike.
        int pairs = n - 2 * LANES + 1;
        int singles = n - LANES + 1;
        int i = 0;
        for (; i < pairs; i += 2 * LANES) {
            FloatVector d1 = FloatVector.fromArray(SPECIES, a, aOffset + i)
                    .sub(FloatVector.fromArray(SPECIES, b, bOffset + i));
            FloatVector d2 = FloatVector.fromArray(SPECIES, a, aOffset + i + LANES)
                    .sub(FloatVector.fromArray(SPECIES, b, bOffset + i + LANES));
            first = d1.fma(d1, first);
            second = d2.fma(d2, second);
        }
        for (; i < singles; i += LANES) {
            FloatVector d = FloatVector.fromArray(SPECIES, a, aOffset + i).sub(FloatVector.fromArray(SPECIES, b, bOffset + i));
            first = d.fma(d, first);
        }
        float sum = first.add(second).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float d = a[aOffset + i] - b[bOffset + i];
            sum += d * d;
        }
        return Float.isFinite(sum) ? sum : ScalarKernel.INSTANCE.squaredL2(a, aOffset, b, bOffset, n);
    }

    @Override
    public double dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
        FloatVector first = FloatVector.zero(SPECIES);
        FloatVector second = FloatVector.zero(SPECIES);
        int pairs = n - 2 * LANES + 1;
        int singles = n - LANES + 1;
        int i = 0;
        for (; i < pairs; i += 2 * LANES) {
            first = FloatVector.fromArray(SPECIES, a, aOffset + i)
                    .fma(FloatVector.fromArray(SPECIES, b, bOffset + i), first);
            second = FloatVector.fromArray(SPECIES, a, aOffset + i + LANES)
                    .fma(FloatVector.fromArray(SPECIES, b, bOffset + i + LANES), second);
        }
        for (; i < singles; i += LANES) {
            first = FloatVector.fromArray(SPECIES, a, aOffset + i).fma(FloatVector.fromArray(SPECIES, b, bOffset + i), first);
        }
        float sum = first.add(second).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            sum += a[aOffset + i] * b[bOffset + i];
        }
        return Float.isFinite(sum) ? sum : ScalarKernel.INSTANCE.dot(a, aOffset, b, bOffset, n);
    }

    @Override
    public String description() {
        return "SIMD (jdk.incubator.vector, " + LANES + " float lanes, " + SPECIES.vectorBitSize() + "-bit)";
    }
}
