package io.jgan.runtime.loss;

/**
 * Binary cross-entropy on logits, PyTorch's {@code nn.BCEWithLogitsLoss}: for raw scores {@code x}
 * (a discriminator without a final sigmoid) and a target {@code y},
 * <pre>
 * loss = mean( (1 - y) x + m + log(exp(-m) + exp(-x - m)) ),  m = max(-x, 0)
 *      = mean( -(y log sigmoid(x) + (1 - y) log(1 - sigmoid(x))) )
 * d loss / d x = (sigmoid(x) - y) / n
 * </pre>
 * The same loss as {@link BceLoss} after a sigmoid, written so that no exponential overflows and no
 * logarithm sees 0: finite, with a gradient, for any score (a sigmoid in float is exactly 0 below
 * about -17, where {@link BceLoss} has lost the gradient). Labels as in {@link BceLoss}. The reported
 * "D(x)" is the mean of {@code sigmoid(x)}, a probability as with {@link BceLoss}.
 */
public record BceWithLogitsLoss() implements GanLoss {
    /** The name {@link GanLoss#byName(String)} reads. */
    public static final String NAME = "bce-logits";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean readsProbabilities() {
        return false;
    }

    @Override
    public float loss(Term term, float label, float[] x, int n) {
        double sum = 0;
        float oneMinusY = 1f - label;
        for (int k = 0; k < n; k++) {
            float xk = x[k];
            // PyTorch's form: the exponentials are of values <= 0, so neither overflows.
            float m = Math.max(-xk, 0f);
            float e = (float) Math.exp(-m) + (float) Math.exp(-xk - m);
            sum += oneMinusY * xk + m + (float) Math.log(e);
        }
        return (float) (sum / n);
    }

    @Override
    public void gradient(Term term, float label, float scale, float[] x, int n, float[] dst) {
        float count = n;
        for (int k = 0; k < n; k++) {
            dst[k] = (sigmoid(x[k]) - label) / count * scale;
        }
    }

    @Override
    public float meanScore(float[] x, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += sigmoid(x[k]);
        }
        return (float) (sum / n);
    }

    /** {@return 1 / (1 + e^-x) in float, as PyTorch computes it: exactly 0 below about -88, where e^-x overflows} */
    static float sigmoid(float x) {
        return 1f / (1f + (float) Math.exp(-x));
    }

    @Override
    public String toString() {
        return NAME;
    }
}
