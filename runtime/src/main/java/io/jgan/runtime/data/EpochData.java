package io.jgan.runtime.data;

import io.jgan.runtime.Rng;

/**
 * Real data in epochs: the trainer takes one batch per iteration, and every {@link #batchesPerEpoch()}
 * iterations make one epoch, each in a fresh shuffle drawn from the run's random generator.
 *
 * <p>The epoch boundary is the caller's loop: run {@code batchesPerEpoch()} iterations per epoch
 * (600 for 60,000 images in batches of 100). The shuffle for an epoch is drawn when its first batch
 * is taken, from the same {@link Rng} the trainer uses for noise and dropout, so a run is one
 * reproducible stream and a checkpoint needs only the Rng state and {@link #state()}.
 */
public final class EpochData implements ShuffledData {
    private final ShuffledBatches batches;

    /**
     * Batches over {@code data} (rows of {@code width} floats), shuffled with {@code rng}.
     *
     * @param data      the samples, row after row (shared, not copied)
     * @param width     floats per sample
     * @param batchSize samples per batch; the trainer's batch size must be the same
     * @param rng       the run's random generator
     */
    public EpochData(float[] data, int width, int batchSize, Rng rng) {
        this(new ShuffledBatches(data, width, batchSize, rng::nextInt));
    }

    /**
     * Batches of 8-bit pixels kept as bytes and scaled to [-1, 1] ({@code p / 127.5 - 1}) batch by
     * batch: the same values as {@code new EpochData(floats, ...)} of the scaled pixels in a quarter
     * of the memory.
     *
     * @param pixels    the images, row after row, {@code width} pixels each (shared, not copied)
     * @param width     pixels per image
     * @param batchSize samples per batch; the trainer's batch size must be the same
     * @param rng       the run's random generator
     * @return batches over the images
     */
    public static EpochData ofPixels(byte[] pixels, int width, int batchSize, Rng rng) {
        return new EpochData(ShuffledBatches.ofPixels(pixels, width, batchSize, rng::nextInt));
    }

    private EpochData(ShuffledBatches batches) {
        this.batches = batches;
    }

    @Override
    public int sampleSize() {
        return batches.width();
    }

    /** Copies the next batch; after the last full batch of an epoch, the first of a freshly shuffled one. */
    @Override
    public void next(float[] dst, int batch, Rng rng) {
        if (batch != batches.batchSize()) {
            throw new IllegalArgumentException("this data gives batches of " + batches.batchSize() + " samples, asked for "
                    + batch + " (use the same batch size for the data and the training config)");
        }
        batches.nextWrapping(dst);
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
