package dev.quiver.store;

/** Small vector helpers shared by the store and the index kernels. */
public final class Vectors {

    private Vectors() {
    }

    /**
     * The Euclidean norm in double: for float32 inputs it is exact to double precision and never
     * overflows, where a float result could be infinite (|v| near 3e38).
     */
    public static double norm(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }
}
