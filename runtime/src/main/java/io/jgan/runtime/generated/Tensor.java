package io.jgan.runtime.generated;

import java.util.Arrays;

/**
 * One named parameter tensor inside a network's flat parameter array.
 *
 * @param name the PyTorch-style name within its layer, {@code weight} or {@code bias}
 * @param offset where it starts in {@link io.jgan.runtime.Network#parameters()}
 * @param shape its shape in PyTorch's layout (a dense weight is [out, in])
 * @param transposed true when jgan stores it transposed ([in, out], so the forward pass reads
 *     contiguous outputs); exports transpose it back
 */
public record Tensor(String name, int offset, int[] shape, boolean transposed) {

    /** {@return how many floats it holds} */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.name.equals(name) && t.offset == offset
                && Arrays.equals(t.shape, shape) && t.transposed == transposed;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + offset * 7 + Arrays.hashCode(shape);
    }
}
