package io.jgan.runtime.optim;

import io.jgan.runtime.Network;
import io.jgan.runtime.generated.Parallel;

/**
 * Adam, computed as PyTorch's {@code torch.optim.Adam} (no weight decay, no amsgrad):
 * <pre>
 * m = b1 m + (1 - b1) g
 * v = b2 v + (1 - b2) g^2
 * p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 * with the bias corrections in double precision, as Python computes them.
 *
 * <p>Built from a {@link Network}, a large update is split over the network's current
 * {@link Parallel} pool in contiguous ranges, one per thread. Every element is updated on its own,
 * so the result is bit for bit the same for any number of threads.
 */
public final class Adam implements Optimizer {
    private final float[] params;
    private final float[] grads;
    private final float[] m;
    private final float[] v;
    // Hyperparameters are doubles, like PyTorch's Python floats, so that derived constants such as
    // 1 - beta1 round to the same float32 as PyTorch's.
    private double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private long t;
    /** The network whose pool large updates are split over, or null: always on the calling thread. */
    private final Network network;
    /** The update of one range, allocated once so that a step allocates nothing. */
    private final Parallel.Task rangeTask = this::updatePart;
    // The current step's constants, read by the parts (published by Parallel.run).
    private float stepSize, bias2Sqrt, b1, b2, epsilon, oneMinusB1, oneMinusB2;

    /** Updates with fewer elements than this stay on the calling thread: a hand-off costs more. */
    static final int PARALLEL_MIN_ELEMENTS = 1 << 16;

    /**
     * Adam with PyTorch's defaults but the learning rate: betas (0.9, 0.999), eps 1e-8.
     *
     * @param network whose parameters and gradients to update
     * @param lr learning rate
     */
    public Adam(Network network, double lr) {
        this(network, network.parameters(), network.gradients(), lr, 0.9, 0.999, 1e-8);
    }

    /**
     * Adam over a parameter array and its gradient array.
     *
     * @param params parameters, updated in place
     * @param grads gradients, same layout
     * @param lr learning rate
     * @param beta1 decay of the first-moment average (PyTorch: 0.9)
     * @param beta2 decay of the second-moment average (PyTorch: 0.999)
     * @param eps added to the denominator (PyTorch: 1e-8)
     */
    public Adam(float[] params, float[] grads, double lr, double beta1, double beta2, double eps) {
        this(null, params, grads, lr, beta1, beta2, eps);
    }

    private Adam(Network network, float[] params, float[] grads, double lr, double beta1, double beta2,
            double eps) {
        if (params.length != grads.length) {
            throw new IllegalArgumentException("parameters (" + params.length + ") and gradients (" + grads.length
                    + ") must have the same length");
        }
        this.network = network;
        this.params = params;
        this.grads = grads;
        this.m = new float[params.length];
        this.v = new float[params.length];
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    public void step() {
        t++;
        double bias1 = 1 - Math.pow(beta1, t);
        double bias2 = 1 - Math.pow(beta2, t);
        stepSize = (float) (lr / bias1);
        bias2Sqrt = (float) Math.sqrt(bias2);
        b1 = (float) beta1;
        b2 = (float) beta2;
        epsilon = (float) eps;
        oneMinusB1 = (float) (1 - beta1);
        oneMinusB2 = (float) (1 - beta2);
        if (network == null || params.length < PARALLEL_MIN_ELEMENTS || network.threads() == 1) {
            update(0, params.length);
        } else {
            // run, not share: the split is static, one contiguous range per part.
            network.parallel().run(rangeTask);
        }
    }

    /** Part {@code part} of {@code parts}: a contiguous range, boundaries on multiples of 16 floats (a cache line). */
    private void updatePart(int part, int parts) {
        int n = params.length;
        int chunk = ((n + parts - 1) / parts + 15) / 16 * 16;
        update(Math.min(n, part * chunk), Math.min(n, (part + 1) * chunk));
    }

    /** Adam on elements [from, to). */
    private void update(int from, int to) {
        final float[] params = this.params, grads = this.grads, m = this.m, v = this.v;
        final float stepSize = this.stepSize, bias2Sqrt = this.bias2Sqrt, b1 = this.b1, b2 = this.b2;
        final float epsilon = this.epsilon, oneMinusB1 = this.oneMinusB1, oneMinusB2 = this.oneMinusB2;
        for (int k = from; k < to; k++) {
            float g = grads[k];
            float mk = m[k] * b1 + oneMinusB1 * g;
            float vk = v[k] * b2 + oneMinusB2 * g * g;
            m[k] = mk;
            v[k] = vk;
            float denom = (float) Math.sqrt(vk) / bias2Sqrt + epsilon;
            params[k] += -stepSize * (mk / denom);
        }
    }

    @Override
    public long stepCount() {
        return t;
    }

    @Override
    public void setStepCount(long steps) {
        this.t = steps;
    }

    @Override
    public float[][] stateBuffers() {
        return new float[][] {m, v};
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = lr;
    }

    @Override
    public String toString() {
        return "Adam(lr=" + lr + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + eps + ")";
    }
}
