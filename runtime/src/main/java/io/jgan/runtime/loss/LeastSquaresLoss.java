package io.jgan.runtime.loss;

/**
 * The least-squares loss of LSGAN (Mao et al. 2017), PyTorch's {@code nn.MSELoss} between the raw
 * scores {@code x} (a discriminator without a final sigmoid) and a target {@code y}:
 * <pre>
 * loss = mean( (x - y)^2 )
 * d loss / d x = 2 (x - y) / n
 * </pre>
 * with {@code y} the real label (1) on real samples, the fake label (0) on fakes and the generator
 * label (1) in the generator's step: the paper's 0-1-1 coding. Its 1/2 factors are the trainer's
 * {@code LossCombination.MEAN} for the discriminator; for the generator they only scale the learning
 * rate. The loss penalises fakes in proportion to how far they are from the real scores even when
 * they are on the right side, so the generator keeps a gradient where the sigmoid of BCE saturates.
 */
public record LeastSquaresLoss() implements GanLoss {
    /** The name {@link GanLoss#byName(String)} reads. */
    public static final String NAME = "lsgan";

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
        for (int k = 0; k < n; k++) {
            float d = x[k] - label;
            sum += d * d;
        }
        return (float) (sum / n);
    }

    @Override
    public void gradient(Term term, float label, float scale, float[] x, int n, float[] dst) {
        float norm = (float) (2.0 / n);
        for (int k = 0; k < n; k++) {
            dst[k] = norm * (x[k] - label) * scale;
        }
    }

    @Override
    public float meanScore(float[] x, int n) {
        return BinaryCrossEntropy.mean(x, n);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
