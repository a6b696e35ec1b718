package io.jgan.runtime.train;

import java.util.Locale;

/**
 * The means over one epoch.
 *
 * @param epoch counting from 1
 * @param step iterations done at its end
 * @param discriminatorLoss mean discriminator loss
 * @param generatorLoss mean generator loss
 * @param realScore mean D(x)
 * @param fakeScore mean D(G(z))
 * @param msPerStep wall-clock milliseconds per iteration in this process (NaN for an epoch begun
 *     before a resume: its start was not timed)
 */
public record EpochSummary(int epoch, long step, double discriminatorLoss, double generatorLoss, double realScore,
        double fakeScore, double msPerStep) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "epoch %d: D loss %.4f  G loss %.4f  D(x) %.3f  D(G(z)) %.3f%s", epoch,
                discriminatorLoss, generatorLoss, realScore, fakeScore,
                Double.isNaN(msPerStep) ? "" : String.format(Locale.ROOT, "  %.2f ms/step", msPerStep));
    }
}
