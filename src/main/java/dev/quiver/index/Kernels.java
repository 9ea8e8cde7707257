package dev.quiver.index;

/**
 * Chooses the distance kernel once, when the class is first used: SIMD when the JVM was started
 * with {@code --add-modules jdk.incubator.vector} (the run command, the image and the tests
 * do), scalar otherwise or when {@code -Dquiver.kernel=scalar} asks for it.
 */
public final class Kernels {

    private static final DistanceKernel ACTIVE = choose();

    private Kernels() {
    }

    /** The kernel every metric uses. */
    public static DistanceKernel active() {
        return ACTIVE;
    }

    /** The SIMD kernel, or null when the vector module is not enabled; for tests and benchmarks. */
    public static DistanceKernel simd() {
        return vectorModulePresent() ? new SimdKernel() : null;
    }

    /** The scalar kernel; for tests and benchmarks. */
    public static DistanceKernel scalar() {
        return ScalarKernel.INSTANCE;
    }

    /** Why the active kernel is the one it is, for the start-up log. */
    public static String describe() {
        if (ACTIVE instanceof ScalarKernel) {
            return ACTIVE.description() + (vectorModulePresent() ? ", as -Dquiver.kernel=scalar asks"
                    : ": start the JVM with --add-modules jdk.incubator.vector for SIMD");
        }
        return ACTIVE.description();
    }

    private static DistanceKernel choose() {
        if ("scalar".equalsIgnoreCase(System.getProperty("quiver.kernel")) || !vectorModulePresent()) {
            return ScalarKernel.INSTANCE;
        }
        return new SimdKernel();
    }

    private static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
