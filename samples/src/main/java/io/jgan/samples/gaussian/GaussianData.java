package io.jgan.samples.gaussian;

import io.jgan.runtime.Rng;
import io.jgan.runtime.data.RealData;

/** Real data: one number per sample, drawn from N(mean, std) (by the {@link Ziggurat}). */
public final class GaussianData implements RealData {
    /** The seed's mean. */
    public static final double MEAN = 4.0;
    /** The seed's standard deviation. */
    public static final double STD = 1.25;

    private final double mean;
    private final double std;

    /** N(4, 1.25), as in the seed. */
    public GaussianData() {
        this(MEAN, STD);
    }

    /** N(mean, std). */
    public GaussianData(double mean, double std) {
        if (!(std > 0) || !Double.isFinite(mean) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("need a finite mean and std > 0, got " + mean + ", " + std);
        }
        this.mean = mean;
        this.std = std;
    }

    @Override
    public int sampleSize() {
        return 1;
    }

    @Override
    public void next(float[] dst, int batch, Rng rng) {
        for (int b = 0; b < batch; b++) {
            dst[b] = (float) (mean + std * Ziggurat.next(rng));
        }
    }

    /** The density of N(mean, std) at {@code x}, for the histogram's curve. */
    public double density(double x) {
        double z = (x - mean) / std;
        return Math.exp(-0.5 * z * z) / (std * Math.sqrt(2 * Math.PI));
    }

    /** The cumulative distribution function of N(mean, std) at {@code x}. */
    public double cdf(double x) {
        return 0.5 * Erf.erfc(-(x - mean) / (std * Math.sqrt(2)));
    }
}
