package io.jgan.processor.internal;

import com.palantir.javapoet.ClassName;

/** The runtime types generated code refers to: the processor does not depend on the runtime. */
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
    public static final ClassName RNG = ClassName.get(PACKAGE, "Rng");
    public static final ClassName INIT = ClassName.get(GENERATED, "Init");
    public static final ClassName DENSE_KERNEL = ClassName.get(PACKAGE + ".kernel", "DenseKernel");
    public static final ClassName BATCH_SUMS = ClassName.get(PACKAGE + ".kernel", "BatchSums");
    public static final ClassName ACTIVATIONS = ClassName.get(GENERATED, "Activations");
    public static final ClassName DROPOUT_MASK = ClassName.get(GENERATED, "DropoutMask");
}
