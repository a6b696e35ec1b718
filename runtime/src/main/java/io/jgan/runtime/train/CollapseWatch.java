package io.jgan.runtime.train;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import java.util.Locale;

/**
 * The collapse monitor as a listener: after each epoch, the mean pairwise distance of samples
 * from one fixed noise batch (drawn from a seed of its own, so watching does not change the run)
 * over the same figure of real samples; a warning goes to the run's listeners when it falls below
 * {@code fraction} of real data's (see {@link CollapseMonitor}). A conditional generator is asked for
 * the classes in turn.
 */
public final class CollapseWatch implements TrainingListener {
    private final float[] real;
    private final int samples;
    private final long noiseSeed;
    private final CollapseMonitor monitor;
    private double realFigure = Double.NaN;

    /**
     * Watches against real samples.
     *
     * @param real at least 2 real samples, one after another (their count sets the generated batch's)
     * @param sampleSize values per sample
     * @param fraction warn below this fraction of real data's figure, in (0, 1], e.g. 0.5
     * @param noiseSeed the seed of the fixed noise batch
     */
    public CollapseWatch(float[] real, int sampleSize, double fraction, long noiseSeed) {
        if (sampleSize < 1 || real.length % sampleSize != 0 || real.length / sampleSize < 2) {
            throw new IllegalArgumentException("need at least 2 real samples of " + sampleSize + " values, got "
                    + real.length + " values");
        }
        this.real = real.clone();
        this.samples = real.length / sampleSize;
        this.noiseSeed = noiseSeed;
        this.monitor = new CollapseMonitor("mean pairwise distance of generated / real samples", fraction);
    }

    @Override
    public void onEpoch(TrainingRun run, EpochSummary summary) {
        int size = run.generator().info().outputSize();
        if (Double.isNaN(realFigure)) {
            realFigure = CollapseMonitor.meanPairwiseDistance(real, samples, size);
            monitor.withRealFigure(1.0);
        }
        Network g = run.samplingGenerator();
        float[] generated = g.info().conditional() ? Sampler.generate(g, everyClass(g.info().classes()), new Rng(noiseSeed))
                : Sampler.generate(g, samples, new Rng(noiseSeed));
        double ratio = CollapseMonitor.meanPairwiseDistance(generated, samples, size) / realFigure;
        String warning = monitor.update(ratio);
        if (warning != null) {
            run.note(String.format(Locale.ROOT, "epoch %d: %s", summary.epoch(), warning));
        }
    }

    /** A conditional generator's labels: the classes in turn, as many as the real samples. */
    private int[] everyClass(int classes) {
        int[] labels = new int[samples];
        for (int k = 0; k < samples; k++) {
            labels[k] = k % classes;
        }
        return labels;
    }

    /** {@return the last figure (generated over real), NaN before the first epoch} */
    public double last() {
        return monitor.last();
    }

    /** {@return how many epochs warned} */
    public int warnings() {
        return monitor.warnings();
    }
}
