package io.jgan.processor.spi;

/**
 * The shape of one sample as it enters or leaves a layer, known at compile time: flat (a vector of
 * {@link #size()} values) or an image of [channels, height, width]. Buffers always hold samples as
 * flat rows; an image's values are in PyTorch's order, channel by channel, each row by row (NCHW
 * with the batch outermost), so value {@code (c, y, x)} of a sample is at
 * {@code (c * height + y) * width + x}.
 *
 * <p>A flat shape reads as {@code size} channels of 1 x 1, which is how per-channel layers (batch
 * normalisation) treat a vector: one channel per feature.
 */
public final class Shape {
    private final int channels;
    private final int height;
    private final int width;
    private final boolean image;

    private Shape(int channels, int height, int width, boolean image) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.image = image;
    }

    /**
     * {@return a vector of {@code size} values}
     *
     * @param size values per sample
     */
    public static Shape flat(int size) {
        return new Shape(size, 1, 1, false);
    }

    /**
     * {@return an image of {@code channels} planes of {@code height} x {@code width} values}
     *
     * @param channels planes (feature maps)
     * @param height rows per plane
     * @param width values per row
     */
    public static Shape image(int channels, int height, int width) {
        return new Shape(channels, height, width, true);
    }

    /** {@return whether this is an image shape, [channels, height, width]} */
    public boolean isImage() {
        return image;
    }

    /** {@return the number of channels of an image; of a flat shape, its size} */
    public int channels() {
        return channels;
    }

    /** {@return rows per channel of an image; 1 for a flat shape} */
    public int height() {
        return height;
    }

    /** {@return values per row of an image; 1 for a flat shape} */
    public int width() {
        return width;
    }

    /**
     * {@return values per sample: channels x height x width, or the flat size}; as a long, since a
     * spec may declare shapes whose product overflows an int (the processor reports them)
     */
    public long longSize() {
        return (long) channels * height * width;
    }

    /** {@return values per sample} */
    public int size() {
        return Math.toIntExact(longSize());
    }

    /** {@return {@code [784]} or {@code [1, 28, 28]}, as in error messages and PyTorch} */
    @Override
    public String toString() {
        return image ? "[" + channels + ", " + height + ", " + width + "]" : "[" + channels + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && s.image == image && s.channels == channels && s.height == height
                && s.width == width;
    }

    @Override
    public int hashCode() {
        return ((Boolean.hashCode(image) * 31 + channels) * 31 + height) * 31 + width;
    }
}
