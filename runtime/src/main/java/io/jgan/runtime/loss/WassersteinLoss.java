package io.jgan.runtime.loss;

import io.jgan.runtime.Network;

/**
 * The Wasserstein loss of WGAN (Arjovsky et al. 2017) with weight clipping, on raw scores {@code x}
 * of a critic (a discriminator without a final sigmoid):
 * <pre>
 * real:      loss = -mean( x )    d loss / d x = -1/n
 * fake:      loss =  mean( x )    d loss / d x =  1/n
 * generator: loss = -mean( x )    d loss / d x = -1/n
 * </pre>
 * After every critic step all the critic's parameters are clamped to {@code [-clip, clip]} (PyTorch:
 * {@code p.data.clamp_(-clip, clip)}), which keeps the critic roughly Lipschitz so that the real minus
 * the fake mean score estimates the Wasserstein distance. The paper trains the critic 5 steps per
 * generator step ({@code TrainingConfig.withSteps(5, 1)}) with RMSprop at 5e-5 and clip 0.01; a
 * momentum optimizer such as Adam with beta1 0.9 makes it unstable. No labels. The discriminator's
 * loss, {@code mean(D(G(z))) - mean(D(x))}, is minus the estimated distance: it goes towards 0 as the
 * generator improves.
 *
 * @param clip the bound of the critic's parameters, a finite number {@code > 0} (the paper's 0.01)
 */
public record WassersteinLoss(double clip) implements GanLoss {
    /** The name {@link GanLoss#byName(String)} reads. */
    public static final String NAME = "wgan";
    /** The WGAN paper's clipping bound. */
    public static final double DEFAULT_CLIP = 0.01;

    /**
     * Checks the bound.
     *
     * @param clip the bound of the critic's parameters, a finite number {@code > 0}
     */
    public WassersteinLoss {
        if (!(clip > 0) || !Double.isFinite(clip)) {
            throw new IllegalArgumentException("wgan: the clipping bound must be a finite number > 0, was " + clip
                    + " (the WGAN paper uses 0.01)");
        }
    }

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
        float mean = BinaryCrossEntropy.mean(x, n);
        return term == Term.FAKE ? mean : -mean;
    }

    @Override
    public void gradient(Term term, float label, float scale, float[] x, int n, float[] dst) {
        float g = 1f / n * scale;
        java.util.Arrays.fill(dst, 0, n, term == Term.FAKE ? g : -g);
    }

    @Override
    public float meanScore(float[] x, int n) {
        return BinaryCrossEntropy.mean(x, n);
    }

    /** Clamps every parameter of the critic to [-clip, clip]. */
    @Override
    public void afterDiscriminatorStep(Network discriminator) {
        float[] p = discriminator.parameters();
        float c = (float) clip;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.max(-c, Math.min(c, p[k]));
        }
    }

    @Override
    public String toString() {
        return clip == DEFAULT_CLIP ? NAME : NAME + "(clip=" + clip + ")";
    }
}
