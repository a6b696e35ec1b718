package io.jgan.processor.spi;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types generated layer code may use, named here because the processor does not depend
 * on the runtime (write {@code $T} with these). Other runtime types are not for generated code.
 */
public final class RuntimeApi {
    private RuntimeApi() {}

    private static final String PACKAGE = "io.jgan.runtime";

    /** {@code Rng}: the random source, {@link LayerCode#random()} and {@code rng} in initialisers. */
    public static final ClassName RNG = ClassName.get(PACKAGE, "Rng");
    /** {@code Parallel}: the thread pool, {@link LayerCode#pool()}. */
    public static final ClassName PARALLEL = ClassName.get(PACKAGE + ".generated", "Parallel");
    /** {@code Init}: PyTorch's default initialisations, e.g. {@code Init.linear(params, offset, count, fanIn, rng)}. */
    public static final ClassName INIT = ClassName.get(PACKAGE + ".generated", "Init");
    /** {@code Activations}: branch-free activation functions C2 vectorises ({@code tanh}, {@code step}). */
    public static final ClassName ACTIVATIONS = ClassName.get(PACKAGE + ".generated", "Activations");
    /** {@code DropoutMask}: a pass's dropout mask from one random {@code long}. */
    public static final ClassName DROPOUT_MASK = ClassName.get(PACKAGE + ".generated", "DropoutMask");
    /** {@code DenseKernel}: blocked, parallel products of a dense layer with a bias. */
    public static final ClassName DENSE_KERNEL = ClassName.get(PACKAGE + ".kernel", "DenseKernel");
    /** {@code Conv2dKernel}: a convolution's passes as parallel matrix products over image patches. */
    public static final ClassName CONV2D_KERNEL = ClassName.get(PACKAGE + ".kernel", "Conv2dKernel");
    /** {@code ConvTranspose2dKernel}: a transposed convolution's passes, the same products run backwards. */
    public static final ClassName CONV_TRANSPOSE2D_KERNEL = ClassName.get(PACKAGE + ".kernel", "ConvTranspose2dKernel");
    /** {@code BatchNormKernel}: batch normalisation's passes and running statistics. */
    public static final ClassName BATCH_NORM_KERNEL = ClassName.get(PACKAGE + ".kernel", "BatchNormKernel");
    /** {@code ReluGradient}: the ReLU's input gradient over a whole buffer, vectorised when the Vector API is present. */
    public static final ClassName RELU_GRADIENT = ClassName.get(PACKAGE + ".kernel", "ReluGradient");
    /** {@code ValueRanges}: a value-by-value layer's loops over large buffers, shared by the threads. */
    public static final ClassName VALUE_RANGES = ClassName.get(PACKAGE + ".kernel", "ValueRanges");
    /** {@code BatchSums}: sums over the batch of feature-major buffers, with the Vector API when present. */
    public static final ClassName BATCH_SUMS = ClassName.get(PACKAGE + ".kernel", "BatchSums");
}
