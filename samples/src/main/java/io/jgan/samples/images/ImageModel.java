package io.jgan.samples.images;

import io.jgan.runtime.Network;
import io.jgan.runtime.loss.GanLoss;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A generator/discriminator pair the images sample can train: the spec's generated classes, behind
 * constructors taking the largest batch.
 *
 * @param name the spec's simple name, stored in checkpoints
 * @param noiseSize the generator's noise values per sample
 * @param batch samples per training step
 * @param beta1 Adam's first beta for both networks (beta2 is PyTorch's 0.999)
 * @param generator makes a generator for batches of up to the argument
 * @param discriminator makes a discriminator for batches of up to the argument
 * @param classes the class count of a conditional model's labels; 0 for an unconditional one
 */
public record ImageModel(String name, int noiseSize, int batch, double beta1, IntFunction<Network> generator,
        IntFunction<Network> discriminator, int classes) {

    /**
     * An unconditional model.
     *
     * @param name the spec's simple name
     * @param noiseSize noise values per sample
     * @param batch samples per training step
     * @param beta1 Adam's first beta
     * @param generator makes a generator
     * @param discriminator makes a discriminator
     */
    public ImageModel(String name, int noiseSize, int batch, double beta1, IntFunction<Network> generator,
            IntFunction<Network> discriminator) {
        this(name, noiseSize, batch, beta1, generator, discriminator, 0);
    }

    /**
     * A model trained as the article trains its GAN: batch {@value ImageGan#BATCH}, Adam's default betas.
     *
     * @param name the spec's simple name
     * @param noiseSize noise values per sample
     * @param generator makes a generator
     * @param discriminator makes a discriminator
     */
    public ImageModel(String name, int noiseSize, IntFunction<Network> generator, IntFunction<Network> discriminator) {
        this(name, noiseSize, ImageGan.BATCH, 0.9, generator, discriminator);
    }

    /** Seed 003's GAN: 100 noise values. */
    public static final ImageModel VANILLA = new ImageModel("VanillaGan", 100, VanillaGan_Generator::new,
            VanillaGan_Discriminator::new);
    /** Seed 004's noise size: 128. */
    public static final ImageModel VANILLA_128 = new ImageModel("VanillaGan128", 128, VanillaGan128_Generator::new,
            VanillaGan128_Discriminator::new);
    /** Seed 003's GAN with a discriminator that gives raw scores, for the losses that read them. */
    public static final ImageModel VANILLA_SCORES = new ImageModel("VanillaGanScores", 100,
            VanillaGanScores_Generator::new, VanillaGanScores_Discriminator::new);
    /** A DCGAN ({@link Dcgan}): batch 128, Adam's beta1 0.5, as Radford et al. train it. */
    public static final ImageModel DCGAN = new ImageModel("Dcgan", 100, 128, 0.5, Dcgan_Generator::new,
            Dcgan_Discriminator::new);
    /** Seed 003's GAN made conditional ({@link ConditionalGan}): both networks take the class label. */
    public static final ImageModel CONDITIONAL = new ImageModel("ConditionalGan", 100, ImageGan.BATCH, 0.9,
            ConditionalGan_Generator::new, ConditionalGan_Discriminator::new, 10);
    /** The DCGAN made conditional ({@link ConditionalDcgan}), trained as {@link #DCGAN}. */
    public static final ImageModel CONDITIONAL_DCGAN = new ImageModel("ConditionalDcgan", 100, 128, 0.5,
            ConditionalDcgan_Generator::new, ConditionalDcgan_Discriminator::new, 10);
    /** The models of the command line. */
    public static final List<ImageModel> ALL = List.of(VANILLA, VANILLA_128, VANILLA_SCORES, DCGAN, CONDITIONAL,
            CONDITIONAL_DCGAN);

    /** {@return whether the model's networks take class labels} */
    public boolean conditional() {
        return classes > 0;
    }

    /**
     * The command line's conditional model for {@code --model}, {@code --noise} and {@code --loss}:
     * seed 003's MLP with the label embedded, trained as seed 003, or the DCGAN with the label
     * embedded in G and as one-hot channels in D, trained as the DCGAN.
     */
    public static ImageModel conditionalForCommandLine(String model, Integer noise, GanLoss loss) {
        if (!model.equals("mlp") && !model.equals("dcgan")) {
            throw new IllegalArgumentException("--model must be mlp or dcgan, was " + model);
        }
        if (noise != null && noise != 100) {
            throw new IllegalArgumentException("--conditional takes noise of 100 values, not --noise " + noise);
        }
        if (!loss.readsProbabilities()) {
            throw new IllegalArgumentException("--conditional ends its discriminator in a sigmoid, so it trains with"
                    + " --loss bce only, not " + loss.name());
        }
        return model.equals("dcgan") ? CONDITIONAL_DCGAN : CONDITIONAL;
    }

    /** The command line's model for {@code --noise n}. */
    public static ImageModel forNoise(int n) {
        for (ImageModel m : ALL) {
            if (m.noiseSize == n) {
                return m;
            }
        }
        throw new IllegalArgumentException("--noise must be 100 (seed 003) or 128 (seed 004), was " + n);
    }

    /** The command line's model for {@code --noise n --loss loss}: its discriminator's last layer fits the loss. */
    public static ImageModel forNoise(int n, GanLoss loss) {
        if (loss.readsProbabilities()) {
            return forNoise(n);
        }
        if (n != VANILLA_SCORES.noiseSize) {
            throw new IllegalArgumentException("--loss " + loss.name() + " needs a discriminator without a sigmoid,"
                    + " which this sample has with --noise 100 only");
        }
        return VANILLA_SCORES;
    }

    /**
     * The command line's model: {@code --model mlp} (the default) picks by {@code --noise},
     * {@code --model dcgan} is {@link #DCGAN} (noise 100 only).
     */
    public static ImageModel forCommandLine(String model, Integer noise) {
        return forCommandLine(model, noise, GanLoss.bce());
    }

    /**
     * The command line's model for {@code --model}, {@code --noise} and {@code --loss}: its
     * discriminator's last layer fits the loss.
     */
    public static ImageModel forCommandLine(String model, Integer noise, GanLoss loss) {
        switch (model) {
            case "mlp":
                return forNoise(noise != null ? noise : 100, loss);
            case "dcgan":
                if (!loss.readsProbabilities()) {
                    throw new IllegalArgumentException("--model dcgan ends its discriminator in a sigmoid, so it trains"
                            + " with --loss bce only, not " + loss.name());
                }
                if (noise != null && noise != 100) {
                    throw new IllegalArgumentException("--model dcgan takes noise of 100 values, not --noise " + noise);
                }
                return DCGAN;
            default:
                throw new IllegalArgumentException("--model must be mlp or dcgan, was " + model);
        }
    }

    /** The command line's model called {@code name}, e.g. from a checkpoint. */
    public static ImageModel byName(String name) {
        for (ImageModel m : ALL) {
            if (m.name.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model " + name + "; this jgan knows " + ALL.stream()
                .map(ImageModel::name).toList());
    }
}
