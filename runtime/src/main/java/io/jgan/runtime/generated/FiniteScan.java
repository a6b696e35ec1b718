package io.jgan.runtime.generated;

/**
 * The fast path of the divergence guard: a network's gradients and parameters scanned in one
 * hand-off to its pool, each part a contiguous range of both arrays (the scan is bound by
 * arithmetic, about one value a cycle, so two threads take half the time). The verdicts grow
 * once, to the pool's size, then a scan allocates nothing.
 */
public final class FiniteScan implements Parallel.Task {
    /** Arrays shorter than this are scanned on the calling thread: a hand-off costs more. */
    private static final int PARALLEL_MIN_ELEMENTS = 1 << 16;
    private boolean[] finite = new boolean[0];
    private float[] gradients;
    private float[] parameters;

    /** A scan with no verdicts yet: they grow on first use. */
    public FiniteScan() {}

    /**
     * {@return whether all of {@code gradients} and {@code parameters} are finite}
     *
     * @param gradients a network's gradients
     * @param parameters its parameters, as long as the gradients
     * @param pool the network's threads
     */
    public boolean scan(float[] gradients, float[] parameters, Parallel pool) {
        this.gradients = gradients;
        this.parameters = parameters;
        int parts = gradients.length < PARALLEL_MIN_ELEMENTS ? 1 : pool.threads();
        if (finite.length < pool.threads()) {
            finite = new boolean[pool.threads()];
        }
        if (parts == 1) {
            run(0, 1);
        } else {
            pool.run(this);
        }
        boolean all = true;
        for (int part = 0; part < parts; part++) {
            all &= finite[part];
        }
        this.gradients = null;
        this.parameters = null;
        return all;
    }

    @Override
    public void run(int part, int parts) {
        int n = gradients.length;
        int chunk = ((n + parts - 1) / parts + 15) / 16 * 16;
        int from = Math.min(n, part * chunk);
        int to = Math.min(n, (part + 1) * chunk);
        finite[part] = Finite.all(gradients, from, to) & Finite.all(parameters, from, to);
    }
}
