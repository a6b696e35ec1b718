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
 */
public record LayerInfo(int index, String name, String kind, int outputWidth, List<Tensor> tensors) {

    /**
     * Copies the tensor list.
     *
     * @param index position in the spec's layer list, counting every layer (as {@code nn.Sequential} does)
     * @param name the spec member's name, e.g. {@code hidden}
     * @param kind the layer annotation with its values, e.g. {@code Dense(units = 7)}
     * @param outputWidth values per sample after this layer
     * @param tensors its parameters, empty for an activation
     */
    public LayerInfo {
        tensors = List.copyOf(tensors);
    }

    /** {@return total number of parameters of this layer} */
    public int parameterCount() {
        return tensors.stream().mapToInt(Tensor::size).sum();
    }
}
