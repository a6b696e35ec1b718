package io.jgan.runtime.kernel;

/**
 * Whether {@link DenseKernel} uses the Vector API ({@code VectorProducts}) or C2's
 * auto-vectorisation. The Vector API is an incubating JDK module that the JVM resolves only when
 * asked: {@code java --add-modules jdk.incubator.vector ...}. With it the large dense layers run
 * about twice as fast; without it everything works the same, only slower. The system property
 * {@code -Djgan.vector=false} turns it off.
 *
 * <p>The two paths round differently (fused multiply-adds, another summation order), so a run is
 * reproducible bit for bit for a given seed, thread count and path.
 */
public final class Simd {
    /** The module to add to the JVM for the fast path. */
    public static final String MODULE = "jdk.incubator.vector";

    private static final boolean ENABLED = decide();

    private Simd() {}

    /**
     * {@return whether the large dense layers use the Vector API}
     */
    public static boolean enabled() {
        return ENABLED;
    }

    /**
     * {@return one line saying which path the dense layers take and, if slow, how to get the fast one}
     */
    public static String describe() {
        if (ENABLED) {
            return "dense kernels: Vector API, " + VectorProducts.LANES + " floats per vector";
        }
        if (!moduleResolved()) {
            return "dense kernels: auto-vectorised; faster with java --add-modules " + MODULE;
        }
        if ("false".equals(System.getProperty("jgan.vector"))) {
            return "dense kernels: auto-vectorised (-Djgan.vector=false)";
        }
        return "dense kernels: auto-vectorised (vectors narrower than 8 floats here)";
    }

    private static boolean moduleResolved() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    private static boolean decide() {
        if ("false".equals(System.getProperty("jgan.vector")) || !moduleResolved()) {
            return false;
        }
        // The module descriptor does not name the incubating module (javac and javadoc would warn
        // about it in every build); as a named module the runtime reads it from here, when present.
        Simd.class.getModule().addReads(ModuleLayer.boot().findModule(MODULE).orElseThrow());
        try {
            return VectorProducts.worthwhile();
        } catch (LinkageError e) {
            return false;
        }
    }
}
