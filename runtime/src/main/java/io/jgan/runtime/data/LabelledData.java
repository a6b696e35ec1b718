package io.jgan.runtime.data;

import io.jgan.runtime.Rng;

/**
 * Real samples with their class labels, for a conditional GAN (a spec with {@code @Condition}): the
 * trainer shows the discriminator each real sample with its label.
 */
public interface LabelledData extends RealData {
    /** {@return the number of classes: every label is in [0, classes)} */
    int classes();

    /**
     * Writes {@code batch} samples into {@code dst} and their labels into {@code labels[0 .. batch)}.
     *
     * @param dst where the samples go, one after another
     * @param labels where their labels go
     * @param batch how many samples
     * @param rng the run's random generator
     */
    void next(float[] dst, int[] labels, int batch, Rng rng);

    /** {@return how many samples of each class the data holds, [classes]: what fake labels may be drawn in proportion to} */
    int[] classCounts();

    /**
     * Checks labels against the class count: the first one outside [0, classes) is an error naming
     * the file and the row (counting from 0, as the IDX format's items).
     *
     * @param labels one per sample
     * @param classes the class count
     * @param source where the labels were read, for the message (e.g. the label file)
     * @return how many samples of each class there are
     * @throws IllegalArgumentException for a label outside [0, classes)
     */
    static int[] count(int[] labels, int classes, String source) {
        if (classes < 2) {
            throw new IllegalArgumentException("labelled data needs at least 2 classes, got " + classes);
        }
        int[] counts = new int[classes];
        for (int row = 0; row < labels.length; row++) {
            int label = labels[row];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException(source + " row " + row + ": label " + label + " is outside [0, "
                        + classes + "), the classes of the spec's @Condition; use labels 0 to " + (classes - 1)
                        + " or a spec with more classes");
            }
            counts[label]++;
        }
        return counts;
    }
}
