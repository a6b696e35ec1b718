package io.jgan.processor.spi;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;

/**
 * An object a layer's generated code keeps for the network's lifetime, such as a kernel holding the
 * scratch memory of large products: a {@code private final} field named {@link LayerCode#kernel()},
 * created in the network's constructor (where {@code int maxBatch} is in scope, and every buffer field is
 * assigned, so lambdas in the initializer may read them), so that the layer's passes allocate nothing.
 *
 * @param type the field's type
 * @param initializer the expression creating it, e.g. {@code new DenseKernel(784, 1024, 0, 802816, maxBatch)}, or
 *     a {@code ValueRanges} whose lambdas hold an activation's loops
 */
public record LayerKernel(TypeName type, CodeBlock initializer) {}
