package io.jgan.runtime.optim;

import io.jgan.runtime.Network;

/**
 * SGD with momentum, computed as PyTorch's {@code torch.optim.SGD(momentum=mu)} (no dampening, no
 * Nesterov, no weight decay): {@code buf = mu buf + g} ({@code buf = g} at the first step);
 * {@code p -= lr buf}.
 */
public final class SgdMomentum implements Optimizer {
    private final float[] params;
    private final float[] grads;
    private final float[] buf;
    private double lr;
    private final double momentum;
    private long t;

    /**
     * SGD with momentum over a network's parameters.
     *
     * @param network whose parameters and gradients to update
     * @param lr learning rate
     * @param momentum momentum factor (0 for plain SGD)
     */
    public SgdMomentum(Network network, double lr, double momentum) {
        this(network.parameters(), network.gradients(), lr, momentum);
    }

    /**
     * SGD with momentum over a parameter array and its gradient array.
     *
     * @param params parameters, updated in place
     * @param grads gradients, same layout
     * @param lr learning rate
     * @param momentum momentum factor (0 for plain SGD)
     */
    public SgdMomentum(float[] params, float[] grads, double lr, double momentum) {
        if (params.length != grads.length) {
            throw new IllegalArgumentException("parameters (" + params.length + ") and gradients (" + grads.length
                    + ") must have the same length");
        }
        this.params = params;
        this.grads = grads;
        this.buf = new float[params.length];
        this.lr = lr;
        this.momentum = momentum;
    }

    @Override
    public void step() {
        if (t == 0) {
            System.arraycopy(grads, 0, buf, 0, grads.length);
        } else {
            float mu = (float) momentum;
            for (int k = 0; k < buf.length; k++) {
                buf[k] = buf[k] * mu + grads[k];
            }
        }
        float step = (float) -lr;
        for (int k = 0; k < params.length; k++) {
            params[k] += step * buf[k];
        }
        t++;
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
        return new float[][] {buf};
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
        return "SGD(lr=" + lr + ", momentum=" + momentum + ")";
    }
}
