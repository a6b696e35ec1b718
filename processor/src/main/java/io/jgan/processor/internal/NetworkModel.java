package io.jgan.processor.internal;

import io.jgan.processor.spi.Layout;
import io.jgan.processor.spi.Shape;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A validated network, everything computed: the writer only turns it into code.
 *
 * @param spec the spec type (the originating element of the generated file)
 * @param declaration the {@code @Generator}/{@code @Discriminator} interface
 * @param className the simple name of the generated class, e.g. {@code EvenNumbers_Generator}
 * @param generator whether this is the generator
 * @param inputShape the shape of one input sample
 * @param layers the layers in order, offsets computed
 * @param noise the generator's noise, null for a discriminator
 */
public record NetworkModel(TypeElement spec, TypeElement declaration, String className, boolean generator,
        Shape inputShape, List<LayerModel> layers, NoiseModel noise) {

    /** Copies the layer list. */
    public NetworkModel {
        layers = List.copyOf(layers);
    }

    /** Values per input sample. */
    public int inputSize() {
        return inputShape.size();
    }

    /** The shape of one output sample. */
    public Shape outputShape() {
        return layers.get(layers.size() - 1).outputShape();
    }

    /** Values per output sample. */
    public int outputSize() {
        return outputShape().size();
    }

    /**
     * The layout of the activation buffers: {@link Layout#FEATURES} when the network's input and
     * output have one value per sample, every layer's code can be written for it, and at least one
     * layer prefers it (narrow layers, whose loops then run over the batch); else {@link Layout#SAMPLES}.
     * With one value per sample, Network's flat input and output arrays are already the single row
     * of their feature. Wider ends would need transposing copies on every pass: on the even-numbers
     * GAN (7 values a sample, batch 16) those made a training step 25% slower.
     */
    public Layout layout() {
        if (inputSize() != 1 || outputSize() != 1) {
            return Layout.SAMPLES;
        }
        boolean preferred = false;
        for (LayerModel layer : layers) {
            List<Layout> layouts = layer.emitter().layouts(layer.spec());
            if (!layouts.contains(Layout.FEATURES)) {
                return Layout.SAMPLES;
            }
            preferred |= layouts.get(0) == Layout.FEATURES;
        }
        return preferred ? Layout.FEATURES : Layout.SAMPLES;
    }

    /** Total parameters. */
    public int parameterCount() {
        return layers.stream().mapToInt(LayerModel::parameterCount).sum();
    }

    /** Whether the network computes gradients with respect to its input (a discriminator does). */
    public boolean hasInputGradient() {
        return !generator;
    }

    /**
     * The network's noise.
     *
     * @param distribution UNIFORM, GAUSSIAN or BERNOULLI
     * @param size values per sample
     * @param a first parameter, defaults applied
     * @param b second parameter, defaults applied
     */
    public record NoiseModel(String distribution, int size, float a, float b) {}
}
