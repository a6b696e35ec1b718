package io.jgan.data.idx;

/**
 * Grayscale images read from an IDX file (the MNIST format): {@code count} images of
 * {@code rows x cols} unsigned-byte pixels, image after image, each row-major.
 *
 * <p>The pixel array is shared, not copied.
 *
 * @param count  number of images, at least 1
 * @param rows   rows per image, at least 1
 * @param cols   columns per image, at least 1
 * @param pixels {@code count * rows * cols} unsigned bytes, 0 = background in MNIST
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {

    /**
     * Validates that the pixel array matches the dimensions.
     *
     * @param count see the record description
     * @param rows see the record description
     * @param cols see the record description
     * @param pixels see the record description
     * @throws IllegalArgumentException if a dimension is not positive or the array length is wrong
     */
    public IdxImages {
        if (count < 1 || rows < 1 || cols < 1 || pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException(count + " images of " + rows + "x" + cols + " need "
                    + (long) count * rows * cols + " pixels, got " + pixels.length);
        }
    }

    /**
     * Returns the number of pixels per image.
     *
     * @return {@code rows * cols}
     */
    public int imageSize() {
        return rows * cols;
    }

    /**
     * Returns one pixel.
     *
     * @param image image index
     * @param row   row within the image
     * @param col   column within the image
     * @return the pixel value in [0, 255]
     */
    public int pixel(int image, int row, int col) {
        return pixels[image * imageSize() + row * cols + col] & 0xFF;
    }

    /**
     * Converts all pixels to floats scaled to [-1, 1] ({@code p / 127.5 - 1}), the range of a
     * tanh generator output.
     *
     * @return {@code count * rows * cols} floats in the same order as {@link #pixels()}
     */
    public float[] toFloats() {
        float[] out = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (pixels[i] & 0xFF) / 127.5f - 1f;
        }
        return out;
    }
}
