package dev.quiver.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SIMD kernel against the scalar one it replaces. Float32 accumulation rounds differently
 * from double, so they agree within 1e-5 of the magnitude of the summed terms (for L2 that is
 * the distance itself); dimensions cover every tail length around the lane widths.
 */
class KernelTest {

    private static final DistanceKernel SIMD = Kernels.simd();
    private static final DistanceKernel SCALAR = Kernels.scalar();

    @Test
    void theTestsRunWithTheVectorModuleAndSoWithSimd() {
        assertThat(SIMD).as("surefire starts the JVM with --add-modules jdk.incubator.vector").isNotNull();
        assertThat(Kernels.active()).isInstanceOf(SimdKernel.class);
        assertThat(Kernels.describe()).startsWith("SIMD");
    }

    @Test
    void simdEqualsScalarWithinTolerance() {
        Random random = new Random(7);
        for (int dimension = 1; dimension <= 300; dimension++) {
            for (int round = 0; round < 20; round++) {
                float[] query = gaussian(random, dimension, 1 + random.nextInt(100));
                int offset = random.nextInt(5) * dimension;
                float[] block = new float[offset + dimension + random.nextInt(3)];
                float[] stored = gaussian(random, dimension, 1 + random.nextInt(100));
                System.arraycopy(stored, 0, block, offset, dimension);

                double l2 = SCALAR.squaredL2(query, block, offset);
                assertThat(SIMD.squaredL2(query, block, offset)).as("L2, dimension %d", dimension)
                        .isCloseTo(l2, offset(1e-5 * Math.max(1, l2)));
                double magnitude = 0;
                for (int i = 0; i < dimension; i++) {
                    magnitude += Math.abs((double) query[i] * stored[i]);
                }
                assertThat(SIMD.dot(query, block, offset)).as("dot, dimension %d", dimension)
                        .isCloseTo(SCALAR.dot(query, block, offset),
                                offset(1e-5 * Math.max(1, magnitude)));
            }
        }
    }

    @Test
    void sumsThatOverflowFloat32StayFinite() {
        float[] query = new float[33];
        float[] stored = new float[33];
        Arrays.fill(query, 3e38f);
        Arrays.fill(stored, -3e38f);

        double l2 = SIMD.squaredL2(query, stored, 0);
        double dot = SIMD.dot(query, stored, 0);

        assertThat(l2).isFinite().isEqualTo(SCALAR.squaredL2(query, stored, 0));
        assertThat(dot).isFinite().isEqualTo(SCALAR.dot(query, stored, 0));
    }

    @Test
    void identicalVectorsScoreExactlyAlikeSoTiesFallToTheKey() {
        Random random = new Random(11);
        float[] query = gaussian(random, 128, 1);
        float[] stored = gaussian(random, 128, 1);
        float[] block = new float[256];
        System.arraycopy(stored, 0, block, 0, 128);
        System.arraycopy(stored, 0, block, 128, 128);

        assertThat(SIMD.squaredL2(query, block, 0)).isEqualTo(SIMD.squaredL2(query, block, 128));
        assertThat(SIMD.dot(query, block, 0)).isEqualTo(SIMD.dot(query, block, 128));
    }

    private static float[] gaussian(Random random, int dimension, double scale) {
        float[] vector = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            vector[i] = (float) (random.nextGaussian() * scale);
        }
        return vector;
    }
}
