package io.jgan.runtime.optim;

import io.jgan.runtime.Network;

/**
 * RMSprop, computed as PyTorch's {@code torch.optim.RMSprop} (not centered, no momentum, no weight
 * decay):
 * <pre>
 * s = alpha s + (1 - alpha) g^2
 * p -= lr g / (sqrt(s) + eps)
 * </pre>
 * The optimizer of the WGAN paper (learning rate 5e-5 for both networks). Built from a
 * {@link Network}, a large update is split over the network's threads, with the same bits for any
 * thread count.
 */
public final class RmsProp extends ElementwiseOptimizer {
    private final double alpha;
    private final double eps;
    // The current step's constants, read by the parts.
    private float a, oneMinusA, epsilon, negativeLr;

    /**
     * RMSprop with PyTorch's defaults but the learning rate: alpha 0.99, eps 1e-8.
     *
     * @param network whose parameters and gradients to update
     * @param lr learning rate
     */
    public RmsProp(Network network, double lr) {
        this(network, lr, 0.99, 1e-8);
    }

    /**
     * RMSprop with every hyperparameter.
     *
     * @param network whose parameters and gradients to update
     * @param lr learning rate
     * @param alpha decay of the squared-gradient average (PyTorch: 0.99), in [0, 1)
     * @param eps added to the denominator (PyTorch: 1e-8), {@code >= 0}
     */
    public RmsProp(Network network, double lr, double alpha, double eps) {
        super("RMSprop", network, network.parameters(), network.gradients(), lr, 1);
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("RMSprop: alpha must be in [0, 1), was " + alpha
                    + " (PyTorch's default is 0.99)");
        }
        if (!(eps >= 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("RMSprop: eps must be a finite number >= 0, was " + eps);
        }
        this.alpha = alpha;
        this.eps = eps;
    }

    @Override
    protected void prepare(long t) {
        a = (float) alpha;
        oneMinusA = (float) (1 - alpha);
        epsilon = (float) eps;
        negativeLr = (float) -learningRate();
    }

    @Override
    protected void update(int from, int to) {
        final float[] params = this.params, grads = this.grads, s = state(0);
        final float a = this.a, oneMinusA = this.oneMinusA, epsilon = this.epsilon, negativeLr = this.negativeLr;
        for (int k = from; k < to; k++) {
            float g = grads[k];
            float sk = s[k] * a + oneMinusA * g * g;
            s[k] = sk;
            params[k] += negativeLr * (g / ((float) Math.sqrt(sk) + epsilon));
        }
    }

    @Override
    public String toString() {
        return "RMSprop(lr=" + learningRate() + ", alpha=" + alpha + ", eps=" + eps + ")";
    }
}
