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
 * ({@code io.jgan.runtime.generated.Parallel}, the threads large products may split over by output).
 *
 * <p>The four activation fields ({@link #input()}, {@link #output()}, {@link #inputGradient()},
 * {@link #outputGradient()}) are {@code float[]} of shape [batch, width] in the
 * {@link Layout#SAMPLES} layout, and {@code float[][]} of shape [width][batch] in
 * {@link Layout#FEATURES} ({@link #layout()}); the scratch buffer is always a flat {@code float[]}.
 */
public interface LayerCode {
    /** {@return the layer's values, name and input width} */
    LayerSpec layer();

    /**
     * {@return the layout of this network's activation buffers: one of this layer's
     * {@link LayerEmitter#layouts}}
     */
    default Layout layout() {
        return Layout.SAMPLES;
    }

    /** {@return values per sample leaving this layer} */
    int outputWidth();

    /**
     * {@return field holding this layer's input, [batch, inputWidth] (batch as in {@link #batch()}),
     * or [inputWidth][batch] in {@link Layout#FEATURES}}
     */
    String input();

    /**
     * {@return field holding this layer's output, [outputBatch, outputWidth] ({@link LayerEmitter#outputBatch}),
     * or [outputWidth][outputBatch] in {@link Layout#FEATURES}}
     */
    String output();

    /** {@return field where the backward pass writes the gradient with respect to the input (shaped as the input)} */
    String inputGradient();

    /** {@return field holding the gradient with respect to the output (read by the backward pass; shaped as the output)} */
    String outputGradient();

    /** {@return field of this layer's scratch buffer ({@link LayerEmitter#scratchPerSample}), or null} */
    String scratch();

    /** {@return field holding this layer's {@link LayerEmitter#kernel} object, if it has one} */
    default String kernel() {
        return layer().name() + "Kernel";
    }

    /**
     * {@return name of the int parameter holding how many samples enter this layer: the network's
     * batch, or what an earlier layer's {@link LayerEmitter#outputBatch} made of it}
     */
    String batch();

    /** {@return offset of this layer's first parameter in {@code params}/{@code grads}} */
    int parameterOffset();

    /**
     * {@return offset of the named tensor of this layer in {@code params}/{@code grads}}
     *
     * @param tensor a name from {@link LayerEmitter#parameters}, e.g. {@code weight}
     */
    int tensorOffset(String tensor);

    /** {@return whether this backward pass accumulates parameter gradients into {@code grads}} */
    boolean parameterGradients();

    /** {@return whether this backward pass writes {@link #inputGradient()}} */
    boolean inputGradients();

    /**
     * {@return a float literal as Java source: {@code 0.2f}, {@code Float.NaN}}
     *
     * @param value any float, NaN and infinities included
     */
    static CodeBlock literal(float value) {
        return Literals.of(value);
    }
}
