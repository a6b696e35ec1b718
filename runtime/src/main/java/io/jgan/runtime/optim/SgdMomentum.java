package io.jgan.runtime.optim;

import io.jgan.runtime.Network;

/**
 * SGD with momentum, computed as PyTorch's {@code torch.optim.SGD(momentum=mu)} (no dampening, no
 * Nesterov, no weight decay): {@code buf = mu buf + g} ({@code buf = g} at the first step);
 * {@code p -= lr buf}. Built from a {@link Network}, a large update is split over the network's
 * threads, with the same bits for any thread count.
 */
public final class SgdMomentum extends ElementwiseOptimizer {
    private final double momentum;
    // The current step's constants, read by the parts.
    private boolean first;
    private float mu, step;

    /**
     * SGD with momentum over a network's parameters.
     *
     * @param network whose parameters and gradients to update
     * @param lr learning rate
     * @param momentum momentum factor (0 for plain SGD)
     */
    public SgdMomentum(Network network, double lr, double momentum) {
        this(network, network.parameters(), network.gradients(), lr, momentum);
    }

    /**
     * SGD with momentum over a parameter array and its gradient array, on the calling thread.
     *
     * @param params parameters, updated in place
     * @param grads gradients, same layout
     * @param lr learning rate
     * @param momentum momentum factor (0 for plain SGD)
     */
    public SgdMomentum(float[] params, float[] grads, double lr, double momentum) {
        this(null, params, grads, lr, momentum);
    }

    private SgdMomentum(Network network, float[] params, float[] grads, double lr, double momentum) {
        super("SGD", network, params, grads, lr, 1);
        if (!(momentum >= 0) || !Double.isFinite(momentum)) {
            throw new IllegalArgumentException("SGD: momentum must be a finite number >= 0, was " + momentum);
        }
        this.momentum = momentum;
    }

    @Override
    protected void prepare(long t) {
        first = t == 1;
        mu = (float) momentum;
        step = (float) -learningRate();
    }

    @Override
    protected void update(int from, int to) {
        final float[] params = this.params, grads = this.grads, buf = state(0);
        final float mu = this.mu, step = this.step;
        if (first) {
            System.arraycopy(grads, from, buf, from, to - from);
        } else {
            for (int k = from; k < to; k++) {
                buf[k] = buf[k] * mu + grads[k];
            }
        }
        for (int k = from; k < to; k++) {
            params[k] += step * buf[k];
        }
    }

    @Override
    public String toString() {
        return "SGD(lr=" + learningRate() + ", momentum=" + momentum + ")";
    }
}
