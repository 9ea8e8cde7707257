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
    public double squaredL2(float[] a, int aOffset, float[] b, int bOffset, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double d = (double) a[aOffset + i] - b[bOffset + i];
            sum += d * d;
        }
        return sum;
    }

    @Override
    public double dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (double) a[aOffset + i] * b[bOffset + i];
        }
        return sum;
    }

    @Override
    public String description() {
        return "scalar (double accumulation)";
    }
}
