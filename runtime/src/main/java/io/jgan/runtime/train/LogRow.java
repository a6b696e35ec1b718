package io.jgan.runtime.train;

import java.util.Locale;

/**
 * One row of a run's log: the means over the iterations since the row before (every
 * {@code logEvery} iterations, and at the end of each epoch).
 *
 * @param step iterations done when the row was logged, counting from 1
 * @param epoch the epoch the row belongs to, counting from 1
 * @param batch the iteration within that epoch, counting from 1
 * @param discriminatorLoss mean discriminator loss
 * @param generatorLoss mean generator loss
 * @param realScore mean D(x) on real batches
 * @param fakeScore mean D(G(z)) on fake batches
 */
public record LogRow(long step, int epoch, int batch, float discriminatorLoss, float generatorLoss, float realScore,
        float fakeScore) {

    /** The header of {@link #toCsv()}. */
    public static final String CSV_HEADER = "step,epoch,batch,d_loss,g_loss,d_real,d_fake";

    /** {@return the row as CSV, columns as {@link #CSV_HEADER}} */
    public String toCsv() {
        return step + "," + epoch + "," + batch + "," + discriminatorLoss + "," + generatorLoss + "," + realScore + ","
                + fakeScore;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "step %d (epoch %d, batch %d): D loss %.4f  G loss %.4f  D(x) %.3f  D(G(z)) %.3f",
                step, epoch, batch, discriminatorLoss, generatorLoss, realScore, fakeScore);
    }
}
