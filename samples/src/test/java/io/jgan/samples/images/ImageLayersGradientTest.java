package io.jgan.samples.images;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of the generated backward passes for the image GAN's layer types: Dense,
 * LeakyReLU and Tanh (generator), Dense, LeakyReLU, Dropout and Sigmoid (discriminator, with a fixed
 * dropout mask: {@link GradientCheck} resets the network's random generator to the same state before every
 * forward pass), with LeakyReLU's kinks skipped as GradientCheck describes.
 */
class ImageLayersGradientTest {
    private static final int BATCH = 3;

    private static float[] random(int n, Rng rng, double scale) {
        float[] a = new float[n];
        for (int k = 0; k < n; k++) {
            a[k] = (float) (scale * rng.nextGaussian());
        }
        return a;
    }

    @Test
    void generatorDenseLeakyReluTanh() {
        Network g = new TinyImages_Generator(BATCH);
        g.initialize(new Rng(11));
        new GradientCheck(g, BATCH, 11).checkParameters();
    }

    /** The input gradient too, as the generator step uses it. */
    @Test
    void discriminatorDenseLeakyReluDropoutSigmoidWithAFixedMask() {
        Network d = new TinyImages_Discriminator(BATCH);
        d.initialize(new Rng(12));
        GradientCheck check = new GradientCheck(d, BATCH, 12);
        check.checkParameters();
        check.checkInput();
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
