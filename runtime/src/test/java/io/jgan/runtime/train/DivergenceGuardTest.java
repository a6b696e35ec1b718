package io.jgan.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.generated.Finite;
import io.jgan.runtime.Rng;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.train.Tiny.ConstantData;
import io.jgan.runtime.train.Tiny.Discriminator;
import io.jgan.runtime.train.Tiny.GaussianData;
import io.jgan.runtime.train.Tiny.Generator;
import org.junit.jupiter.api.Test;

/** The divergence guard: a bad loss, gradient or parameter stops the step before the optimizer runs. */
class DivergenceGuardTest {
    private static final class Run {
        final Generator g = new Generator(2, 8);
        final Discriminator d = new Discriminator(2, 8);
        final Adam gOpt;
        final Adam dOpt;
        final GanTrainer trainer;

        Run(Tiny.GaussianData data) {
            Rng rng = new Rng(3);
            g.initialize(rng);
            d.initialize(rng);
            gOpt = new Adam(g, 1e-2);
            dOpt = new Adam(d, 1e-2);
            trainer = new GanTrainer(g, d, gOpt, dOpt, data, TrainingConfig.defaults(8), rng);
        }
    }

    @Test
    void finiteFastPathAgreesWithTheScan() {
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int n = 0; n < 13; n++) {
            float[] a = new float[n];
            for (int k = 0; k < n; k++) {
                a[k] = k * 1e37f - 3e38f; // large but finite
            }
            assertTrue(Finite.all(a));
            assertEquals(-1, Finite.firstNonFinite(a));
            for (int at = 0; at < n; at++) {
                for (float b : bad) {
                    float[] c = a.clone();
                    c[at] = b;
                    assertEquals(at, Finite.firstNonFinite(c), "n=" + n + " at=" + at + " " + b);
                }
            }
        }
    }

    @Test
    void rangeScanAgreesWithTheScan() {
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int n : new int[] {0, 1, 1024 - 1, 1024, 1024 + 1, 3 * 1024 + 5}) {
            float[] a = new float[n];
            for (int k = 0; k < n; k++) {
                a[k] = (k % 7 - 3) * 1e38f; // large but finite: x - x is still 0
            }
            assertTrue(Finite.all(a, 0, n));
            for (int at : new int[] {0, n / 2, n - 1}) {
                if (at < 0 || at >= n) {
                    continue;
                }
                for (float b : bad) {
                    float[] c = a.clone();
                    c[at] = b;
                    assertEquals(false, Finite.all(c, 0, n), "n=" + n + " at=" + at + " " + b);
                    // A range that leaves the bad value out passes; one that holds it fails.
                    assertTrue(Finite.all(c, at + 1, n), "n=" + n + " after " + at);
                    assertTrue(Finite.all(c, 0, at), "n=" + n + " before " + at);
                    assertEquals(false, Finite.all(c, at, at + 1));
                }
            }
        }
    }

    @Test
    void nanGradientStopsTheStepBeforeTheOptimizerAndNamesNetworkLayerAndIteration() {
        Run r = new Run(new GaussianData(2, 1f, 0.5f));
        r.trainer.iterate();
        r.trainer.iterate();
        float[] dBefore = r.d.parameters().clone();
        float[] gBefore = r.g.parameters().clone();
        long dSteps = r.dOpt.stepCount();
        r.d.afterBackward = () -> r.d.gradients()[1] = Float.NaN;

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, r.trainer::iterate);

        System.out.println("divergence guard: " + e.getMessage());
        assertEquals("Tiny discriminator", e.network());
        assertEquals("layer", e.layer());
        assertEquals(TrainingDivergedException.What.GRADIENT, e.what());
        assertEquals(3, e.iteration());
        assertEquals(1, e.index());
        assertTrue(e.getMessage().contains("gradient of layer layer [1] is NaN at iteration 3"), e.getMessage());
        assertArrayEquals(dBefore, r.d.parameters(), "the optimizer did not apply the bad step");
        assertArrayEquals(gBefore, r.g.parameters());
        assertEquals(dSteps, r.dOpt.stepCount());
    }

    @Test
    void infiniteParameterIsCaughtBeforeTheStep() {
        Run r = new Run(new GaussianData(2, 1f, 0.5f));
        r.trainer.iterate();
        // Poisoned after the last backward pass of the D step (real, then fakes): no loss or gradient
        // sees it, only the parameter scan before the optimizer step.
        int[] calls = {0};
        r.d.afterBackward = () -> {
            if (++calls[0] == 2) {
                r.d.parameters()[0] = Float.POSITIVE_INFINITY;
            }
        };
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, r.trainer::iterate);
        assertEquals(TrainingDivergedException.What.PARAMETER, e.what());
        assertEquals(0, e.index());
        assertEquals(Float.POSITIVE_INFINITY, e.value());
        assertEquals(2, e.iteration());
    }

    @Test
    void nanLossNamesTheNetworkAndWhat() {
        Generator g = new Generator(1, 4);
        Discriminator d = new Discriminator(1, 4);
        Rng rng = new Rng(1);
        g.initialize(rng);
        d.initialize(rng);
        ConstantData data = new ConstantData(1, Float.NaN);
        GanTrainer t = new GanTrainer(g, d, new Adam(g, 1e-2), new Adam(d, 1e-2), data, TrainingConfig.defaults(4), rng);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, t::iterate);
        assertEquals(TrainingDivergedException.What.LOSS, e.what());
        assertEquals("Tiny discriminator", e.network());
        assertEquals(1, e.iteration());
        assertTrue(e.getMessage().contains("discriminator loss on real data"), e.getMessage());
    }

    @Test
    void policyByName() {
        assertEquals(DivergencePolicy.STOP, DivergencePolicy.byName("stop"));
        assertTrue(DivergencePolicy.byName("rollback").rollback());
        assertEquals(0.5, DivergencePolicy.byName("rollback").learningRateFactor());
        assertThrows(IllegalArgumentException.class, () -> DivergencePolicy.byName("retry"));
        assertThrows(IllegalArgumentException.class, () -> new DivergencePolicy(true, 0, 1));
    }
}
