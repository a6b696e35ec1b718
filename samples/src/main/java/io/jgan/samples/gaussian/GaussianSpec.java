package io.jgan.samples.gaussian;

import io.jgan.runtime.Network;
import io.jgan.runtime.optim.Optimizer;
import io.jgan.runtime.optim.SgdMomentum;
import io.jgan.runtime.train.TrainingConfig;
import java.util.function.IntFunction;

/** The 1-D Gaussian configurations the sample can train, with their training settings. */
public enum GaussianSpec {
    /**
     * The seed article's GAN, exactly: {@link GaussianSeed}, SGD lr 1e-3 momentum 0.9 for both
     * networks, batch 500, epochs of 20 D steps then 20 G steps, summed D loss.
     */
    SEED("seed", "the seed article's GAN: SGD 1e-3/0.9 for both, 20 D + 20 G steps of batch 500 per epoch",
            GaussianSeed_Generator::new, GaussianSeed_Discriminator::new, 1e-3, 1e-3, 0.9, 20, 20, 0),
    /**
     * The seed's configuration with two changes that make every run fit (docs/gaussian.md): the
     * discriminator's hidden layers are leaky ReLUs ({@link GaussianStable}), so a generator that
     * has wandered far off still gets a gradient back instead of collapsing there; and the trained
     * generator is the moving average of its parameters over the last ~500 epochs (decay 0.998 per
     * epoch), so a run ends at the centre of the orbit that SGD with momentum traces around the
     * equilibrium, not at an arbitrary point of it.
     */
    STABLE("stable", "the seed's GAN with leaky-ReLU hidden layers in D, evaluated with the generator's parameters"
            + " averaged over the last ~500 epochs", GaussianStable_Generator::new, GaussianStable_Discriminator::new,
            1e-3, 1e-3, 0.9, 20, 20, 0.998);

    /** What {@code jgan gaussian train} trains unless told otherwise: the configuration that fits every seed. */
    public static final GaussianSpec DEFAULT = STABLE;

    /** Samples per step, real and fake alike: the minibatch the discriminator's moments summarise. */
    public static final int BATCH = 500;
    /** Epochs unless the user says otherwise, as in the seed. */
    public static final int DEFAULT_EPOCHS = 5000;

    private final String option;
    private final String description;
    private final IntFunction<Network> generator;
    private final IntFunction<Network> discriminator;
    private final double generatorLearningRate;
    private final double discriminatorLearningRate;
    private final double momentum;
    private final int discriminatorSteps;
    private final int generatorSteps;
    private final double averageDecay;

    GaussianSpec(String option, String description, IntFunction<Network> generator, IntFunction<Network> discriminator,
            double generatorLearningRate, double discriminatorLearningRate, double momentum, int discriminatorSteps,
            int generatorSteps, double averageDecay) {
        this.option = option;
        this.description = description;
        this.generator = generator;
        this.discriminator = discriminator;
        this.generatorLearningRate = generatorLearningRate;
        this.discriminatorLearningRate = discriminatorLearningRate;
        this.momentum = momentum;
        this.discriminatorSteps = discriminatorSteps;
        this.generatorSteps = generatorSteps;
        this.averageDecay = averageDecay;
    }

    /** The name used on the command line. */
    public String option() {
        return option;
    }

    /** One line for --help and the run's header. */
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

    /** The generator's optimizer. */
    public Optimizer generatorOptimizer(Network g) {
        return new SgdMomentum(g, generatorLearningRate, momentum);
    }

    /** The discriminator's optimizer. */
    public Optimizer discriminatorOptimizer(Network d) {
        return new SgdMomentum(d, discriminatorLearningRate, momentum);
    }

    /**
     * One iteration of the loop is one epoch: the D steps (real + fake batch, losses summed, one
     * optimizer step each), then the G steps (fakes labelled 1).
     */
    public TrainingConfig config() {
        return TrainingConfig.defaults(BATCH).withSteps(discriminatorSteps, generatorSteps);
    }

    /**
     * The decay per epoch of the moving average of the generator's parameters that is evaluated
     * after training ({@link io.jgan.runtime.train.ParameterAverage}); 0 for the last parameters.
     */
    public double averageDecay() {
        return averageDecay;
    }

    /** The spec named {@code option}, or an exception listing the names. */
    public static GaussianSpec byOption(String option) {
        StringBuilder names = new StringBuilder();
        for (GaussianSpec s : values()) {
            if (s.option.equals(option)) {
                return s;
            }
            names.append(names.length() == 0 ? "" : ", ").append(s.option);
        }
        throw new IllegalArgumentException("unknown spec '" + option + "'; choose one of " + names);
    }
}
