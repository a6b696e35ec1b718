package io.jgan.samples.gaussian;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.train.Sampler;
import io.jgan.runtime.train.StepStats;
import io.jgan.runtime.train.TrainingDivergedException;
import io.jgan.runtime.train.TrainingListener;
import io.jgan.runtime.train.TrainingRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

/** Trains a 1-D Gaussian GAN and measures how close its samples are to N(4, 1.25). */
public final class GaussianGan {
    /** Values generated for the final evaluation and histogram. */
    public static final int EVALUATION_SAMPLES = 10_000;
    /** A fit is good when the mean is within this of 4 ... */
    public static final double MEAN_TOLERANCE = 0.25;
    /** ... and the standard deviation within this of 1.25. */
    public static final double STD_TOLERANCE = 0.2;

    private GaussianGan() {}

    /** Told about training as it goes: every {@code every} epochs, and at the end. */
    public interface Progress {
        /** After {@code epoch} epochs ({@code 1..epochs}). */
        void epoch(int epoch, int epochs, StepStats stats, Network generator);
    }

    /**
     * Summary statistics of a set of values, and their Kolmogorov-Smirnov distance to N(4, 1.25).
     *
     * @param mean the mean
     * @param std the population standard deviation
     * @param skew the skewness
     * @param kurtosis the excess kurtosis
     * @param ks sup |F_n(x) - F(x)| against the target normal
     */
    public record Fit(double mean, double std, double skew, double kurtosis, double ks) {
        /** Whether mean and std are within {@link #MEAN_TOLERANCE} and {@link #STD_TOLERANCE} of the target. */
        public boolean good() {
            return Math.abs(mean - GaussianData.MEAN) < MEAN_TOLERANCE && Math.abs(std - GaussianData.STD) < STD_TOLERANCE;
        }

        /** {@code mean=4.01 std=1.24 skew=0.02 kurtosis=-0.05 ks=0.012}. */
        public String summaryLine() {
            return String.format(Locale.ROOT, "mean=%.2f std=%.2f skew=%.2f kurtosis=%.2f ks=%.3f", mean, std, skew,
                    kurtosis, ks);
        }

        /** The statistics of the first {@code n} values against {@code target}. */
        public static Fit of(float[] values, int n, GaussianData target) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += values[k];
            }
            double mean = sum / n;
            double m2 = 0, m3 = 0, m4 = 0;
            for (int k = 0; k < n; k++) {
                double d = values[k] - mean;
                double d2 = d * d;
                m2 += d2;
                m3 += d2 * d;
                m4 += d2 * d2;
            }
            m2 /= n;
            m3 /= n;
            m4 /= n;
            double std = Math.sqrt(m2);
            double skew = m2 > 0 ? m3 / (m2 * std) : 0;
            double kurtosis = m2 > 0 ? m4 / (m2 * m2) - 3 : 0;
            float[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            double ks = 0;
            for (int k = 0; k < n; k++) {
                double f = target.cdf(sorted[k]);
                ks = Math.max(ks, Math.max(f - (double) k / n, (k + 1.0) / n - f));
            }
            if (!Double.isFinite(mean) || !Double.isFinite(std)) {
                ks = 1;
            }
            return new Fit(mean, std, skew, kurtosis, ks);
        }
    }

    /**
     * The outcome of a run.
     *
     * @param seed the run's seed
     * @param fit the statistics of {@value #EVALUATION_SAMPLES} generated values
     * @param samples those values
     * @param epochMillis mean milliseconds per training epoch
     * @param diverged why training stopped early, or null
     * @param generatorParameters the evaluated generator's parameters (averaged, if the spec averages)
     */
    public record Result(long seed, Fit fit, float[] samples, double epochMillis, String diverged,
            float[] generatorParameters) {}

    /**
     * Trains {@code spec} for {@code epochs} epochs from {@code seed}, telling {@code progress} (may be
     * null) every {@code every} epochs; a run that diverges stops there and is evaluated as it is.
     */
    public static Result train(GaussianSpec spec, long seed, int epochs, int every, Progress progress) {
        GaussianData data = new GaussianData();
        TrainingRun.Builder builder = TrainingRun.builder(spec::newGenerator, spec::newDiscriminator)
                .data(data)
                .config(spec.config())
                .generatorOptimizer(spec::generatorOptimizer)
                .discriminatorOptimizer(spec::discriminatorOptimizer)
                .seed(seed)
                .steps(epochs); // this sample's epoch is one iteration of the spec's D and G steps
        if (spec.averageDecay() > 0) {
            builder.averageGenerator(spec.averageDecay());
        }
        if (progress != null) {
            builder.listener(new TrainingListener() {
                @Override
                public void onStep(TrainingRun run, StepStats stats) {
                    int epoch = (int) run.step();
                    if (epoch % every == 0 || epoch == epochs) {
                        progress.epoch(epoch, epochs, stats, run.generator());
                    }
                }
            });
        }
        TrainingRun run = builder.build();
        String diverged = null;
        long start = System.nanoTime();
        try {
            run.run();
        } catch (TrainingDivergedException e) {
            diverged = e.getMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a run without a directory writes no file
        }
        long done = run.step();
        double epochMillis = done == 0 ? 0 : (System.nanoTime() - start) / 1e6 / done;
        // Training is over: evaluate the averaged generator, if there is an average of at least one step.
        Network generator = run.average() != null && run.average().updates() > 0 ? run.samplingGenerator()
                : run.generator();
        // Evaluation draws from its own generator: the figures do not depend on how often we printed.
        float[] samples = Sampler.generate(generator, EVALUATION_SAMPLES, new Rng(seed * 31 + 7));
        return new Result(seed, Fit.of(samples, samples.length, data), samples, epochMillis, diverged,
                generator.parameters().clone());
    }
}
