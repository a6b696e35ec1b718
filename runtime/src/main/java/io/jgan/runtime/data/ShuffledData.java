package io.jgan.runtime.data;

/**
 * Real data in epochs of shuffled batches, whose position a checkpoint saves: {@link EpochData}, and
 * {@link LabelledEpochData} with labels.
 */
public interface ShuffledData extends RealData {
    /** {@return full batches per epoch: {@code samples / batchSize}} */
    int batchesPerEpoch();

    /** {@return samples in the data set} */
    int samples();

    /** {@return the shuffle position, for a checkpoint} */
    ShuffledBatches.State state();

    /**
     * Restores a position saved by {@link #state()} (the run's Rng must be restored too).
     *
     * @param state the saved position
     */
    void restore(ShuffledBatches.State state);
}
