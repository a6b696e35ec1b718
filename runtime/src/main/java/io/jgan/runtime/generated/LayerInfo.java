package io.jgan.runtime.generated;

import java.util.List;

/**
 * What a generated network says about one of its layers: enough to name it in an error report,
 * save it in a checkpoint and export it under PyTorch's {@code nn.Sequential} names.
 *
 * @param index position in the spec's layer list, counting every layer (as {@code nn.Sequential} does)
 * @param name the spec member's name, e.g. {@code hidden}
 * @param kind the layer annotation with its values, e.g. {@code Dense(units = 7)}
 * @param outputWidth values per sample after this layer
 * @param tensors its parameters, empty for an activation
 * @param buffers its state: tensors the layer updates itself rather than the optimizer (a batch
 *     norm's running statistics), at offsets into {@link io.jgan.runtime.Network#state()}; saved in checkpoints and
 *     exported after the parameters, as PyTorch's buffers are
 */
public record LayerInfo(int index, String name, String kind, int outputWidth, List<Tensor> tensors,
        List<Tensor> buffers) {

    /**
     * Copies the tensor list.
     *
     * @param index position in the spec's layer list, counting every layer (as {@code nn.Sequential} does)
     * @param name the spec member's name, e.g. {@code hidden}
     * @param kind the layer annotation with its values, e.g. {@code Dense(units = 7)}
     * @param outputWidth values per sample after this layer
     * @param tensors its parameters, empty for an activation
     * @param buffers its state tensors, usually none
     */
    public LayerInfo {
        tensors = List.copyOf(tensors);
        buffers = List.copyOf(buffers);
    }

    /**
     * A layer without state.
     *
     * @param index position in the spec's layer list
     * @param name the spec member's name
     * @param kind the layer annotation with its values
     * @param outputWidth values per sample after this layer
     * @param tensors its parameters
     */
    public LayerInfo(int index, String name, String kind, int outputWidth, List<Tensor> tensors) {
        this(index, name, kind, outputWidth, tensors, List.of());
    }

    /** {@return total number of parameters of this layer} */
    public int parameterCount() {
        return tensors.stream().mapToInt(Tensor::size).sum();
    }

    /** {@return floats of state of this layer} */
    public int stateCount() {
        return buffers.stream().mapToInt(Tensor::size).sum();
    }
}
