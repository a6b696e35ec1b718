package io.jgan.processor.spi;

import java.util.List;

/**
 * A parameter tensor a layer owns, named and shaped as in PyTorch (so exports load into
 * {@code nn.Sequential}); stored contiguously in the network's flat parameter array.
 *
 * @param name {@code weight}, {@code bias}, ...
 * @param shape PyTorch's shape, e.g. [out, in] for a dense weight
 * @param transposed true when the generated code stores it transposed ([in, out] for a dense weight)
 */
public record ParameterShape(String name, List<Integer> shape, boolean transposed) {
    /**
     * Copies the shape.
     *
     * @param name {@code weight}, {@code bias}, ...
     * @param shape PyTorch's shape
     * @param transposed whether the generated code stores it transposed
     */
    public ParameterShape {
        shape = List.copyOf(shape);
    }

    /** {@return number of floats} */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
