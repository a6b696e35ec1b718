package io.jgan.runtime.sweep;

import java.io.Serializable;
import java.util.Locale;

/**
 * The settings of one training run in a sweep: what a user tries besides the seed.
 *
 * @param batchSize samples per step, real and fake alike
 * @param generatorLearningRate Adam's learning rate for the generator
 * @param discriminatorLearningRate Adam's learning rate for the discriminator
 * @param beta1 Adam's first-moment decay, for both networks (PyTorch: 0.9; many GANs: 0.5)
 * @param beta2 Adam's second-moment decay, for both networks (PyTorch: 0.999)
 * @param loss the loss's name, e.g. {@code bce} (see {@link TrialTrainer#LOSSES})
 * @param discriminatorSteps discriminator updates per iteration
 * @param generatorSteps generator updates per iteration
 * @param steps training iterations
 * @param averageDecay decay of the average of the generator's parameters (e.g. 0.998, about the
 *     last 500 iterations) that is scored and saved; 0: no average, the last parameters are used
 */
public record TrialSettings(int batchSize, double generatorLearningRate, double discriminatorLearningRate,
        double beta1, double beta2, String loss, int discriminatorSteps, int generatorSteps, long steps,
        double averageDecay) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Validates the settings.
     *
     * @param batchSize samples per step
     * @param generatorLearningRate the generator's learning rate
     * @param discriminatorLearningRate the discriminator's learning rate
     * @param beta1 Adam's first-moment decay
     * @param beta2 Adam's second-moment decay
     * @param loss the loss's name
     * @param discriminatorSteps discriminator updates per iteration
     * @param generatorSteps generator updates per iteration
     * @param steps training iterations
     * @param averageDecay decay of the generator's average, or 0 for none
     */
    public TrialSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        for (double lr : new double[] {generatorLearningRate, discriminatorLearningRate}) {
            if (!(lr > 0) || Double.isInfinite(lr)) {
                throw new IllegalArgumentException("learning rates must be positive and finite, got " + lr);
            }
        }
        for (double beta : new double[] {beta1, beta2}) {
            if (!(beta >= 0 && beta < 1)) {
                throw new IllegalArgumentException("Adam's betas must be in [0, 1), got " + beta);
            }
        }
        if (discriminatorSteps < 0 || generatorSteps < 0 || discriminatorSteps + generatorSteps == 0) {
            throw new IllegalArgumentException("steps per iteration must be >= 0 and not both 0, were D "
                    + discriminatorSteps + ", G " + generatorSteps);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("training steps must be >= 0, was " + steps);
        }
        if (!(averageDecay >= 0 && averageDecay < 1)) {
            throw new IllegalArgumentException("the average's decay must be in [0, 1) (0: no average), was "
                    + averageDecay);
        }
        TrialTrainer.checkLoss(loss);
    }

    /**
     * {@return batch 64, Adam 2e-4 with PyTorch's betas (0.9, 0.999) for both networks, BCE, one D
     * and one G step per iteration, 2000 iterations, no average}
     */
    public static TrialSettings defaults() {
        return new TrialSettings(64, 2e-4, 2e-4, 0.9, 0.999, "bce", 1, 1, 2000, 0);
    }

    /**
     * {@return these settings with other learning rates}
     *
     * @param generator the generator's learning rate
     * @param discriminator the discriminator's learning rate
     */
    public TrialSettings withLearningRates(double generator, double discriminator) {
        return new TrialSettings(batchSize, generator, discriminator, beta1, beta2, loss, discriminatorSteps,
                generatorSteps, steps, averageDecay);
    }

    /**
     * {@return these settings with other betas for Adam}
     *
     * @param b1 first-moment decay
     * @param b2 second-moment decay
     */
    public TrialSettings withBetas(double b1, double b2) {
        return new TrialSettings(batchSize, generatorLearningRate, discriminatorLearningRate, b1, b2, loss,
                discriminatorSteps, generatorSteps, steps, averageDecay);
    }

    /**
     * {@return these settings with another loss}
     *
     * @param name the loss's name
     */
    public TrialSettings withLoss(String name) {
        return new TrialSettings(batchSize, generatorLearningRate, discriminatorLearningRate, beta1, beta2, name,
                discriminatorSteps, generatorSteps, steps, averageDecay);
    }

    /**
     * {@return these settings with other step counts per iteration}
     *
     * @param discriminator discriminator updates per iteration
     * @param generator generator updates per iteration
     */
    public TrialSettings withStepsPerIteration(int discriminator, int generator) {
        return new TrialSettings(batchSize, generatorLearningRate, discriminatorLearningRate, beta1, beta2, loss,
                discriminator, generator, steps, averageDecay);
    }

    /**
     * {@return these settings with another batch size}
     *
     * @param n samples per step
     */
    public TrialSettings withBatchSize(int n) {
        return new TrialSettings(n, generatorLearningRate, discriminatorLearningRate, beta1, beta2, loss,
                discriminatorSteps, generatorSteps, steps, averageDecay);
    }

    /**
     * {@return these settings with another number of training iterations}
     *
     * @param n training iterations
     */
    public TrialSettings withSteps(long n) {
        return new TrialSettings(batchSize, generatorLearningRate, discriminatorLearningRate, beta1, beta2, loss,
                discriminatorSteps, generatorSteps, n, averageDecay);
    }

    /**
     * {@return these settings with another average of the generator's parameters}
     *
     * @param decay the average's decay, or 0 for none
     */
    public TrialSettings withAverageDecay(double decay) {
        return new TrialSettings(batchSize, generatorLearningRate, discriminatorLearningRate, beta1, beta2, loss,
                discriminatorSteps, generatorSteps, steps, decay);
    }

    /** {@return the settings in one short line, e.g. {@code lr_g=2e-04 lr_d=2e-04 betas=0.9,0.999 bce d1g1 b64 2000 steps}} */
    public String describe() {
        return String.format(Locale.ROOT, "lr_g=%s lr_d=%s betas=%s,%s %s d%dg%d b%d %d steps%s",
                rate(generatorLearningRate), rate(discriminatorLearningRate), number(beta1), number(beta2), loss,
                discriminatorSteps, generatorSteps, batchSize, steps,
                averageDecay > 0 ? " avg=" + number(averageDecay) : "");
    }

    /** A learning rate as {@code 2e-04} when that is exact, else every digit ({@code 1.5E-4}). */
    static String rate(double v) {
        String brief = String.format(Locale.ROOT, "%.0e", v);
        return Double.parseDouble(brief) == v ? brief : number(v);
    }

    /** The shortest decimal that reads back as the same double, without a trailing ".0". */
    static String number(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
