package io.jgan.processor.spi;

import com.palantir.javapoet.CodeBlock;

/**
 * What an emitter needs to write one layer's code: the validated layer, its shapes, where its data
 * lives in the generated class, and which gradients this pass computes.
 *
 * <p>Emitted code is the body of a method {@code void <name>Forward(int batch)} (or {@code Backward})
 * of the generated network. Besides the buffers named here it may use only what this interface
 * hands out as code: {@link #params()}, {@link #grads()}, {@link #training()}, {@link #random()},
 * {@link #pool()}, and the types of {@link RuntimeApi}.
 *
 * <p>The four activation buffers ({@link #input()}, {@link #output()}, {@link #inputGradient()},
 * {@link #outputGradient()}) are {@code float[]} of shape [batch, size] in the
 * {@link Layout#SAMPLES} layout (an image's values in {@link Shape}'s order), and {@code float[][]}
 * of shape [size][batch] in {@link Layout#FEATURES} ({@link #layout()}); the scratch buffer is
 * always a flat {@code float[]}.
 */
public interface LayerCode {
    /** {@return the layer's values, name and input shape} */
    LayerSpec layer();

    /**
     * {@return the layout of this network's activation buffers: one of this layer's
     * {@link LayerEmitter#layouts}}
     */
    default Layout layout() {
        return Layout.SAMPLES;
    }

    /** {@return the shape of one sample entering this layer} */
    default Shape inputShape() {
        return layer().inputShape();
    }

    /** {@return the shape of one sample leaving this layer ({@link LayerEmitter#outputShape})} */
    Shape outputShape();

    /** {@return values per sample leaving this layer: {@code outputShape().size()}} */
    default int outputWidth() {
        return outputShape().size();
    }

    /**
     * {@return field holding this layer's input, [batch, input size] (batch as in {@link #batch()}),
     * or [input size][batch] in {@link Layout#FEATURES}}
     */
    String input();

    /**
     * {@return field holding this layer's output, [outputBatch, output size] ({@link LayerEmitter#outputBatch}),
     * or [output size][outputBatch] in {@link Layout#FEATURES}}
     */
    String output();

    /** {@return field where the backward pass writes the gradient with respect to the input (shaped as the input)} */
    String inputGradient();

    /** {@return field holding the gradient with respect to the output (read by the backward pass; shaped as the output)} */
    String outputGradient();

    /** {@return field of this layer's scratch buffer ({@link LayerEmitter#scratchPerSample}), or null} */
    String scratch();

    /** {@return field holding this layer's {@link LayerEmitter#kernel} object, if it has one} */
    String kernel();

    /**
     * {@return name of the int parameter holding how many samples enter this layer: the network's
     * batch, or what an earlier layer's {@link LayerEmitter#outputBatch} made of it}
     */
    String batch();

    /** {@return the network's parameters: a {@code float[]} holding every layer's tensors one after another} */
    default CodeBlock params() {
        return CodeBlock.of("params");
    }

    /**
     * {@return the network's parameter gradients: a {@code float[]} laid out as {@link #params()};
     * the backward pass adds to it (zeroing is done elsewhere)}
     */
    default CodeBlock grads() {
        return CodeBlock.of("grads");
    }

    /**
     * {@return the labels of the samples in this pass: an {@code int[]} of shape [batch], each in
     * [0, {@link LayerSpec#conditionClasses()}), checked by the network before the pass} Only for a
     * network with a {@code @Condition}; the labels take no gradient.
     */
    default CodeBlock labels() {
        return CodeBlock.of("labels");
    }

    /** {@return a {@code boolean}: whether the network is training (dropout on) or inferring} */
    default CodeBlock training() {
        return CodeBlock.of("training");
    }

    /** {@return the network's random source, a {@link RuntimeApi#RNG}, for draws during a pass (e.g. dropout masks)} */
    default CodeBlock random() {
        return CodeBlock.of("random");
    }

    /**
     * {@return the network's threads, a {@link RuntimeApi#PARALLEL}: large products may split over them
     * by output, so that every thread count gives the same floats}
     */
    default CodeBlock pool() {
        return CodeBlock.of("parallel");
    }

    /** {@return offset of this layer's first parameter in {@code params}/{@code grads}} */
    int parameterOffset();

    /**
     * {@return offset of the named tensor of this layer in {@code params}/{@code grads}}
     *
     * @param tensor a name from {@link LayerEmitter#parameters}, e.g. {@code weight}
     */
    int tensorOffset(String tensor);

    /**
     * {@return the offset of the named tensor as generated code should write it: the network's
     * constant for it, e.g. {@code HIDDEN_WEIGHT}}
     *
     * @param tensor a name from {@link LayerEmitter#parameters}, e.g. {@code weight}
     */
    CodeBlock offset(String tensor);

    /**
     * {@return the offset of the named tensor plus {@code index}, as code: {@code HIDDEN_WEIGHT},
     * {@code HIDDEN_WEIGHT + 5}}
     *
     * @param tensor a name from {@link LayerEmitter#parameters}, e.g. {@code weight}
     * @param index the position within the tensor, as stored
     */
    default CodeBlock offset(String tensor, int index) {
        return index == 0 ? offset(tensor) : CodeBlock.of("$L + $L", offset(tensor), index);
    }

    /**
     * {@return the network's state: a {@code float[]} holding every layer's {@link LayerEmitter#state}
     * tensors one after another, which the layer's passes update themselves}
     */
    default CodeBlock state() {
        return CodeBlock.of("state");
    }

    /**
     * {@return the offset of the named state tensor in {@link #state()}, as code: the network's
     * constant for it, e.g. {@code NORM_RUNNING_MEAN}}
     *
     * @param tensor a name from {@link LayerEmitter#state}, e.g. {@code running_mean}
     */
    CodeBlock stateOffset(String tensor);

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
