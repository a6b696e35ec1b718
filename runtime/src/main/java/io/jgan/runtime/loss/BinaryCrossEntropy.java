package io.jgan.runtime.loss;

/**
 * Binary cross-entropy with PyTorch's {@code nn.BCELoss} semantics: the mean over the batch of
 * {@code -(y log p + (1 - y) log(1 - p))}, each log clamped to at least -100, and the gradient
 * {@code (p - y) / max((1 - p) p, 1e-12) / n}, exactly as PyTorch computes it.
 */
public final class BinaryCrossEntropy {
    /** PyTorch's clamp on the gradient's denominator. */
    private static final double EPSILON = 1e-12;

    private BinaryCrossEntropy() {}

    /**
     * {@return the mean loss of predictions {@code p[0 .. n)} against one label for all of them}
     *
     * @param p predicted probabilities
     * @param n how many of them
     * @param label the target for all of them
     */
    public static float loss(float[] p, int n, float label) {
        double sum = 0;
        if (label == 1f || label == 0f) {
            // Hard labels: one of the two terms has coefficient 0; skip its logarithm (same value).
            for (int k = 0; k < n; k++) {
                sum -= label == 1f ? Math.max((float) Math.log(p[k]), -100f) : Math.max((float) Math.log1p(-p[k]), -100f);
            }
            return (float) (sum / n);
        }
        for (int k = 0; k < n; k++) {
            float pk = p[k];
            float logP = Math.max((float) Math.log(pk), -100f);
            float log1mP = Math.max((float) Math.log1p(-pk), -100f);
            sum += (label - 1f) * log1mP - label * logP;
        }
        return (float) (sum / n);
    }

    /**
     * Writes into {@code dst[0 .. n)} the gradient of {@code scale * loss(p, n, label)} with respect
     * to each prediction ({@code scale} is 0.5 when the loss is averaged with another).
     *
     * @param p predicted probabilities
     * @param n how many of them
     * @param label the target for all of them
     * @param scale factor applied to the gradient (0.5 when two losses are averaged)
     * @param dst where the gradient goes, {@code n} floats
     */
    public static void gradient(float[] p, int n, float label, float scale, float[] dst) {
        float factor = scale / n;
        for (int k = 0; k < n; k++) {
            float pk = p[k];
            dst[k] = factor * (float) ((pk - label) / Math.max((1.0f - pk) * pk, EPSILON));
        }
    }

    /**
     * {@return the mean of {@code p[0 .. n)}: the average probability the discriminator gave}
     *
     * @param p predicted probabilities
     * @param n how many of them
     */
    public static float mean(float[] p, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += p[k];
        }
        return (float) (sum / n);
    }
}
