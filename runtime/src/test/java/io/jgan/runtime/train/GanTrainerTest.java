package io.jgan.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Noise;
import io.jgan.runtime.Rng;
import io.jgan.runtime.data.RealData;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.optim.Optimizer;
import io.jgan.runtime.optim.SgdMomentum;
import io.jgan.runtime.train.Tiny.ConstantData;
import io.jgan.runtime.train.Tiny.Discriminator;
import io.jgan.runtime.train.Tiny.GaussianData;
import io.jgan.runtime.train.Tiny.Generator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GanTrainerTest {
    /** Noise that is always 0.5, so a hand calculation does not depend on the draws. */
    private static final Noise HALF = new Noise(Noise.Distribution.UNIFORM, 1, 0.5f, 0.5f);

    private static Optimizer plainSgd(io.jgan.runtime.Network network) {
        return new SgdMomentum(network, 1.0, 0.0); // p -= g
    }

    private static GanTrainer sgdTrainer(Generator g, Discriminator d, RealData data, TrainingConfig config) {
        return new GanTrainer(g, d, plainSgd(g), plainSgd(d), data, config, new Rng(1));
    }

    @Test
    void discriminatorStepFollowsTheBceGradientByHand() {
        for (TrainingConfig.LossCombination combination : TrainingConfig.LossCombination.values()) {
            Generator g = new Generator(1, 4);
            g.parameters()[0] = 0f; // every fake is b = -1, whatever the noise
            g.parameters()[1] = -1f;
            Discriminator d = new Discriminator(1, 4);
            d.parameters()[0] = 0.3f;
            d.parameters()[1] = -0.2f;
            Optimizer gOpt = plainSgd(g);
            Optimizer dOpt = plainSgd(d);
            TrainingConfig config = TrainingConfig.defaults(4).withSteps(1, 0).withDiscriminatorLoss(combination);
            GanTrainer trainer = new GanTrainer(g, d, gOpt, dOpt, new ConstantData(1, 2f), config, new Rng(1));

            StepStats stats = trainer.iterate();

            double scale = combination == TrainingConfig.LossCombination.MEAN ? 0.5 : 1.0;
            double pReal = 1 / (1 + Math.exp(-(0.3 * 2 - 0.2)));
            double pFake = 1 / (1 + Math.exp(-(0.3 * -1 - 0.2)));
            // d BCE / d logit = (p - y) / n per sample; summed over the 4 identical samples: p - y.
            double gradW = scale * ((pReal - 1) * 2 + pFake * -1);
            double gradB = scale * ((pReal - 1) + pFake);
            String what = combination.toString();
            assertEquals(0.3 - gradW, d.parameters()[0], 1e-6, what);
            assertEquals(-0.2 - gradB, d.parameters()[1], 1e-6, what);
            assertEquals(scale * (-Math.log(pReal) - Math.log(1 - pFake)), stats.discriminatorLoss, 1e-6, what);
            assertEquals(pReal, stats.realScore, 1e-6, what);
            assertEquals(pFake, stats.fakeScore, 1e-6, what);
            assertTrue(Float.isNaN(stats.generatorLoss), "no generator step ran");
            assertEquals(1, stats.iteration);
            assertArrayEquals(new float[] {0f, -1f}, g.parameters(), "the fakes are detached");
            assertEquals(0, gOpt.stepCount());
            assertEquals(1, dOpt.stepCount());
        }
    }

    @Test
    void generatorStepBackpropagatesThroughTheDiscriminatorWithoutTouchingIt() {
        Generator g = new Generator(1, 4, HALF);
        g.parameters()[0] = 0.4f;
        g.parameters()[1] = 0.1f; // every fake: 0.4 * 0.5 + 0.1 = 0.3
        Discriminator d = new Discriminator(1, 4);
        d.parameters()[0] = 0.7f;
        d.parameters()[1] = -0.1f;
        Optimizer gOpt = plainSgd(g);
        Optimizer dOpt = plainSgd(d);
        GanTrainer trainer = new GanTrainer(g, d, gOpt, dOpt, new ConstantData(1, 2f),
                TrainingConfig.defaults(4).withSteps(0, 1), new Rng(1));

        StepStats stats = trainer.iterate();

        double p = 1 / (1 + Math.exp(-(0.7 * 0.3 - 0.1)));
        // d loss / d fake = (p - 1) / n * w_d per sample; through x = w z + b with z = 0.5, summed over 4 samples.
        double gradW = (p - 1) * 0.7 * 0.5;
        double gradB = (p - 1) * 0.7;
        assertEquals(0.4 - gradW, g.parameters()[0], 1e-6);
        assertEquals(0.1 - gradB, g.parameters()[1], 1e-6);
        assertEquals(-Math.log(p), stats.generatorLoss, 1e-6);
        assertArrayEquals(new float[] {0.7f, -0.1f}, d.parameters());
        assertArrayEquals(new float[] {0f, 0f}, d.gradients(), "the generator step leaves D's gradients alone");
        assertEquals(0, dOpt.stepCount());
        assertEquals(1, gOpt.stepCount());
    }

    @Test
    void sharedFakesAreTheGeneratorsFakesFromBeforeItsUpdate() {
        for (boolean shared : new boolean[] {true, false}) {
            Generator g = new Generator(1, 4, HALF);
            g.parameters()[0] = 0.4f;
            g.parameters()[1] = 0.1f;
            Discriminator d = new Discriminator(1, 4);
            d.parameters()[0] = 0.7f;
            d.parameters()[1] = -0.1f;
            TrainingConfig config = TrainingConfig.defaults(4).withGeneratorFirst(true).withSharedFakes(shared);
            sgdTrainer(g, d, new ConstantData(1, 2f), config).iterate();

            // The G step ran first and moved the generator, so its fresh fakes are no longer 0.3.
            double fresh = g.parameters()[0] * 0.5 + g.parameters()[1];
            assertTrue(Math.abs(fresh - 0.3) > 0.05, "the generator moved: " + fresh);
            double fake = shared ? 0.3 : fresh;
            double pReal = 1 / (1 + Math.exp(-(0.7 * 2 - 0.1)));
            double pFake = 1 / (1 + Math.exp(-(0.7 * fake - 0.1)));
            assertEquals(0.7 - ((pReal - 1) * 2 + pFake * fake), d.parameters()[0], 1e-6, "shared " + shared);
            assertEquals(-0.1 - ((pReal - 1) + pFake), d.parameters()[1], 1e-6, "shared " + shared);
        }
    }

    @Test
    void eachIterationRunsTheConfiguredSteps() {
        Generator g = new Generator(1, 8);
        Discriminator d = new Discriminator(1, 8);
        g.initialize(new Rng(3));
        d.initialize(new Rng(4));
        Optimizer gOpt = new Adam(g, 1e-3);
        Optimizer dOpt = new Adam(d, 1e-3);
        ConstantData data = new ConstantData(1, 1f);
        GanTrainer trainer = new GanTrainer(g, d, gOpt, dOpt, data, TrainingConfig.defaults(8).withSteps(3, 2),
                new Rng(5));
        trainer.iterate();
        trainer.iterate();
        assertEquals(6, dOpt.stepCount());
        assertEquals(4, gOpt.stepCount());
        assertEquals(6, data.calls, "one real batch per discriminator step");
        assertEquals(10, g.trainingForwards, "one fresh fake batch per step of either kind");
        assertEquals(2, trainer.stats().iteration);

        Generator g2 = new Generator(1, 8);
        ConstantData data2 = new ConstantData(1, 1f);
        GanTrainer shared = new GanTrainer(g2, new Discriminator(1, 8), new Adam(g2, 1e-3), new Adam(d, 1e-3), data2,
                TrainingConfig.defaults(8).withGeneratorFirst(true).withSharedFakes(true), new Rng(5));
        shared.iterate();
        assertEquals(1, g2.trainingForwards, "the discriminator reuses the generator step's fakes");
        assertEquals(1, data2.calls);
    }

    @Test
    void nanInTheRealDataStopsBeforeTheDiscriminatorUpdate() {
        Generator g = new Generator(1, 8);
        Discriminator d = new Discriminator(1, 8);
        g.initialize(new Rng(1));
        d.initialize(new Rng(2));
        Optimizer gOpt = new Adam(g, 0.01);
        Optimizer dOpt = new Adam(d, 0.01);
        ConstantData data = new ConstantData(1, 2f);
        GanTrainer trainer = new GanTrainer(g, d, gOpt, dOpt, data, TrainingConfig.defaults(8), new Rng(3));
        for (int k = 0; k < 3; k++) {
            trainer.iterate();
        }
        float[] dBefore = d.parameters().clone();
        float[] gBefore = g.parameters().clone();
        float[][] adamBefore = {dOpt.stateBuffers()[0].clone(), dOpt.stateBuffers()[1].clone()};

        data.value = Float.NaN;
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, trainer::iterate);

        assertTrue(e.getMessage().contains("discriminator loss on real data"), e.getMessage());
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertTrue(e.getMessage().contains("iteration 4"), e.getMessage());
        assertArrayEquals(dBefore, d.parameters(), "no discriminator update was applied");
        assertArrayEquals(adamBefore[0], dOpt.stateBuffers()[0]);
        assertArrayEquals(adamBefore[1], dOpt.stateBuffers()[1]);
        assertEquals(3, dOpt.stepCount());
        assertArrayEquals(gBefore, g.parameters(), "the generator step (after D's) never ran");
        assertEquals(3, gOpt.stepCount());
        assertEquals(3, trainer.stats().iteration);
    }

    @Test
    void nanFakesStopTheDiscriminatorStepHalfwayWithoutAnUpdate() {
        Generator g = new Generator(1, 4);
        g.parameters()[1] = Float.NaN;
        Discriminator d = new Discriminator(1, 4);
        d.parameters()[0] = 0.3f;
        Optimizer dOpt = plainSgd(d);
        GanTrainer trainer = new GanTrainer(g, d, plainSgd(g), dOpt, new ConstantData(1, 2f),
                TrainingConfig.defaults(4), new Rng(1));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, trainer::iterate);
        assertTrue(e.getMessage().contains("discriminator loss on fakes is NaN at iteration 1"), e.getMessage());
        // The real half was already backpropagated into D's gradients, but never applied.
        assertArrayEquals(new float[] {0.3f, 0f}, d.parameters());
        assertEquals(0, dOpt.stepCount());
    }

    @Test
    void aNanGeneratorLossIsReportedAsSuch() {
        Generator g = new Generator(1, 4);
        g.parameters()[0] = 0.5f;
        g.parameters()[1] = Float.NaN;
        Optimizer gOpt = plainSgd(g);
        GanTrainer trainer = new GanTrainer(g, new Discriminator(1, 4), gOpt, plainSgd(g), new ConstantData(1, 2f),
                TrainingConfig.defaults(4).withGeneratorFirst(true), new Rng(1));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, trainer::iterate);
        assertTrue(e.getMessage().contains("generator loss is NaN at iteration 1"), e.getMessage());
        assertEquals(0.5f, g.parameters()[0]);
        assertEquals(0, gOpt.stepCount());
    }

    @Test
    void rejectsABatchLargerThanANetworksMaxBatch() {
        IllegalArgumentException smallG = assertThrows(IllegalArgumentException.class, () -> sgdTrainer(
                new Generator(1, 8), new Discriminator(1, 16), new ConstantData(1, 0f), TrainingConfig.defaults(16)));
        assertTrue(smallG.getMessage().contains("Tiny generator") && smallG.getMessage().contains("at most 8")
                && smallG.getMessage().contains("16"), smallG.getMessage());
        IllegalArgumentException smallD = assertThrows(IllegalArgumentException.class, () -> sgdTrainer(
                new Generator(1, 16), new Discriminator(1, 15), new ConstantData(1, 0f), TrainingConfig.defaults(16)));
        assertTrue(smallD.getMessage().contains("Tiny discriminator") && smallD.getMessage().contains("at most 15"),
                smallD.getMessage());
        sgdTrainer(new Generator(1, 16), new Discriminator(1, 16), new ConstantData(1, 0f), TrainingConfig.defaults(16));
    }

    @Test
    void rejectsMismatchedSizesAndRoles() {
        IllegalArgumentException gd = assertThrows(IllegalArgumentException.class, () -> sgdTrainer(
                new Generator(2, 4), new Discriminator(3, 4), new ConstantData(3, 0f), TrainingConfig.defaults(4)));
        assertTrue(gd.getMessage().contains("sizes do not match"), gd.getMessage());
        IllegalArgumentException data = assertThrows(IllegalArgumentException.class, () -> sgdTrainer(
                new Generator(2, 4), new Discriminator(2, 4), new ConstantData(3, 0f), TrainingConfig.defaults(4)));
        assertTrue(data.getMessage().contains("data has 3"), data.getMessage());

        Discriminator d = new Discriminator(1, 4);
        Generator g = new Generator(1, 4);
        IllegalArgumentException swapped = assertThrows(IllegalArgumentException.class, () -> new GanTrainer(d, g,
                plainSgd(d), plainSgd(g), new ConstantData(1, 0f), TrainingConfig.defaults(4), new Rng(1)));
        assertTrue(swapped.getMessage().contains("expected a generator and a discriminator"), swapped.getMessage());
    }

    @Test
    void putsBothNetworksInTrainingMode() {
        Generator g = new Generator(1, 4);
        Discriminator d = new Discriminator(1, 4);
        g.setTraining(false);
        d.setTraining(false);
        sgdTrainer(g, d, new ConstantData(1, 0f), TrainingConfig.defaults(4));
        assertTrue(g.isTraining());
        assertTrue(d.isTraining());
    }

    /** Generator params, discriminator params, losses and the Rng state after a short run. */
    private static float[][] run(long seed, TrainingConfig config) {
        Rng rng = new Rng(seed);
        Generator g = new Generator(2, 16);
        Discriminator d = new Discriminator(2, 16);
        g.initialize(rng);
        d.initialize(rng);
        GanTrainer trainer = new GanTrainer(g, d, new Adam(g, 0.01), new Adam(d, 0.01), new GaussianData(2, 4f, 1.25f),
                config, rng);
        float[] losses = new float[2 * 30];
        for (int k = 0; k < 30; k++) {
            StepStats stats = trainer.iterate();
            losses[2 * k] = stats.discriminatorLoss;
            losses[2 * k + 1] = stats.generatorLoss;
        }
        long[] state = rng.state();
        float[] stateBits = new float[8];
        for (int k = 0; k < 4; k++) {
            stateBits[2 * k] = Float.intBitsToFloat((int) state[k]);
            stateBits[2 * k + 1] = Float.intBitsToFloat((int) (state[k] >>> 32));
        }
        return new float[][] {g.parameters().clone(), d.parameters().clone(), losses, stateBits};
    }

    @Test
    void sameSeedGivesBitIdenticalRuns() {
        for (TrainingConfig config : new TrainingConfig[] {TrainingConfig.defaults(16).withSteps(2, 1),
                TrainingConfig.defaults(16).withGeneratorFirst(true).withSharedFakes(true)}) {
            float[][] a = run(42, config);
            float[][] b = run(42, config);
            for (int k = 0; k < a.length; k++) {
                // assertArrayEquals on float[] compares bit patterns (floatToIntBits): exact.
                assertArrayEquals(a[k], b[k], "part " + k + " of " + config);
            }
            float[][] other = run(43, config);
            assertFalse(Arrays.equals(a[0], other[0]), "another seed, another generator");
            assertFalse(Arrays.equals(a[1], other[1]), "another seed, another discriminator");
        }
    }
}
