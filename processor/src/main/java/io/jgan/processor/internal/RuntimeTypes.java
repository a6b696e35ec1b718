package io.jgan.processor.internal;

import com.palantir.javapoet.ClassName;
import io.jgan.processor.spi.RuntimeApi;

/**
 * The runtime types the network class around the layers refers to; those layer code may use are
 * {@link RuntimeApi}'s. The processor does not depend on the runtime.
 */
public final class RuntimeTypes {
    private RuntimeTypes() {}

    private static final String PACKAGE = "io.jgan.runtime";
    /** Types that exist only for generated code. */
    private static final String GENERATED = PACKAGE + ".generated";
    public static final ClassName NETWORK = ClassName.get(PACKAGE, "Network");
    public static final ClassName NETWORK_INFO = ClassName.get(PACKAGE, "NetworkInfo");
    public static final ClassName ROLE = NETWORK_INFO.nestedClass("Role");
    public static final ClassName LAYER_INFO = ClassName.get(GENERATED, "LayerInfo");
    public static final ClassName TENSOR = ClassName.get(GENERATED, "Tensor");
    public static final ClassName NOISE = ClassName.get(PACKAGE, "Noise");
    public static final ClassName DISTRIBUTION = NOISE.nestedClass("Distribution");
    public static final ClassName RNG = RuntimeApi.RNG;
}
