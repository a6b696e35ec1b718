package io.jgan.runtime.data;

import io.jgan.runtime.Rng;

/**
 * {@link EpochData} with labels: the same epochs of shuffled batches, each sample's label shuffled
 * with it.
 */
public final class LabelledEpochData implements LabelledData, ShuffledData {
    private final ShuffledBatches batches;
    private final int classes;
    private final int[] counts;

    /**
     * Batches of 8-bit pixels kept as bytes and scaled to [-1, 1] (as {@link EpochData#ofPixels}'s),
     * with their labels.
     *
     * @param pixels    the images, row after row, {@code width} pixels each (shared, not copied)
     * @param width     pixels per image
     * @param labels    one label per image, each in [0, classes)
     * @param classes   the class count of the spec's {@code @Condition}
     * @param source    where the labels come from, for errors (e.g. the label file)
     * @param batchSize samples per batch; the trainer's batch size must be the same
     * @param rng       the run's random generator
     * @return batches over the images and their labels
     * @throws IllegalArgumentException naming {@code source} and the row of a label outside [0, classes)
     */
    public static LabelledEpochData ofPixels(byte[] pixels, int width, int[] labels, int classes, String source,
            int batchSize, Rng rng) {
        return new LabelledEpochData(ShuffledBatches.ofPixels(pixels, width, labels.clone(), batchSize, rng::nextInt),
                classes, labels, source);
    }

    /**
     * Batches over float samples with their labels.
     *
     * @param data      the samples, row after row (shared, not copied)
     * @param width     floats per sample
     * @param labels    one label per sample, each in [0, classes)
     * @param classes   the class count
     * @param source    where the labels come from, for errors
     * @param batchSize samples per batch
     * @param rng       the run's random generator
     */
    public LabelledEpochData(float[] data, int width, int[] labels, int classes, String source, int batchSize, Rng rng) {
        this(new ShuffledBatches(data, width, labels.clone(), batchSize, rng::nextInt), classes, labels, source);
    }

    private LabelledEpochData(ShuffledBatches batches, int classes, int[] labels, String source) {
        this.counts = LabelledData.count(labels, classes, source);
        this.batches = batches;
        this.classes = classes;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int[] classCounts() {
        return counts.clone();
    }

    @Override
    public int sampleSize() {
        return batches.width();
    }

    /** The samples without their labels (the labels are skipped, the shuffle is the same). */
    @Override
    public void next(float[] dst, int batch, Rng rng) {
        next(dst, null, batch, rng);
    }

    /** Copies the next batch and its labels; after the last full batch of an epoch, the first of a freshly shuffled one. */
    @Override
    public void next(float[] dst, int[] labels, int batch, Rng rng) {
        if (batch != batches.batchSize()) {
            throw new IllegalArgumentException("this data gives batches of " + batches.batchSize() + " samples, asked for "
                    + batch + " (use the same batch size for the data and the training config)");
        }
        if (!batches.next(dst, labels)) {
            batches.next(dst, labels); // a fresh epoch always has at least one full batch
        }
    }

    /** {@return full batches per epoch: {@code samples / batchSize}} */
    @Override
    public int batchesPerEpoch() {
        return batches.batchesPerEpoch();
    }

    /** {@return samples in the data set} */
    @Override
    public int samples() {
        return batches.samples();
    }

    /** {@return the shuffle position, for a checkpoint} */
    @Override
    public ShuffledBatches.State state() {
        return batches.state();
    }

    /**
     * Restores a position saved by {@link #state()} (the Rng must be restored too).
     *
     * @param state the saved position
     */
    @Override
    public void restore(ShuffledBatches.State state) {
        batches.restore(state);
    }
}
