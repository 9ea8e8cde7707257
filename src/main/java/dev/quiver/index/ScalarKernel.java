package dev.quiver.index;

/**
 * Plain loops accumulating in double: the reference the SIMD kernel is tested against, the
 * fallback when {@code jdk.incubator.vector} is not enabled, and the SIMD kernel's resort when
 * float32 accumulation overflows (3e38 × 3e38 would).
 */
final class ScalarKernel implements DistanceKernel {

    static final ScalarKernel INSTANCE = new ScalarKernel();

    private ScalarKernel() {
    }

    @Override
    public double squaredL2(float[] query, float[] block, int offset) {
        double sum = 0;
        for (int i = 0; i < query.length; i++) {
            double d = (double) query[i] - block[offset + i];
            sum += d * d;
        }
        return sum;
    }

    @Override
    public double dot(float[] query, float[] block, int offset) {
        double sum = 0;
        for (int i = 0; i < query.length; i++) {
            sum += (double) query[i] * block[offset + i];
        }
        return sum;
    }

    @Override
    public String description() {
        return "scalar (double accumulation)";
    }
}
