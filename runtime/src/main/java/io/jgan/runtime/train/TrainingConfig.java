package io.jgan.runtime.train;

import io.jgan.runtime.loss.GanLoss;
import java.util.Objects;

/**
 * How the alternating GAN loop runs. Start from {@link #defaults(int)} and change what differs:
 * <pre>{@code
 * TrainingConfig config = TrainingConfig.defaults(16).withGeneratorFirst(true).withSharedFakes(true);
 * }</pre>
 *
 * @param batchSize samples per step, real and fake alike
 * @param discriminatorSteps discriminator updates per iteration
 * @param generatorSteps generator updates per iteration
 * @param generatorFirst whether an iteration starts with the generator's steps
 * @param sharedFakes whether the discriminator step reuses the fakes the preceding generator step made
 *     (detached, from before the generator's update) instead of drawing fresh ones; as in the
 *     even-numbers seed. Needs {@code generatorFirst} and one step of each.
 * @param discriminatorLoss how the real and fake losses combine
 * @param realLabel target for real samples (1, or 0.9 / 0.98 with label smoothing)
 * @param fakeLabel target for fakes in the discriminator step (0, or e.g. 0.02)
 * @param generatorLabel target the generator trains its fakes towards (1: the non-saturating loss)
 * @param loss the GAN loss: {@link GanLoss#bce()} (the seeds'), unless changed with {@link #withLoss(GanLoss)}
 */
