package dev.quiver.store;

/** Small vector helpers shared by the store and the index kernels. */
public final class Vectors {

    private Vectors() {
    }

    /** The Euclidean norm, accumulated in double so long vectors keep float precision. */
    public static float norm(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        return (float) Math.sqrt(sum);
    }
}
