package io.jgan.runtime.kernel;

import io.jgan.runtime.generated.Parallel;

/**
 * The loops of a value-by-value layer (an activation) over a large buffer, split into stretches that
 * the network's threads share. Such loops are bound by memory, not arithmetic: one thread alone
 * waits on its own misses, two fetch about twice as much. Each value is computed the same way
 * whichever thread takes its stretch, so results do not depend on the thread count. Generated code
 * creates one per layer, with its two loops, so a pass allocates nothing.
 */
public final class ValueRanges {
    /** A loop over the values {@code from <= k < to}. */
    @FunctionalInterface
    public interface Loop {
        /**
         * Runs the loop over one stretch.
         *
         * @param from the first value
         * @param to one past the last value
         */
        void run(int from, int to);
    }

    /** Values per stretch: a multiple of 16 floats (a cache line), so no line is written by two threads. */
    static final int STRETCH = 1 << 15;

    private final Loop forward;
    private final Loop backward;
    private final Work work = new Work();
    private final Parallel.Task task = this::part;
    private Loop loop;
    private int n;

    /**
     * The loops of one layer.
     *
     * @param forward the forward pass over a stretch
     * @param backward the backward pass over a stretch
     */
    public ValueRanges(Loop forward, Loop backward) {
        this.forward = forward;
        this.backward = backward;
    }

    /**
     * Runs the forward loop over {@code n} values.
     *
     * @param parallel the threads to share the stretches with
     * @param n values
     */
    public void forward(Parallel parallel, int n) {
        run(parallel, forward, n);
    }

    /**
     * Runs the backward loop over {@code n} values.
     *
     * @param parallel the threads to share the stretches with
     * @param n values
     */
    public void backward(Parallel parallel, int n) {
        run(parallel, backward, n);
    }

    private void run(Parallel parallel, Loop loop, int n) {
        if (n <= STRETCH) {
            loop.run(0, n);
            return;
        }
        this.loop = loop;
        this.n = n;
        work.run(parallel, task, (n + STRETCH - 1) / STRETCH, true);
        this.loop = null;
    }

    private void part(int part, int parts) {
        for (int s; (s = work.claim(part)) >= 0; ) {
            loop.run(s * STRETCH, Math.min(n, (s + 1) * STRETCH));
        }
    }
}
