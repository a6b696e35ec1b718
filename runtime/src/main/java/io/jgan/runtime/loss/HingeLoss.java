package io.jgan.runtime.loss;

/**
 * The hinge loss of geometric GAN, SAGAN and BigGAN, on raw scores {@code x} (a discriminator without
 * a final sigmoid):
 * <pre>
 * real:      loss = mean( relu(1 - x) )    d loss / d x = -1/n where x &lt; 1, else 0
 * fake:      loss = mean( relu(1 + x) )    d loss / d x =  1/n where x &gt; -1, else 0
 * generator: loss = -mean( x )             d loss / d x = -1/n
 * </pre>
 * as PyTorch computes {@code torch.relu(1 - x).mean()} and its gradient (0 at the kink itself). The
 * discriminator stops pushing a sample once it is scored beyond the margin, which keeps its scores
 * bounded; the generator raises its fakes' scores without bound. No labels.
 */
public record HingeLoss() implements GanLoss {
    /** The name {@link GanLoss#byName(String)} reads. */
    public static final String NAME = "hinge";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean readsProbabilities() {
        return false;
    }

    @Override
    public boolean usesLabels() {
        return false;
    }

    @Override
    public float loss(Term term, float label, float[] x, int n) {
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += switch (term) {
                case REAL -> Math.max(1f - x[k], 0f);
                case FAKE -> Math.max(1f + x[k], 0f);
                case GENERATOR -> -x[k];
            };
        }
        return (float) (sum / n);
    }

    @Override
    public void gradient(Term term, float label, float scale, float[] x, int n, float[] dst) {
        float g = 1f / n * scale;
        for (int k = 0; k < n; k++) {
            dst[k] = switch (term) {
                case REAL -> 1f - x[k] > 0f ? -g : 0f;
                case FAKE -> 1f + x[k] > 0f ? g : 0f;
                case GENERATOR -> -g;
            };
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
