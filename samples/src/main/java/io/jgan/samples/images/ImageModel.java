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
 * @param generator makes a generator for batches of up to the argument
 * @param discriminator makes a discriminator for batches of up to the argument
 */
public record ImageModel(String name, int noiseSize, IntFunction<Network> generator,
        IntFunction<Network> discriminator) {

    /** Seed 003's GAN: 100 noise values. */
    public static final ImageModel VANILLA = new ImageModel("VanillaGan", 100, VanillaGan_Generator::new,
            VanillaGan_Discriminator::new);
    /** Seed 004's noise size: 128. */
    public static final ImageModel VANILLA_128 = new ImageModel("VanillaGan128", 128, VanillaGan128_Generator::new,
            VanillaGan128_Discriminator::new);
    /** Seed 003's GAN with a discriminator that gives raw scores, for the losses that read them. */
    public static final ImageModel VANILLA_SCORES = new ImageModel("VanillaGanScores", 100,
            VanillaGanScores_Generator::new, VanillaGanScores_Discriminator::new);
    /** The models of the command line. */
    public static final List<ImageModel> ALL = List.of(VANILLA, VANILLA_128, VANILLA_SCORES);

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
