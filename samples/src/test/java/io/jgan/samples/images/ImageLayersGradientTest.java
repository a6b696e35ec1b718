package io.jgan.samples.images;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of the generated backward passes for the image GAN's layer types: Dense,
 * LeakyReLU and Tanh (generator), Dense, LeakyReLU, Dropout and Sigmoid (discriminator, with a fixed
 * dropout mask: the network's random generator is reset to the same state before every forward pass).
 */
class ImageLayersGradientTest {
    private static final int BATCH = 3;
    private static final double H = 1e-3;

    /** L = sum_k r_k * out_k for fixed random r, in double. */
    private static double loss(Network n, float[] x, float[] r, long maskSeed) {
        n.setRandom(new Rng(maskSeed));
        float[] out = n.forward(x, BATCH);
        double l = 0;
        for (int k = 0; k < r.length; k++) {
            l += (double) r[k] * out[k];
        }
        return l;
    }

    private static float[] random(int n, Rng rng, double scale) {
        float[] a = new float[n];
        for (int k = 0; k < n; k++) {
            a[k] = (float) (scale * rng.nextGaussian());
        }
        return a;
    }

    /** Compares analytic and numeric gradients; reports the largest difference and the first bad index. */
    private static void check(String what, float[] analytic, double[] numeric) {
        double worst = 0;
        int firstBad = -1;
        for (int k = 0; k < analytic.length; k++) {
            double diff = Math.abs(analytic[k] - numeric[k]);
            double tolerance = 2e-3 + 2e-2 * Math.abs(numeric[k]);
            worst = Math.max(worst, diff);
            if (diff > tolerance && firstBad < 0) {
                firstBad = k;
            }
        }
        String report = String.format(Locale.ROOT, "%s: max |analytic - numeric| = %.3g over %d values", what, worst,
                analytic.length);
        assertTrue(firstBad < 0, report + "; first bad index " + firstBad
                + (firstBad >= 0 ? " (analytic " + analytic[firstBad] + ", numeric " + numeric[firstBad] + ")" : ""));
    }

    private static void checkParameters(Network n, float[] x, float[] r, long maskSeed) {
        n.zeroGradients();
        loss(n, x, r, maskSeed);
        n.backward(r);
        float[] analytic = n.gradients().clone();
        float[] p = n.parameters();
        double[] numeric = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            float saved = p[k];
            p[k] = (float) (saved + H);
            double plus = loss(n, x, r, maskSeed);
            p[k] = (float) (saved - H);
            double minus = loss(n, x, r, maskSeed);
            p[k] = saved;
            numeric[k] = (plus - minus) / ((double) (float) (saved + H) - (float) (saved - H));
        }
        check(n.info().displayName() + " parameters", analytic, numeric);
    }

    @Test
    void generatorDenseLeakyReluTanh() {
        Rng rng = new Rng(11);
        Network g = new TinyImages_Generator(BATCH);
        g.initialize(rng);
        checkParameters(g, random(BATCH * 6, rng, 1), random(BATCH * 64, rng, 1), 0);
    }

    @Test
    void discriminatorDenseLeakyReluDropoutSigmoidWithAFixedMask() {
        Rng rng = new Rng(12);
        Network d = new TinyImages_Discriminator(BATCH);
        d.initialize(rng);
        float[] x = random(BATCH * 64, rng, 1);
        float[] r = random(BATCH, rng, 1);
        checkParameters(d, x, r, 5);

        // The input gradient, as the generator step uses it.
        loss(d, x, r, 5);
        System.arraycopy(r, 0, d.outputGradient(), 0, r.length);
        float[] analytic = d.backwardToInput().clone();
        double[] numeric = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            float saved = x[k];
            x[k] = (float) (saved + H);
            double plus = loss(d, x, r, 5);
            x[k] = (float) (saved - H);
            double minus = loss(d, x, r, 5);
            x[k] = saved;
            numeric[k] = (plus - minus) / ((double) (float) (saved + H) - (float) (saved - H));
        }
        check("TinyImages discriminator input", java.util.Arrays.copyOf(analytic, x.length), numeric);
    }

    @Test
    void dropoutZeroesAboutPAndIsTheIdentityAtInference() {
        Rng rng = new Rng(13);
        Network d = new TinyImages_Discriminator(BATCH);
        d.initialize(rng);
        float[] x = random(BATCH * 64, rng, 1);
        d.setTraining(false);
        float[] a = d.forward(x, BATCH).clone();
        d.setRandom(new Rng(1));
        float[] b = d.forward(x, BATCH).clone();
        assertTrue(java.util.Arrays.equals(a, b), "inference must not depend on the random generator");
        d.setTraining(true);
        d.setRandom(new Rng(1));
        float[] t1 = d.forward(x, BATCH).clone();
        d.setRandom(new Rng(2));
        float[] t2 = d.forward(x, BATCH).clone();
        assertTrue(!java.util.Arrays.equals(t1, t2), "training-mode dropout must draw a mask");
    }
}
