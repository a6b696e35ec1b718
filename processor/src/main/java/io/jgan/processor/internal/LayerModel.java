package io.jgan.processor.internal;

import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.ParameterShape;
import io.jgan.processor.spi.Shape;
import java.util.List;

/**
 * One validated layer with its place in the network.
 *
 * @param index position among the layers (PyTorch's {@code nn.Sequential} index)
 * @param spec the validated values, as emitters see them
 * @param emitter the code writer for its annotation
 * @param outputShape the shape of one sample after it
 * @param parameterOffset where its parameters start in the flat array
 * @param parameters its tensors, stored one after another from {@code parameterOffset}
 * @param stateOffset where its state starts in the flat state array
 * @param state its state tensors ({@link LayerEmitter#state}), stored one after another from {@code stateOffset}
 * @param scratchPerSample floats of scratch memory per sample
 * @param description e.g. {@code Dense(units = 7)}
 */
public record LayerModel(int index, LayerSpec spec, LayerEmitter emitter, Shape outputShape, int parameterOffset,
        List<ParameterShape> parameters, int stateOffset, List<ParameterShape> state, int scratchPerSample,
        String description) {

    /** Copies the tensor lists. */
    public LayerModel {
        parameters = List.copyOf(parameters);
        state = List.copyOf(state);
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

    /** The spec member's name. */
    public String name() {
        return spec.name();
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
}
