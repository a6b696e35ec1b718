package io.jgan.processor.spi;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * Writes the code of one kind of layer: the extension point of jgan.
 *
 * <p>An emitter serves one annotation type marked {@code @io.jgan.annotations.Layer}; the processor
 * finds it with {@link java.util.ServiceLoader} on the annotation processor path (register it in
 * {@code META-INF/services/io.jgan.processor.spi.LayerEmitter}, or with {@code @AutoService}), keyed
 * by {@link #annotationType()}. The built-in layers use this same class.
 *
 * <p>Lifecycle, per spec member: {@link #outputWidth} validates and infers the shape (report problems
 * through {@link LayerSpec#error}); then {@link #parameters}, {@link #scratchPerSample},
 * {@link #initialize}, {@link #forward} and {@link #backward} write the code. Every dimension is a
 * compile-time constant, so emitted code should inline them. Keep each method body well under
 * HotSpot's 8000-byte JIT limit: unroll small layers only, loop over large ones.
 */
public abstract class LayerEmitter {

    /** The canonical name of the annotation this emitter serves, e.g. {@code io.jgan.annotations.Dense}. */
    public abstract String annotationType();

    /**
     * Validates the layer's values and returns its output width (values per sample). The default
     * keeps the width, as an element-wise layer does.
     */
    public int outputWidth(LayerSpec layer) {
        return layer.inputWidth();
    }

    /** The layer's parameter tensors, in storage order; none by default. */
    public List<ParameterShape> parameters(LayerSpec layer) {
        return List.of();
    }

    /** Floats of scratch memory per sample this layer keeps between forward and backward (e.g. a mask). */
    public int scratchPerSample(LayerSpec layer) {
        return 0;
    }

    /** How the layer appears in reports and checkpoints, e.g. {@code Dense(units = 7)}. */
    public String describe(LayerSpec layer) {
        String name = annotationType();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * The object this layer's code keeps between calls ({@link LayerKernel}), or null (the default)
     * for none; the code refers to it as {@link LayerCode#kernel()}.
     */
    public LayerKernel kernel(LayerCode code) {
        return null;
    }

    /** Code drawing the initial parameters from the {@code io.jgan.runtime.Rng rng} in scope; none by default. */
    public CodeBlock initialize(LayerCode code) {
        return CodeBlock.of("");
    }

    /** Code computing {@link LayerCode#output()} from {@link LayerCode#input()} for {@code batch} samples. */
    public abstract CodeBlock forward(LayerCode code);

    /**
     * Code for the backward pass: from {@link LayerCode#outputGradient()}, accumulate into
     * {@code grads} when {@link LayerCode#parameterGradients()} and write
     * {@link LayerCode#inputGradient()} when {@link LayerCode#inputGradients()}.
     */
    public abstract CodeBlock backward(LayerCode code);
}
