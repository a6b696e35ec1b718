package io.jgan.data.idx;

/**
 * Class labels read from an IDX label file (the MNIST format): one unsigned byte per item.
 *
 * <p>The label array is shared, not copied.
 *
 * @param count  number of labels, at least 1
 * @param labels {@code count} unsigned bytes
 */
public record IdxLabels(int count, byte[] labels) {

    /**
     * Validates that the array length matches the count.
     *
     * @param count see the record description
     * @param labels see the record description
     * @throws IllegalArgumentException if the count is not positive or the array length is wrong
     */
    public IdxLabels {
        if (count < 1 || labels.length != count) {
            throw new IllegalArgumentException(count + " labels need an array of that length, got " + labels.length);
        }
    }

    /**
     * Returns one label.
     *
     * @param i item index
     * @return the label in [0, 255]
     */
    public int label(int i) {
        return labels[i] & 0xFF;
    }

    /**
     * Returns all labels as ints.
     *
     * @return {@code count} labels in [0, 255]
     */
    public int[] toInts() {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = labels[i] & 0xFF;
        }
        return out;
    }
}
