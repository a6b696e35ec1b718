package io.jgan.runtime.loss;

/**
 * Binary cross-entropy on probabilities, PyTorch's {@code nn.BCELoss}: for scores {@code p} (the
 * output of a final {@code @Sigmoid}) and a target {@code y},
 * <pre>
 * loss = mean( -(y log p + (1 - y) log(1 - p)) ),  each log clamped to at least -100
 * d loss / d p = (p - y) / max((1 - p) p, 1e-12) / n
 * </pre>
 * with {@code y} the real label on real samples, the fake label on fakes and the generator label in
 * the generator's step (1, 0, 1: the non-saturating loss of the GAN paper). The seeds' loss, computed
 * by {@link BinaryCrossEntropy}. A sigmoid followed by this loss saturates: for a score below about
 * -17 the sigmoid rounds to 0 in float and the gradient is lost; {@link BceWithLogitsLoss} does not.
 */
public record BceLoss() implements GanLoss {
    /** The name {@link GanLoss#byName(String)} reads. */
    public static final String NAME = "bce";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean readsProbabilities() {
        return true;
    }

    @Override
    public float loss(Term term, float label, float[] x, int n) {
        return BinaryCrossEntropy.loss(x, n, label);
    }

    @Override
    public void gradient(Term term, float label, float scale, float[] x, int n, float[] dst) {
        BinaryCrossEntropy.gradient(x, n, label, scale, dst);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
