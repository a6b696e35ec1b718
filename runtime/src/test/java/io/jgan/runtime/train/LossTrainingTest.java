package io.jgan.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.loss.GanLoss;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.optim.Optimizer;
import io.jgan.runtime.optim.RmsProp;
import io.jgan.runtime.train.Tiny.ConstantData;
import io.jgan.runtime.train.Tiny.GaussianData;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every loss trains: a generator x = w z + b (z ~ N(0, 1)) learns real data N(2, 0.5) against a
 * discriminator that fits the loss (logistic regression with a sigmoid for bce, without for the
 * others). Against a linear discriminator the generator's mean circles the data's mean rather than
 * settling on it (the "Dirac GAN" of Mescheder et al. 2018), so the test asks that it come within 0.1
 * of it, from at least 1 away; a loss with a wrong sign or a lost gradient never gets there.
 */
class LossTrainingTest {
    private static final float REAL_MEAN = 2f;
    private static final float REAL_STD = 0.5f;
    private static final int BATCH = 64;

    @ParameterizedTest
    @ValueSource(strings = {"bce", "bce-logits", "lsgan", "hinge", "wgan"})
    void eachLossMovesTheGeneratorsMeanOntoTheData(String name) {
        GanLoss loss = GanLoss.byName(name);
        for (long seed = 1; seed <= 3; seed++) {
            Rng rng = new Rng(seed);
            Tiny.Generator g = new Tiny.Generator(1, BATCH);
            Network d = loss.readsProbabilities() ? new Tiny.Discriminator(1, BATCH) : new Tiny.Critic(1, BATCH);
            g.initialize(rng);
            d.initialize(rng);
            float startMean = g.parameters()[1];
            TrainingConfig config = TrainingConfig.defaults(BATCH).withLoss(loss);
            Optimizer gOpt;
            Optimizer dOpt;
            int iterations;
            if (name.equals("wgan")) {
                // The WGAN paper's recipe: RMSprop, 5 critic steps per generator step.
                config = config.withSteps(5, 1);
                gOpt = new RmsProp(g, 1e-2);
                dOpt = new RmsProp(d, 1e-2);
                iterations = 1000;
            } else {
                gOpt = new Adam(g, 1e-2, 0.5, 0.999);
                dOpt = new Adam(d, 1e-2, 0.5, 0.999);
                iterations = 1000;
            }
            GanTrainer trainer = new GanTrainer(g, d, gOpt, dOpt, new GaussianData(1, REAL_MEAN, REAL_STD), config,
                    rng);
            float closest = Float.POSITIVE_INFINITY;
            int reached = -1;
            for (int k = 0; k < iterations && reached < 0; k++) {
                trainer.iterate();
                closest = Math.min(closest, Math.abs(g.parameters()[1] - REAL_MEAN));
                reached = closest < 0.1f ? k + 1 : -1;
            }
            float mean = g.parameters()[1];
            float std = Math.abs(g.parameters()[0]);
            System.out.printf(Locale.ROOT, "%s seed %d: mean %.3f -> %.3f (std %.3f) after %d iterations; %s%n", name,
                    seed, startMean, mean, std, reached, trainer.stats());
            assertTrue(Math.abs(startMean - REAL_MEAN) > 1, "starts away from the data: " + startMean);
            assertTrue(reached > 0, name + " seed " + seed + ": the generator's mean came no closer than " + closest
                    + " to the data's in " + iterations + " iterations");
            if (name.equals("wgan")) {
                for (float p : d.parameters()) {
                    assertTrue(Math.abs(p) <= 0.01f, "the critic's weights are clipped: " + p);
                }
            }
        }
    }

