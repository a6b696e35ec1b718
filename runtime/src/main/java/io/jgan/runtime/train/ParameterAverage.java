package io.jgan.runtime.train;

import io.jgan.runtime.Network;

/**
 * An exponential moving average of a network's parameters (Polyak averaging, the "EMA generator"
 * of many GANs): {@code avg = decay * avg + (1 - decay) * params} at every {@link #update()}, read
 * with Adam's bias correction so that an average of few updates is not pulled towards zero.
 *
 * <p>GAN training with momentum tends to circle around an equilibrium instead of settling on it;
 * the parameters at the last step are then an arbitrary point of the orbit, while their average
 * over the last few hundred updates sits near its centre.
 */
public final class ParameterAverage {
    private final Network network;
    private final double decay;
    private final double[] sum;
    private long updates;

    /**
     * Averages {@code network}'s parameters.
     *
     * @param network the network whose parameters are averaged
     * @param decay in [0, 1), e.g. 0.998 (about the last 500 updates)
     */
    public ParameterAverage(Network network, double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must be in [0, 1), was " + decay);
        }
        this.network = network;
        this.decay = decay;
        this.sum = new double[network.parameters().length];
    }

    /** Folds the network's current parameters into the average. */
    public void update() {
        float[] p = network.parameters();
        for (int k = 0; k < sum.length; k++) {
            sum[k] = decay * sum[k] + (1 - decay) * p[k];
        }
        updates++;
    }

    /** {@return how many updates the average holds} */
    public long updates() {
        return updates;
    }

    /** {@return the decay given at construction} */
    public double decay() {
        return decay;
    }

    /** {@return a copy of the running sums, uncorrected (with {@link #updates()}, the whole state, for a checkpoint)} */
    public double[] sums() {
        return sum.clone();
    }

    /**
     * Restores a state saved with {@link #sums()} and {@link #updates()}.
     *
     * @param sums the running sums
     * @param updates how many updates they hold
     */
    public void restore(double[] sums, long updates) {
        if (sums.length != sum.length || updates < 0) {
            throw new IllegalArgumentException("an average of " + sum.length + " parameters cannot take " + sums.length
                    + " sums and " + updates + " updates");
        }
        System.arraycopy(sums, 0, sum, 0, sum.length);
        this.updates = updates;
    }

    /** {@return a copy of the averaged parameters (the network's own when there has been no update yet)} */
    public float[] values() {
        float[] p = network.parameters();
        float[] average = new float[sum.length];
        if (updates == 0) {
            System.arraycopy(p, 0, average, 0, p.length);
            return average;
        }
        double correction = 1 - Math.pow(decay, updates);
        for (int k = 0; k < sum.length; k++) {
            average[k] = (float) (sum[k] / correction);
        }
        return average;
    }

    /**
     * Writes the averaged parameters into {@code target}.
     *
     * @param target a network of the same shape (or the averaged one)
     */
    public void copyTo(Network target) {
        if (target.parameters().length != sum.length) {
            throw new IllegalArgumentException(target.info().displayName() + " has " + target.parameters().length
                    + " parameters; the average has " + sum.length);
        }
        System.arraycopy(values(), 0, target.parameters(), 0, sum.length);
    }
}
