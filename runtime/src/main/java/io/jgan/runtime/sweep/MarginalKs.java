package io.jgan.runtime.sweep;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.train.Sampler;
import java.util.Arrays;

/**
 * How far a generator's samples are from the data, one column at a time: the two-sample
 * Kolmogorov-Smirnov distance (the largest gap between the two empirical distribution functions)
 * of each column, averaged over the columns. 0 is a perfect match of every column, 1 no overlap.
 * Lower is better. Columns only: it does not see how the values of a sample go together.
 *
 * @param data the real samples, row after row
 * @param width values per sample
 * @param samples how many samples to draw from the generator
 */
public record MarginalKs(float[] data, int width, int samples) implements Score {
    private static final long serialVersionUID = 1L;

    /**
     * Validates the measure.
     *
     * @param data the real samples, row after row
     * @param width values per sample
     * @param samples how many samples to draw
     */
    public MarginalKs {
        if (width < 1 || data.length == 0 || data.length % width != 0) {
            throw new IllegalArgumentException(data.length + " values are not rows of " + width);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("the sample count must be positive, was " + samples);
        }
    }

    @Override
    public double score(Network generator, Rng rng) {
        if (generator.info().outputSize() != width) {
            throw new IllegalArgumentException(generator.info().displayName() + " makes " + generator.info().outputSize()
                    + " values per sample; the data has " + width);
        }
        float[] x = Sampler.generate(generator, samples, rng);
        double sum = 0;
        for (int j = 0; j < width; j++) {
            sum += distance(column(data, width, j), column(x, width, j));
        }
        return sum / width;
    }

    private static float[] column(float[] rows, int width, int j) {
        float[] c = new float[rows.length / width];
        for (int r = 0; r < c.length; r++) {
            c[r] = rows[r * width + j];
        }
        Arrays.sort(c);
        return c;
    }

    /** The two-sample KS statistic of two sorted samples. */
    static double distance(float[] a, float[] b) {
        int i = 0;
        int j = 0;
        double max = 0;
        while (i < a.length && j < b.length) {
            float v = Math.min(a[i], b[j]);
            while (i < a.length && a[i] <= v) {
                i++;
            }
            while (j < b.length && b[j] <= v) {
                j++;
            }
            max = Math.max(max, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return max;
    }

    @Override
    public String name() {
        return "marginal_ks";
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }
}
