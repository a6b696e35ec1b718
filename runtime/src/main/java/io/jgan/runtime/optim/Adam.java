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
 * {@link Parallel} pool in contiguous ranges, one per thread; the result is bit for bit the same for
 * any number of threads. Each network has its own optimizer, so the generator and the discriminator
 * take their own learning rate and betas:
 * <pre>{@code
 * Optimizer gOpt = new Adam(g, 2e-4, 0.5, 0.999);
 * Optimizer dOpt = new Adam(d, 1e-4, 0.5, 0.999);
 * }</pre>
 */
public final class Adam extends ElementwiseOptimizer {
    /** Updates with fewer elements than this stay on the calling thread: a hand-off costs more. */
    static final int PARALLEL_MIN_ELEMENTS = ElementwiseOptimizer.PARALLEL_MIN_ELEMENTS;

    // Hyperparameters are doubles, like PyTorch's Python floats, so that derived constants such as
    // 1 - beta1 round to the same float32 as PyTorch's.
    private final double beta1;
    private final double beta2;
    private final double eps;
    // The current step's constants, read by the parts (published by Parallel.run).
    private float stepSize, bias2Sqrt, b1, b2, epsilon, oneMinusB1, oneMinusB2;

    /**
     * Adam with PyTorch's defaults but the learning rate: betas (0.9, 0.999), eps 1e-8.
     *
     * @param network whose parameters and gradients to update
     * @param lr learning rate
     */
    public Adam(Network network, double lr) {
        this(network, lr, 0.9, 0.999, 1e-8);
    }

    /**
     * Adam with other betas (DCGAN's are 0.5 and 0.999) and eps 1e-8, splitting large updates over the
     * network's pool.
     *
     * @param network whose parameters and gradients to update
     * @param lr learning rate
     * @param beta1 decay of the first-moment average (PyTorch: 0.9), in [0, 1)
     * @param beta2 decay of the second-moment average (PyTorch: 0.999), in [0, 1)
     */
    public Adam(Network network, double lr, double beta1, double beta2) {
        this(network, lr, beta1, beta2, 1e-8);
    }

    /**
     * Adam with every hyperparameter, splitting large updates over the network's pool.
     *
     * @param network whose parameters and gradients to update
     * @param lr learning rate
     * @param beta1 decay of the first-moment average (PyTorch: 0.9), in [0, 1)
     * @param beta2 decay of the second-moment average (PyTorch: 0.999), in [0, 1)
     * @param eps added to the denominator (PyTorch: 1e-8), {@code >= 0}
     */
    public Adam(Network network, double lr, double beta1, double beta2, double eps) {
        this(network, network.parameters(), network.gradients(), lr, beta1, beta2, eps);
    }

    /**
     * Adam over a parameter array and its gradient array, always on the calling thread (build it from
     * a {@link Network} to use the network's threads).
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
        super("Adam", network, params, grads, lr, 2);
        requireDecay("beta1", beta1);
        requireDecay("beta2", beta2);
        if (!(eps >= 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("Adam: eps must be a finite number >= 0, was " + eps);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    /** PyTorch's own check: a decay of 1 or more never forgets, a negative one is meaningless. */
    static void requireDecay(String name, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("Adam: " + name + " must be in [0, 1), was " + beta
                    + " (PyTorch's defaults are 0.9 and 0.999, DCGAN's 0.5 and 0.999)");
        }
    }

    @Override
    protected void prepare(long t) {
        double bias1 = 1 - Math.pow(beta1, t);
        double bias2 = 1 - Math.pow(beta2, t);
        stepSize = (float) (learningRate() / bias1);
        bias2Sqrt = (float) Math.sqrt(bias2);
        b1 = (float) beta1;
        b2 = (float) beta2;
        epsilon = (float) eps;
        oneMinusB1 = (float) (1 - beta1);
        oneMinusB2 = (float) (1 - beta2);
    }

    @Override
    protected void update(int from, int to) {
        final float[] params = this.params, grads = this.grads, m = state(0), v = state(1);
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

    /** {@return the decay of the first-moment average} */
    public double beta1() {
        return beta1;
    }

    /** {@return the decay of the second-moment average} */
    public double beta2() {
        return beta2;
    }

    @Override
    public String toString() {
        return "Adam(lr=" + learningRate() + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + eps + ")";
    }
}
