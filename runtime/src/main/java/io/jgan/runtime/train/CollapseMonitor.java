package io.jgan.runtime.train;

import java.util.Locale;

/**
 * Watches a diversity figure of the generated samples (higher = more diverse: distinct outputs,
 * 1 - KS distance, mean pairwise distance...) and warns when it falls: mode collapse shows there
 * long before the losses say anything.
 *
 * <p>The rule: after each {@link #update}, warn when the figure is below {@code fraction} times
 * the reference, which is the same figure measured on real data if one was given
 * ({@link #withRealFigure}), else the best figure seen so far. The figure is measured by the caller
 * from its own fixed noise and random generator, so watching does not change the training run.
 */
public final class CollapseMonitor {
    private final String name;
    private final double fraction;
    private double realFigure = Double.NaN;
    private double best = Double.NaN;
    private double last = Double.NaN;
    private int warnings;

    /**
     * A monitor for one figure.
     *
     * @param name what the figure is, for the warning, e.g. {@code distinct numbers of 64}
     * @param fraction warn below this fraction of the reference, in (0, 1]
     */
    public CollapseMonitor(String name, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], was " + fraction);
        }
        this.name = name;
        this.fraction = fraction;
    }

    /**
     * Compares against the figure of real data instead of the best so far.
     *
     * @param figure the same figure measured on a real batch
     * @return this monitor
     */
    public CollapseMonitor withRealFigure(double figure) {
        this.realFigure = figure;
        return this;
    }

    /**
     * Records a new measurement.
     *
     * @param figure the diversity figure now; NaN counts as collapsed
     * @return a warning to show the user, or null if the figure is fine
     */
    public String update(double figure) {
        last = figure;
        double reference = Double.isNaN(realFigure) ? best : realFigure;
        if (!Double.isNaN(figure) && (Double.isNaN(best) || figure > best)) {
            best = figure;
        }
        boolean falling = Double.isNaN(figure) || (!Double.isNaN(reference) && figure < fraction * reference);
        if (!falling) {
            return null;
        }
        warnings++;
        return String.format(Locale.ROOT, "warning: diversity (%s) fell to %.4g, below %.0f%% of %s %.4g: the generator"
                + " may be collapsing onto a few outputs", name, figure, 100 * fraction,
                Double.isNaN(realFigure) ? "its best so far" : "real data's", reference);
    }

    /** {@return the last figure, NaN before any} */
    public double last() {
        return last;
    }

    /** {@return the best figure so far, NaN before any} */
    public double best() {
        return best;
    }

    /** {@return how many updates warned} */
    public int warnings() {
        return warnings;
    }

    /**
     * The mean Euclidean distance between all pairs of {@code n} samples of {@code size} values: the
     * diversity of a batch of images (compare it with the same figure of a real batch).
     *
     * @param samples {@code n * size} values, one sample after another
     * @param n samples, at least 2
     * @param size values per sample
     * @return the mean pairwise L2 distance
     */
    public static double meanPairwiseDistance(float[] samples, int n, int size) {
        if (n < 2 || samples.length < n * size) {
            throw new IllegalArgumentException("need at least 2 samples of " + size + " values, got " + n + " in "
                    + samples.length + " values");
        }
        double sum = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double d2 = 0;
                for (int k = 0; k < size; k++) {
                    double d = samples[a * size + k] - samples[b * size + k];
                    d2 += d * d;
                }
                sum += Math.sqrt(d2);
            }
        }
        return sum / ((double) n * (n - 1) / 2);
    }
}
