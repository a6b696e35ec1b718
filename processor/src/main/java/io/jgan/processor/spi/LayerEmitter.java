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
 * <p>Lifecycle, per spec member: {@link #outputShape} validates the layer and infers the shape of
 * its output (report problems through {@link LayerSpec#error}); then {@link #parameters},
 * {@link #scratchPerSample}, {@link #initialize}, {@link #forward} and {@link #backward} write the
 * code. Every dimension is a compile-time constant, so emitted code should inline them. Keep each
 * method body well under HotSpot's 8000-byte JIT limit: unroll small layers only, loop over large
 * ones.
 */
public abstract class LayerEmitter {

    /** For subclasses, which {@link java.util.ServiceLoader} creates through their public no-argument constructor. */
    protected LayerEmitter() {}

    /** {@return the canonical name of the annotation this emitter serves, e.g. {@code io.jgan.annotations.Dense}} */
    public abstract String annotationType();

    /**
     * Validates the layer's values and returns the shape of one sample leaving it. The default asks
     * {@link #outputWidth}: the same width keeps the input's shape (an element-wise layer on an image
     * gives an image), another width gives a flat shape. A layer that makes or reshapes images
     * overrides this method.
     *
     * @param layer the layer as written in the spec
     * @return the shape of one sample leaving the layer
     */
    public Shape outputShape(LayerSpec layer) {
        int width = outputWidth(layer);
        return width == layer.inputWidth() ? layer.inputShape() : Shape.flat(width);
    }

    /**
     * Validates the layer's values and returns its output width (values per sample), for the default
     * {@link #outputShape}. The default keeps the width, as an element-wise layer does.
     *
     * @param layer the layer as written in the spec
     * @return values per sample leaving the layer
     */
    public int outputWidth(LayerSpec layer) {
        return layer.inputWidth();
    }

    /**
     * {@return whether this layer reads the network's {@code @Condition} label ({@link LayerCode#labels()});
     * false by default} A conditional network must have at least one such layer.
     *
     * @param layer the validated layer
     */
    public boolean readsLabel(LayerSpec layer) {
        return false;
    }

    /**
     * {@return the layer's parameter tensors, in storage order; none by default}
     *
     * @param layer the validated layer
     */
    public List<ParameterShape> parameters(LayerSpec layer) {
        return List.of();
    }

    /**
     * {@return the layer's state tensors, in storage order; none by default} State is what a layer
     * updates itself during training passes rather than the optimizer (a batch norm's running
     * statistics): it lives in the network's state array ({@link LayerCode#state()}), is saved in
     * checkpoints and exported after the parameters under these names, as PyTorch's buffers are.
     * Reset it in {@link #initialize}.
     *
     * @param layer the validated layer
     */
    public List<ParameterShape> state(LayerSpec layer) {
        return List.of();
    }

    /**
     * {@return floats of scratch memory per sample this layer keeps between forward and backward (e.g. a mask)}
     *
     * @param layer the validated layer
     */
    public int scratchPerSample(LayerSpec layer) {
        return 0;
    }

    /**
     * How many samples leave this layer when {@code batch} samples enter it, as a Java {@code int}
     * expression of the variable named {@code batch}; null (the default) keeps the batch, as almost
     * every layer does. A layer that summarises its batch (minibatch statistics) returns e.g.
     * {@code CodeBlock.of("1")}. The layers after it then run on that many samples: their methods
     * receive it as their {@code batch} parameter, their buffers are sized by it, and the generated
     * network overrides {@code Network.outputBatch(int)} with the composition over all layers.
     *
     * <p>The expression must be side-effect free and depend only on {@code batch}: it is evaluated
     * in the constructor (for {@code maxBatch}, to size buffers) as well as on every pass.
     *
     * @param layer the validated layer
     * @param batch the name of the variable holding the number of samples entering the layer
     * @return the expression, or null to keep the batch
     */
    public CodeBlock outputBatch(LayerSpec layer, String batch) {
        return null;
    }

    /**
     * The buffer layouts this layer's code can be written for ({@link LayerCode#layout()}), the one
     * it runs fastest in first. A network whose input and output have one value per sample is
     * written in {@link Layout#FEATURES} when every layer supports it and at least one prefers it;
     * every other network in {@link Layout#SAMPLES}. The default, {@code SAMPLES} only, suits any
     * layer: supporting {@code FEATURES} is an optimisation.
     *
     * @param layer the validated layer
     * @return the supported layouts, preferred first; never empty, always including {@code SAMPLES}
     */
    public List<Layout> layouts(LayerSpec layer) {
        return List.of(Layout.SAMPLES);
    }

    /**
     * {@return how the layer appears in reports and checkpoints, e.g. {@code Dense(units = 7)}}
     *
     * @param layer the validated layer
     */
    public String describe(LayerSpec layer) {
        String name = annotationType();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * {@return the object this layer's code keeps between calls ({@link LayerKernel}), or null (the
     * default) for none; the code refers to it as {@link LayerCode#kernel()}}
     *
     * @param code where the layer's data lives
     */
    public LayerKernel kernel(LayerCode code) {
        return null;
    }

    /**
     * {@return code drawing the initial parameters from the {@code io.jgan.runtime.Rng rng} in scope; none by default}
     *
     * @param code where the layer's data lives
     */
    public CodeBlock initialize(LayerCode code) {
        return CodeBlock.of("");
    }

    /**
     * {@return code computing {@link LayerCode#output()} from {@link LayerCode#input()} for the
     * {@link LayerCode#batch()} samples entering the layer (and, for a layer with an
     * {@link #outputBatch}, writing the samples that leave it)}
     *
     * @param code where the layer's data lives
     */
    public abstract CodeBlock forward(LayerCode code);

    /**
     * Code for the backward pass: from {@link LayerCode#outputGradient()}, accumulate into
     * {@code grads} when {@link LayerCode#parameterGradients()} and write
     * {@link LayerCode#inputGradient()} when {@link LayerCode#inputGradients()}.
     *
     * @param code where the layer's data lives, and which gradients this pass computes
     * @return the statements of the backward method
     */
    public abstract CodeBlock backward(LayerCode code);
}
