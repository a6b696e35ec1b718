package io.jgan.runtime.io;

import java.util.Arrays;

/**
 * A float32 array with a shape, as stored in a NumPy {@code .npy} file (C order: the last index
 * varies fastest).
 *
 * <p>The data array is shared, not copied, because weight arrays can be large; the shape is
 * copied. Equality compares shape and data contents.
 *
 * @param shape the dimensions, each at least 0; an empty shape is a scalar holding one value
 * @param data  the values in C order; its length must equal the product of the dimensions
 */
public record NpyArray(int[] shape, float[] data) {

    /**
     * Validates that the data length matches the shape.
     *
     * @param shape see the record description
     * @param data see the record description
     * @throws IllegalArgumentException if a dimension is negative or the sizes disagree
     */
    public NpyArray {
        shape = shape.clone();
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size
                    + " values but data has " + data.length);
        }
    }

    /**
     * Creates an array; shorthand for {@code new NpyArray(shape, data)}.
     *
     * @param data  the values in C order
     * @param shape the dimensions
     * @return the array
     */
    public static NpyArray of(float[] data, int... shape) {
        return new NpyArray(shape, data);
    }

    /**
     * Returns a copy of the shape.
     *
     * @return the dimensions
     */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /**
     * Returns the number of values.
     *
     * @return {@code data().length}
     */
    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray other && Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray" + Arrays.toString(shape) + (data.length <= 8 ? Arrays.toString(data) : "");
    }
}