public record TrainingConfig(int batchSize, int discriminatorSteps, int generatorSteps, boolean generatorFirst,
        boolean sharedFakes, LossCombination discriminatorLoss, float realLabel, float fakeLabel,
        float generatorLabel, GanLoss loss) {

    /** How the discriminator's loss on real and fake batches is combined before its step. */
    public enum LossCombination {
        /** (real + fake) / 2, as in the even-numbers seed. */
        MEAN,
        /** real + fake, as in the Gaussian and image seeds. */
        SUM
    }

    /**
     * Validates the combination of settings.
     *
     * @param batchSize samples per step, real and fake alike
     * @param discriminatorSteps discriminator updates per iteration
     * @param generatorSteps generator updates per iteration
     * @param generatorFirst whether an iteration starts with the generator's steps
     * @param sharedFakes whether the discriminator step reuses the fakes the preceding generator step made
     * @param discriminatorLoss how the real and fake losses combine
     * @param realLabel target for real samples (1, or 0.9 / 0.98 with label smoothing)
     * @param fakeLabel target for fakes in the discriminator step (0, or e.g. 0.02)
     * @param generatorLabel target the generator trains its fakes towards (1: the non-saturating loss)
     * @param loss the GAN loss
     */
    public TrainingConfig {
        Objects.requireNonNull(loss, "loss");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        if (discriminatorSteps < 0 || generatorSteps < 0 || discriminatorSteps + generatorSteps == 0) {
            throw new IllegalArgumentException("steps per iteration must be >= 0 and not both 0, were D "
                    + discriminatorSteps + ", G " + generatorSteps);
        }
        if (sharedFakes && !(generatorFirst && discriminatorSteps == 1 && generatorSteps == 1)) {
            throw new IllegalArgumentException("sharedFakes reuses the generator step's fakes in the next discriminator"
                    + " step: it needs generatorFirst and exactly one step of each");
        }
        for (float label : new float[] {realLabel, fakeLabel, generatorLabel}) {
            if (!(label >= 0 && label <= 1)) {
                throw new IllegalArgumentException("labels must be in [0, 1], got " + label);
            }
        }
        if (!loss.usesLabels() && (realLabel != 1f || fakeLabel != 0f || generatorLabel != 1f)) {
            throw new IllegalArgumentException("the " + loss.name() + " loss has no labels, so label smoothing ("
                    + realLabel + ", " + fakeLabel + ", " + generatorLabel + ") would do nothing: keep the labels"
                    + " 1, 0, 1 or use a loss with labels (bce, bce-logits, lsgan)");
        }
    }

    /**
     * A config with the seeds' loss, binary cross-entropy on probabilities ({@link GanLoss#bce()}).
     *
     * @param batchSize samples per step, real and fake alike
     * @param discriminatorSteps discriminator updates per iteration
     * @param generatorSteps generator updates per iteration
     * @param generatorFirst whether an iteration starts with the generator's steps
     * @param sharedFakes whether the discriminator step reuses the fakes the preceding generator step made
     * @param discriminatorLoss how the real and fake losses combine
     * @param realLabel target for real samples
     * @param fakeLabel target for fakes in the discriminator step
     * @param generatorLabel target the generator trains its fakes towards
     */
    public TrainingConfig(int batchSize, int discriminatorSteps, int generatorSteps, boolean generatorFirst,
            boolean sharedFakes, LossCombination discriminatorLoss, float realLabel, float fakeLabel,
            float generatorLabel) {
        this(batchSize, discriminatorSteps, generatorSteps, generatorFirst, sharedFakes, discriminatorLoss,
                realLabel, fakeLabel, generatorLabel, GanLoss.bce());
    }

    /**
     * {@return one D step then one G step per iteration, fresh fakes, summed D loss, labels 1 / 0 / 1, BCE}
     *
     * @param batchSize samples per step
     */
    public static TrainingConfig defaults(int batchSize) {
        return new TrainingConfig(batchSize, 1, 1, false, false, LossCombination.SUM, 1f, 0f, 1f, GanLoss.bce());
    }

    /**
     * {@return this config with another batch size}
     *
     * @param n samples per step
     */
    public TrainingConfig withBatchSize(int n) {
        return new TrainingConfig(n, discriminatorSteps, generatorSteps, generatorFirst, sharedFakes,
                discriminatorLoss, realLabel, fakeLabel, generatorLabel, loss);
    }

    /**
     * {@return this config with other step counts per iteration}
     *
     * @param discriminator discriminator updates per iteration
     * @param generator generator updates per iteration
     */
    public TrainingConfig withSteps(int discriminator, int generator) {
        return new TrainingConfig(batchSize, discriminator, generator, generatorFirst, sharedFakes,
                discriminatorLoss, realLabel, fakeLabel, generatorLabel, loss);
    }

    /**
     * {@return this config with the generator first or second in an iteration}
     *
     * @param first whether an iteration starts with the generator
     */
    public TrainingConfig withGeneratorFirst(boolean first) {
        return new TrainingConfig(batchSize, discriminatorSteps, generatorSteps, first, sharedFakes,
                discriminatorLoss, realLabel, fakeLabel, generatorLabel, loss);
    }

    /**
     * {@return this config with the discriminator reusing the generator step's fakes, or not}
     *
     * @param shared whether the discriminator step reuses the generator step's fakes
     */
    public TrainingConfig withSharedFakes(boolean shared) {
        return new TrainingConfig(batchSize, discriminatorSteps, generatorSteps, generatorFirst, shared,
                discriminatorLoss, realLabel, fakeLabel, generatorLabel, loss);
    }

    /**
     * {@return this config with another way to combine the discriminator's losses}
     *
     * @param combination mean or sum of the real and fake losses
     */
    public TrainingConfig withDiscriminatorLoss(LossCombination combination) {
        return new TrainingConfig(batchSize, discriminatorSteps, generatorSteps, generatorFirst, sharedFakes,
                combination, realLabel, fakeLabel, generatorLabel, loss);
    }

    /**
     * {@return this config with other labels (one-sided smoothing: real 0.9, fake 0)}
     *
     * @param real target for real samples
     * @param fake target for fakes in the discriminator step
     * @param generator target the generator trains its fakes towards
     */
    public TrainingConfig withLabels(float real, float fake, float generator) {
        return new TrainingConfig(batchSize, discriminatorSteps, generatorSteps, generatorFirst, sharedFakes,
                discriminatorLoss, real, fake, generator, loss);
    }

    /**
     * {@return this config with another GAN loss}; the discriminator's last layer must fit it (the
     * trainer checks), and a loss without labels needs the labels 1, 0, 1. The Wasserstein loss
     * wants several critic steps per generator step: {@code withLoss(GanLoss.wasserstein()).withSteps(5, 1)}.
     *
     * @param loss e.g. {@link GanLoss#hinge()} or {@code GanLoss.byName("lsgan")}
     */
    public TrainingConfig withLoss(GanLoss loss) {
        return new TrainingConfig(batchSize, discriminatorSteps, generatorSteps, generatorFirst, sharedFakes,
                discriminatorLoss, realLabel, fakeLabel, generatorLabel, loss);
    }
}
