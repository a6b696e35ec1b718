package io.jgan.samples.cli;

import io.jgan.runtime.loss.GanLoss;
import java.util.List;

/**
 * The one place the command line names GAN losses ({@code --loss}): every {@link GanLoss} by its
 * name, so a loss added to the runtime is offered by every command that takes {@code --loss}.
 */
public final class LossOption {
    /** Binary cross-entropy on the discriminator's probability (its last layer is a sigmoid). */
    public static final String BCE = "bce";
    /** The names {@code --loss} accepts. */
    public static final List<String> NAMES = GanLoss.names();
    /** For {@code --help}. */
    public static final String DESCRIPTION = "The GAN loss: bce (D ends in @Sigmoid), bce-logits, lsgan, hinge or"
            + " wgan (D ends without a sigmoid; wgan wants --d-steps 5); docs/losses.md. Default: bce.";

    private LossOption() {}

    /**
     * Checks a {@code --loss} value.
     *
     * @param name what the user gave
     * @return the loss's name, as {@link GanLoss#byName(String)} reads it
     * @throws IllegalArgumentException naming the losses there are
     */
    public static String byName(String name) {
        try {
            return GanLoss.byName(name).name();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--loss must be one of " + String.join(", ", NAMES) + ", was " + name);
        }
    }
}
