package io.jgan.samples.cli;

import java.util.List;

/**
 * The one place the command line names GAN losses ({@code --loss}). Today the training loop has one
 * loss, binary cross-entropy after the discriminator's sigmoid; when the runtime gains more, they
 * are added here and every command that takes {@code --loss} offers them.
 */
public final class LossOption {
    /** Binary cross-entropy on the discriminator's probability (its last layer is a sigmoid). */
    public static final String BCE = "bce";
    /** The names {@code --loss} accepts. */
    public static final List<String> NAMES = List.of(BCE);
    /** For {@code --help}. */
    public static final String DESCRIPTION = "The GAN loss: bce (binary cross-entropy; D ends in @Sigmoid)."
            + " Default: bce.";

    private LossOption() {}

    /**
     * Checks a {@code --loss} value.
     *
     * @param name what the user gave
     * @return the loss's name
     * @throws IllegalArgumentException naming the losses there are
     */
    public static String byName(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("--loss must be one of " + String.join(", ", NAMES) + ", was " + name);
        }
        return name;
    }
}
