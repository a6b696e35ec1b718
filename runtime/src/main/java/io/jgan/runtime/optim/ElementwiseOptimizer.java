package io.jgan.runtime.optim;

import io.jgan.runtime.Network;
import io.jgan.runtime.generated.Parallel;

/**
 * What Adam, SGD with momentum and RMSprop share: each parameter is updated from its own gradient and
 * its own state values, so a step is one loop over the flat arrays. This class owns the arrays, the
 * state buffers, the step count and the learning rate, and splits a large update over the network's
 * {@link Parallel} pool in contiguous ranges, one per thread. Since every element is updated on its
 * own, the result is bit for bit the same for any number of threads.
 *
 * <p>A subclass computes the step's constants in {@link #prepare(long)} (once per step, on the
 * calling thread) and applies them to a range in {@link #update(int, int)}.
 */
public abstract class ElementwiseOptimizer implements Optimizer {
    /** Updates with fewer elements than this stay on the calling thread: a hand-off costs more. */
    static final int PARALLEL_MIN_ELEMENTS = 1 << 16;

    /** Parameters, updated in place. */
    protected final float[] params;
    /** Gradients, same layout as {@link #params}. */
    protected final float[] grads;
    private final float[][] state;
    /** The network whose pool large updates are split over, or null: always on the calling thread. */
    private final Network network;
    /** The update of one range, allocated once so that a step allocates nothing. */
    private final Parallel.Task rangeTask = this::updatePart;
    private double lr;
    private long t;

    /**
     * An optimizer over {@code params} with {@code stateBuffers} zeroed buffers of the same length.
     *
     * @param name the optimizer's name, for error messages
     * @param network whose pool to split large updates over, or null to stay on the calling thread
     * @param params parameters, updated in place
     * @param grads gradients, same layout
     * @param lr learning rate, finite and {@code >= 0}
     * @param stateBuffers how many per-parameter buffers the optimizer keeps
     * @throws IllegalArgumentException if the lengths differ or the learning rate is invalid
     */
    protected ElementwiseOptimizer(String name, Network network, float[] params, float[] grads, double lr,
            int stateBuffers) {
        if (params.length != grads.length) {
            throw new IllegalArgumentException("parameters (" + params.length + ") and gradients (" + grads.length
                    + ") must have the same length");
        }
        requireLearningRate(name, lr);
        this.network = network;
        this.params = params;
        this.grads = grads;
        this.state = new float[stateBuffers][params.length];
        this.lr = lr;
    }

    private static void requireLearningRate(String name, double lr) {
        if (!(lr >= 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException(name + ": the learning rate must be a finite number >= 0, was " + lr);
        }
    }

    @Override
    public final void step() {
        t++;
        prepare(t);
        if (network == null || params.length < PARALLEL_MIN_ELEMENTS || network.threads() == 1) {
            update(0, params.length);
        } else {
            // run, not share: the split is static, one contiguous range per part.
            network.parallel().run(rangeTask);
        }
    }

    /**
     * Computes the constants of step {@code t} that {@link #update(int, int)} reads (it runs on the
     * pool's threads, which see them: {@link Parallel#run} publishes them).
     *
     * @param t the step about to be applied, 1 for the first
     */
    protected abstract void prepare(long t);

    /**
     * Applies the prepared step to elements {@code [from, to)} of the parameters and state.
     *
     * @param from first element
     * @param to one past the last element
     */
    protected abstract void update(int from, int to);

    /** Part {@code part} of {@code parts}: a contiguous range, boundaries on multiples of 16 floats (a cache line). */
    private void updatePart(int part, int parts) {
        int n = params.length;
        int chunk = ((n + parts - 1) / parts + 15) / 16 * 16;
        update(Math.min(n, part * chunk), Math.min(n, (part + 1) * chunk));
    }

    /**
     * {@return state buffer {@code index} (live)}
     *
     * @param index which buffer, in the order of {@link #stateBuffers()}
     */
    protected final float[] state(int index) {
        return state[index];
    }

    @Override
    public final long stepCount() {
        return t;
    }

    @Override
    public final void setStepCount(long steps) {
        this.t = steps;
    }

    @Override
    public final float[][] stateBuffers() {
        return state.clone();
    }

    @Override
    public final double learningRate() {
        return lr;
    }

    @Override
    public final void setLearningRate(double lr) {
        requireLearningRate(getClass().getSimpleName(), lr);
        this.lr = lr;
    }
}
