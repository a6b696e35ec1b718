package io.jgan.runtime;

import io.jgan.runtime.generated.LayerInfo;
import io.jgan.runtime.generated.Tensor;
import java.util.List;

/**
 * The shape of a generated network, as its spec declared it.
 *
 * @param spec the spec's canonical name, e.g. {@code io.jgan.samples.even.EvenNumbers}
 * @param role generator or discriminator
 * @param inputSize values per input sample
 * @param outputSize values per output sample
 * @param parameterCount length of the flat parameter array
 * @param layers the layers in order
 * @param noise the generator's noise; null for a discriminator
 * @param classes the class count of the spec's {@code @Condition}: each sample then comes with a
 *     label in [0, classes); 0 for an unconditional network
 */
public record NetworkInfo(String spec, Role role, int inputSize, int outputSize, int parameterCount,
        List<LayerInfo> layers, Noise noise, int classes) {

    /** Which side of the GAN a network plays. */
    public enum Role {
        /** Maps noise to samples. */
        GENERATOR,
        /** Maps samples to the probability that they are real. */
        DISCRIMINATOR
    }

    /**
     * Copies the layer list.
     *
     * @param spec the spec's canonical name, e.g. {@code io.jgan.samples.even.EvenNumbers}
     * @param role generator or discriminator
     * @param inputSize values per input sample
     * @param outputSize values per output sample
     * @param parameterCount length of the flat parameter array
     * @param layers the layers in order
     * @param noise the generator's noise; null for a discriminator
     * @param classes the class count of the labels; 0 for an unconditional network
     */
    public NetworkInfo {
        layers = List.copyOf(layers);
        if (classes < 0 || classes == 1) {
            throw new IllegalArgumentException("classes must be 0 (unconditional) or at least 2, was " + classes);
        }
    }

    /**
     * An unconditional network.
     *
     * @param spec the spec's canonical name, e.g. {@code io.jgan.samples.even.EvenNumbers}
     * @param role generator or discriminator
     * @param inputSize values per input sample
     * @param outputSize values per output sample
     * @param parameterCount length of the flat parameter array
     * @param layers the layers in order
     * @param noise the generator's noise; null for a discriminator
     */
    public NetworkInfo(String spec, Role role, int inputSize, int outputSize, int parameterCount,
            List<LayerInfo> layers, Noise noise) {
        this(spec, role, inputSize, outputSize, parameterCount, layers, noise, 0);
    }

    /** {@return whether each sample comes with a label (the spec has a {@code @Condition})} */
    public boolean conditional() {
        return classes > 0;
    }

    /** {@return the length of the network's state array: the sum of its layers' buffers} */
    public int stateCount() {
        return layers.stream().mapToInt(LayerInfo::stateCount).sum();
    }

    /** {@return the network's name for messages, e.g. {@code EvenNumbers generator}} */
    public String displayName() {
        return spec.substring(spec.lastIndexOf('.') + 1) + " " + role.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A one-line architecture signature, e.g. {@code 7 -> dense:Dense(units = 7) -> activation:Sigmoid},
     * used to check that a checkpoint belongs to this network.
     *
     * @return the signature
     */
    public String architecture() {
        StringBuilder s = new StringBuilder().append(inputSize);
        for (LayerInfo layer : layers) {
            s.append(" -> ").append(layer.name()).append(':').append(layer.kind());
        }
        return s.toString();
    }

    /**
     * {@return the layer that holds parameter {@code index} of the flat array, or null if none does}
     *
     * @param index an index into the flat parameter array
     */
    public LayerInfo layerOfParameter(int index) {
        for (LayerInfo layer : layers) {
            for (Tensor t : layer.tensors()) {
                if (index >= t.offset() && index < t.offset() + t.size()) {
                    return layer;
                }
            }
        }
        return null;
    }
}
