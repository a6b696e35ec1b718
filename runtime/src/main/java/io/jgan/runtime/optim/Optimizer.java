package io.jgan.runtime.optim;

/**
 * Updates one network's parameters from its accumulated gradients, in place.
 *
 * <p>Its state (step count and per-parameter buffers) is exposed so a checkpoint can save it and a
 * resumed run continue bit for bit.
 */
public interface Optimizer {
    /** Applies one update from the current gradients. */
    void step();

    /** {@return how many updates were applied} */
    long stepCount();

    /**
     * Sets the step count, when restoring a checkpoint.
     *
     * @param steps updates already applied (Adam's bias correction depends on it)
     */
    void setStepCount(long steps);

    /** {@return the optimizer's per-parameter buffers (live arrays), in a fixed order} */
    float[][] stateBuffers();

    /** {@return the learning rate} */
    double learningRate();

    /**
     * Changes the learning rate (e.g. after a divergence rollback).
     *
     * @param lr the new learning rate
     */
    void setLearningRate(double lr);
}
