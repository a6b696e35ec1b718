package io.jgan.samples.gaussian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Short end-to-end runs of the Gaussian GAN on a fixed seed. */
class GaussianGanTest {
    /** A fifth of the default schedule: enough for this seed to fit. */
    private static final int EPOCHS = 1000;
    private static final long SEED = 1;

    @Test
    void aFixedSeedFitsAndRepeatsBitForBit() {
        GaussianSpec spec = GaussianSpec.DEFAULT;
        GaussianGan.Result first = GaussianGan.train(spec, SEED, EPOCHS, 100, null);
        GaussianGan.Result again = GaussianGan.train(spec, SEED, EPOCHS, 100, null);
        assertNull(first.diverged());
        GaussianGan.Fit fit = first.fit();
        assertTrue(fit.good(), "not a good fit after " + EPOCHS + " epochs: " + fit.summaryLine());
        assertTrue(fit.ks() < 0.15, "the shape is far from N(4, 1.25): " + fit.summaryLine());
        assertArrayEquals(first.generatorParameters(), again.generatorParameters());
        assertArrayEquals(first.samples(), again.samples());
        assertEquals(fit, again.fit());
    }

    @Test
    void fitStatisticsOfAKnownSample() {
        // Four values: mean 2.5, population std sqrt(1.25), symmetric, kurtosis 1.64 - 3.
        GaussianGan.Fit fit = GaussianGan.Fit.of(new float[] {1, 2, 3, 4}, 4, new GaussianData());
        assertEquals(2.5, fit.mean(), 1e-12);
        assertEquals(Math.sqrt(1.25), fit.std(), 1e-12);
        assertEquals(0, fit.skew(), 1e-12);
        assertEquals(1.64 - 3, fit.kurtosis(), 1e-12);
        // The largest gap to N(4, 1.25)'s CDF is at x = 3: the sample's CDF is 0.75 there, F(3) = Phi(-0.8).
        assertEquals(0.75 - 0.2118553986, fit.ks(), 1e-6);
    }
}
