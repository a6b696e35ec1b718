package io.jgan.processor.internal;

import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.ParameterShape;
import io.jgan.processor.spi.Shape;
import java.util.List;
import java.util.Map;

/**
 * One validated layer with its place in the network: everything the writer needs, computed.
 *
 * @param index position among the layers (PyTorch's {@code nn.Sequential} index)
 * @param spec the validated values, as emitters see them
 * @param emitter the code writer for its annotation
 * @param outputShape the shape of one sample after it
 * @param parameterOffset where its parameters start in the flat array
 * @param parameters its tensors, stored one after another from {@code parameterOffset}
 * @param stateOffset where its state starts in the flat state array
 * @param state its state tensors ({@link LayerEmitter#state}), stored one after another from {@code stateOffset}
 * @param offsetNames the constant naming each tensor's offset, by tensor name, e.g. {@code weight -> HIDDEN_WEIGHT};
 *     a state tensor's as {@code state.running_mean}
 * @param scratchPerSample floats of scratch memory per sample
 * @param description e.g. {@code Dense(units = 7)}
 * @param buffers the fields its code reads and writes
 * @param batchWord how buffer comments name the number of samples entering it, e.g. {@code batch}
 * @param changesBatch whether it changes the number of samples ({@link LayerEmitter#outputBatch})
 * @param learnsBefore whether a layer before it has parameters, so that the parameter pass needs its input gradient
 */
public record LayerModel(int index, LayerSpec spec, LayerEmitter emitter, Shape outputShape, int parameterOffset,
        List<ParameterShape> parameters, int stateOffset, List<ParameterShape> state, Map<String, String> offsetNames, int scratchPerSample, String description,
        Buffers buffers, String batchWord, boolean changesBatch, boolean learnsBefore) {

    /** Copies the tensor list and names. */
    public LayerModel {
        parameters = List.copyOf(parameters);
        state = List.copyOf(state);
        offsetNames = Map.copyOf(offsetNames);
    }

    /** Floats of state. */
    public int stateCount() {
        return state.stream().mapToInt(ParameterShape::size).sum();
    }

    /** Offset of a named state tensor in the state array. */
    public int stateOffset(String tensor) {
        int offset = stateOffset;
        for (ParameterShape p : state) {
            if (p.name().equals(tensor)) {
                return offset;
            }
            offset += p.size();
        }
        throw new IllegalArgumentException("layer " + name() + " has no state tensor named " + tensor);
    }

    /**
     * The fields a layer's code uses.
     *
     * @param input its input, the previous layer's output or the network's input
     * @param output its output
     * @param inputGradient where the backward pass writes the input gradient
     * @param outputGradient the gradient with respect to its output
     * @param scratch its scratch buffer, or null
     * @param kernel the field of its kernel object, if its emitter makes one
     */
    public record Buffers(String input, String output, String inputGradient, String outputGradient, String scratch,
            String kernel) {}

    /** The spec member's name. */
    public String name() {
        return spec.name();
    }

    /** The shape of one sample entering it. */
    public Shape inputShape() {
        return spec.inputShape();
    }

    /** Values per sample after it. */
    public int outputWidth() {
        return outputShape.size();
    }

    /** Number of parameters. */
    public int parameterCount() {
        return parameters.stream().mapToInt(ParameterShape::size).sum();
    }

    /** Offset of a named tensor. */
    public int tensorOffset(String tensor) {
        int offset = parameterOffset;
        for (ParameterShape p : parameters) {
            if (p.name().equals(tensor)) {
                return offset;
            }
            offset += p.size();
        }
        throw new IllegalArgumentException("layer " + name() + " has no tensor named " + tensor);
    }

    /** The constant naming a tensor's offset. */
    public String offsetName(String tensor) {
        String name = offsetNames.get(tensor);
        if (name == null) {
            throw new IllegalArgumentException("layer " + name() + " has no tensor named " + tensor);
        }
        return name;
    }
}