    /**
     * BCE on logits is BCE after a sigmoid, computed without the sigmoid's rounding: the logistic
     * discriminator with bce and the same discriminator without its sigmoid with bce-logits, from the
     * same start, train the same run up to float rounding.
     */
    @Test
    void bceOnLogitsTrainsAsBceAfterASigmoid() {
        float[][] results = new float[2][];
        float start = 0;
        for (int run = 0; run < 2; run++) {
            Rng rng = new Rng(11);
            Tiny.Generator g = new Tiny.Generator(2, BATCH);
            Network d = run == 0 ? new Tiny.Discriminator(2, BATCH) : new Tiny.Critic(2, BATCH);
            g.initialize(rng);
            d.initialize(rng);
            start = g.parameters()[1];
            TrainingConfig config = TrainingConfig.defaults(BATCH).withLabels(0.9f, 0f, 1f)
                    .withLoss(run == 0 ? GanLoss.bce() : GanLoss.bceWithLogits());
            GanTrainer trainer = new GanTrainer(g, d, new Adam(g, 1e-2), new Adam(d, 1e-2),
                    new GaussianData(2, REAL_MEAN, REAL_STD), config, rng);
            for (int k = 0; k < 100; k++) {
                trainer.iterate();
            }
            results[run] = new float[] {g.parameters()[0], g.parameters()[1], d.parameters()[0], d.parameters()[1],
                d.parameters()[2], trainer.stats().realScore, trainer.stats().fakeScore};
        }
        for (int k = 0; k < results[0].length; k++) {
            assertEquals(results[0][k], results[1][k], 1e-4, "value " + k);
        }
        assertTrue(Math.abs(results[0][1] - start) > 0.2, "the generator moved: " + start + " -> " + results[0][1]);
    }

    @Test
    void aDiscriminatorWithoutASigmoidIsRefusedForBce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer(new Tiny.Critic(1, BATCH), GanLoss.bce()));
        assertEquals("the bce loss reads probabilities but Tiny discriminator ends in 'layer' Linear(): end it with a"
                + " @Sigmoid layer, or use the loss bce-logits, which takes raw scores", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lsgan", "hinge", "wgan"})
    void aDiscriminatorWithASigmoidIsRefusedForTheLossesOnRawScores(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer(new Tiny.Discriminator(1, BATCH), GanLoss.byName(name)));
        assertEquals("the " + name + " loss reads raw scores but Tiny discriminator ends in 'probability' Sigmoid:"
                + " remove that @Sigmoid layer, or use the loss bce", e.getMessage());
    }

    @Test
    void bceOnLogitsAfterASigmoidSaysItAppliesTheSigmoidItself() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer(new Tiny.Discriminator(1, BATCH), GanLoss.bceWithLogits()));
        assertEquals("the bce-logits loss reads raw scores but Tiny discriminator ends in 'probability' Sigmoid:"
                + " remove that @Sigmoid layer (bce-logits applies the sigmoid itself), or use the loss bce",
                e.getMessage());
    }

    @Test
    void labelSmoothingWithALossWithoutLabelsIsRefused() {
        TrainingConfig smoothed = TrainingConfig.defaults(BATCH).withLabels(0.9f, 0f, 1f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> smoothed.withLoss(GanLoss.wasserstein()));
        assertEquals("the wgan loss has no labels, so label smoothing (0.9, 0.0, 1.0) would do nothing: keep the"
                + " labels 1, 0, 1 or use a loss with labels (bce, bce-logits, lsgan)", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.defaults(BATCH).withLoss(GanLoss.hinge()).withLabels(1f, 0.1f, 1f));
        assertEquals(GanLoss.leastSquares(), smoothed.withLoss(GanLoss.leastSquares()).loss());
        assertEquals(GanLoss.bce(), TrainingConfig.defaults(BATCH).loss(), "the default is the seeds' loss");
    }

    private static GanTrainer trainer(Network d, GanLoss loss) {
        Tiny.Generator g = new Tiny.Generator(1, BATCH);
        return new GanTrainer(g, d, new Adam(g, 1e-3), new Adam(d, 1e-3), new ConstantData(1, 1f),
                TrainingConfig.defaults(BATCH).withLoss(loss), new Rng(1));
    }
}
