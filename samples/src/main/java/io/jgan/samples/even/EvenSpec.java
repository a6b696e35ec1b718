package io.jgan.samples.even;

import io.jgan.runtime.Network;
import io.jgan.runtime.train.TrainingConfig;
import java.util.function.IntFunction;

/** The even-numbers specs the sample can train, with their training settings. */
public enum EvenSpec {
    /** The seed article's GAN, exactly: batch 16, Adam 1e-3, 500 steps, G step first. */
    SEED("seed", "the seed article's GAN (7 Bernoulli bits -> Dense 7 + Sigmoid; D: logistic regression)",
            EvenNumbers_Generator::new, EvenNumbers_Discriminator::new, 16, 1e-3, 500),
    /** A wider GAN that covers (nearly) all 64 even numbers; see {@link EvenNumbersDiverse}. */
    DIVERSE("diverse", "16 Bernoulli bits -> Dense 7 + Sigmoid; D: Dense 64, LeakyReLU, Dropout 0.3, Dense 1",
            EvenNumbersDiverse_Generator::new, EvenNumbersDiverse_Discriminator::new, 64, 1e-3, 2000);

    private final String option;
    private final String description;
    private final IntFunction<Network> generator;
    private final IntFunction<Network> discriminator;
    private final int batchSize;
    private final double learningRate;
    private final int defaultSteps;

    EvenSpec(String option, String description, IntFunction<Network> generator, IntFunction<Network> discriminator,
            int batchSize, double learningRate, int defaultSteps) {
        this.option = option;
        this.description = description;
        this.generator = generator;
        this.discriminator = discriminator;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.defaultSteps = defaultSteps;
    }

    /** The name used on the command line. */
    public String option() {
        return option;
    }

    /** One line for --help. */
    public String description() {
        return description;
    }

    /** A new generator for batches of up to {@code maxBatch}. */
    public Network newGenerator(int maxBatch) {
        return generator.apply(maxBatch);
    }

    /** A new discriminator for batches of up to {@code maxBatch}. */
    public Network newDiscriminator(int maxBatch) {
        return discriminator.apply(maxBatch);
    }

    /** Samples per training step. */
    public int batchSize() {
        return batchSize;
    }

    /** Adam's learning rate, for both networks. */
    public double learningRate() {
        return learningRate;
    }

    /** Training steps unless the user says otherwise. */
    public int defaultSteps() {
        return defaultSteps;
    }

    /** The loop's settings: the seed's order (G step first, D on the same fakes, mean D loss). */
    public TrainingConfig config() {
        return EvenGan.seedConfig(batchSize);
    }

    /** The spec named {@code option}, or an exception listing the names. */
    public static EvenSpec byOption(String option) {
        for (EvenSpec s : values()) {
            if (s.option.equals(option)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown spec '" + option + "'; choose seed or diverse");
    }
}
