package io.jgan.processor.spi;

import com.palantir.javapoet.CodeBlock;

/**
 * What an emitter needs to write one layer's code: the validated layer, where its data lives in the
 * generated class, and which gradients this pass computes.
 *
 * <p>Emitted code is the body of a method {@code void <name>Forward(int batch)} (or {@code Backward})
 * of a subclass of {@code io.jgan.runtime.Network}; it may use the fields named here and the
 * inherited fields {@code params}, {@code grads} (flat float arrays), {@code random}
 * ({@code io.jgan.runtime.Rng}), {@code training} (boolean) and {@code parallel}
 * ({@code io.jgan.runtime.Parallel}, the threads large products may split over by output).
 */
public interface LayerCode {
    /** The layer's values, name and input width. */
    LayerSpec layer();

    /** Values per sample leaving this layer. */
    int outputWidth();

    /** Field holding this layer's input, [batch, inputWidth]. */
    String input();

    /** Field holding this layer's output, [batch, outputWidth]. */
    String output();

    /** Field where the backward pass writes the gradient with respect to the input. */
    String inputGradient();

    /** Field holding the gradient with respect to the output (read by the backward pass). */
    String outputGradient();

    /** Field of this layer's scratch buffer ({@link LayerEmitter#scratchPerSample}), or null. */
    String scratch();

    /** Field holding this layer's {@link LayerEmitter#kernel} object, if it has one. */
    default String kernel() {
        return layer().name() + "Kernel";
    }

    /** Name of the int parameter holding the batch size. */
    String batch();

    /** Offset of this layer's first parameter in {@code params}/{@code grads}. */
    int parameterOffset();

    /** Offset of the named tensor of this layer in {@code params}/{@code grads}. */
    int tensorOffset(String tensor);

    /** Whether this backward pass accumulates parameter gradients into {@code grads}. */
    boolean parameterGradients();

    /** Whether this backward pass writes {@link #inputGradient()}. */
    boolean inputGradients();

    /** A float literal as Java source: {@code 0.2f}, {@code Float.NaN}. */
    static CodeBlock literal(float value) {
        return Literals.of(value);
    }
}
