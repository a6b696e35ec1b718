package io.jgan.runtime.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.Rng;
import io.jgan.runtime.loss.GanLoss.Term;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Each loss's value and gradient against PyTorch, on scores that include the hinge margins and
 * magnitudes (40, 100) where a naive formula overflows or a float sigmoid saturates. The reference
 * values come from {@code runtime/src/test/python/gan_losses_reference.py}. Finite-difference checks
 * of the same gradients are in jgan-testing's {@code GanLossGradientTest}.
 */
class GanLossTest {
    // PyTorch 1.13.0a0
    static final float[] X = {0.3f, -1.2f, 2.5f, -0.7f, 1.0f, -1.0f, 0.999f, -0.999f, 40.0f, -40.0f, 100.0f, -100.0f};
    // LOGITS_1_0
    static final float LOGITS_1_0_LOSS = 12.204358100891113f;
    static final float[] LOGITS_1_0_GRAD = {-0.0354631245136261f, -0.06404373049736023f, -0.006321514490991831f, -0.055682312697172165f, -0.022411784157156944f, -0.060921549797058105f, -0.022428175434470177f, -0.06090515851974487f, 0.0f, -0.0833333358168602f, 0.0f, -0.0833333358168602f};
    // LSGAN_1_0
    static final float LSGAN_1_0_LOSS = 1935.20556640625f;
    static final float[] LSGAN_1_0_GRAD = {-0.11666666716337204f, -0.36666667461395264f, 0.25f, -0.28333336114883423f, 0.0f, -0.3333333432674408f, -0.00016666452575009316f, -0.3331666886806488f, 6.5f, -6.833333492279053f, 16.5f, -16.83333396911621f};
    // LOGITS_0_0
    static final float LOGITS_0_0_LOSS = 12.27935791015625f;
    static final float[] LOGITS_0_0_GRAD = {0.0478702075779438f, 0.01928960159420967f, 0.07701181620359421f, 0.027651019394397736f, 0.060921549797058105f, 0.022411786019802094f, 0.06090515851974487f, 0.022428171709179878f, 0.0833333358168602f, 3.5402950231175693e-19f, 0.0833333358168602f, 0.0f};
    // LSGAN_0_0
    static final float LSGAN_0_0_LOSS = 1934.35546875f;
    static final float[] LSGAN_0_0_GRAD = {0.05000000447034836f, -0.20000001788139343f, 0.4166666865348816f, -0.11666666716337204f, 0.1666666716337204f, -0.1666666716337204f, 0.1665000021457672f, -0.1665000021457672f, 6.6666669845581055f, -6.6666669845581055f, 16.666667938232422f, -16.666667938232422f};
    // LOGITS_0_9
    static final float LOGITS_0_9_LOSS = 12.211857795715332f;
    static final float[] LOGITS_0_9_GRAD = {-0.02712978981435299f, -0.05571039393544197f, 0.002011820673942566f, -0.047348976135253906f, -0.01407844852656126f, -0.05258821323513985f, -0.014094839803874493f, -0.052571821957826614f, 0.008333335630595684f, -0.07499999552965164f, 0.008333335630595684f, -0.07499999552965164f};
    // LSGAN_0_9
    static final float LSGAN_0_9_LOSS = 1935.0303955078125f;
    static final float[] LSGAN_0_9_GRAD = {-0.09999999403953552f, -0.3499999940395355f, 0.2666666805744171f, -0.2666666507720947f, 0.016666671261191368f, -0.3166666626930237f, 0.01650000736117363f, -0.3165000081062317f, 6.516666412353516f, -6.816667079925537f, 16.516666412353516f, -16.816667556762695f};
    // HINGE_REAL
    static final float HINGE_REAL_LOSS = 12.549999237060547f;
    static final float[] HINGE_REAL_GRAD = {-0.0833333358168602f, -0.0833333358168602f, -0.0f, -0.0833333358168602f, -0.0f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0f, -0.0833333358168602f, -0.0f, -0.0833333358168602f};
    // HINGE_FAKE
    static final float HINGE_FAKE_LOSS = 12.591667175292969f;
    static final float[] HINGE_FAKE_GRAD = {0.0833333358168602f, 0.0f, 0.0833333358168602f, 0.0833333358168602f, 0.0833333358168602f, 0.0f, 0.0833333358168602f, 0.0833333358168602f, 0.0833333358168602f, 0.0f, 0.0833333358168602f, 0.0f};
    // HINGE_GENERATOR
    static final float HINGE_GENERATOR_LOSS = -0.07499999552965164f;
    static final float[] HINGE_GENERATOR_GRAD = {-0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f};
    // WGAN_REAL
    static final float WGAN_REAL_LOSS = -0.07499999552965164f;
    static final float[] WGAN_REAL_GRAD = {-0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f, -0.0833333358168602f};
    // WGAN_FAKE
    static final float WGAN_FAKE_LOSS = 0.07499999552965164f;
    static final float[] WGAN_FAKE_GRAD = {0.0833333358168602f, 0.0833333358168602f, 0.0833333358168602f, 0.0833333358168602f, 0.0833333358168602f, 0.0833333358168602f, 0.0833333358168602f, 0.0833333358168602f, 0.0833333358168602f, 0.0833333358168602f, 0.0833333358168602f, 0.0833333358168602f};

    private static final int N = X.length;

    /**
     * Values: PyTorch sums in float32 and jgan in double, so the last bits may differ. Gradients are
     * per element: at most two units in the last place (PyTorch's vectorised exp and ours round
     * differently), or exactly 0 where PyTorch's is 0 (the hinge's flat side).
     */
    private static void assertMatches(String what, GanLoss loss, Term term, float label, float expectedLoss,
            float[] expectedGradient) {
        float actual = loss.loss(term, label, X.clone(), N);
        assertEquals(expectedLoss, actual, 2e-6 * Math.abs(expectedLoss), what + " loss");
        float[] gradient = new float[N + 2];
        Arrays.fill(gradient, 42f);
        loss.gradient(term, label, 1f, X.clone(), N, gradient);
        for (int k = 0; k < N; k++) {
            float e = expectedGradient[k];
            float tolerance = e == 0f ? 0f : 2 * Math.ulp(e);
            assertEquals(e, gradient[k], tolerance, what + " gradient at x = " + X[k]);
        }
        assertEquals(42f, gradient[N], what + ": writes only n entries");
    }

    @Test
    void bceOnLogitsMatchesPyTorchForEveryTermAndLabel() {
        GanLoss loss = GanLoss.bceWithLogits();
        for (Term term : Term.values()) {
            assertMatches("logits y=1 " + term, loss, term, 1f, LOGITS_1_0_LOSS, LOGITS_1_0_GRAD);
            assertMatches("logits y=0 " + term, loss, term, 0f, LOGITS_0_0_LOSS, LOGITS_0_0_GRAD);
            assertMatches("logits y=0.9 " + term, loss, term, 0.9f, LOGITS_0_9_LOSS, LOGITS_0_9_GRAD);
        }
    }

    @Test
    void bceOnLogitsIsFiniteAndKeepsItsGradientWhereTheSigmoidSaturates() {
        GanLoss logits = GanLoss.bceWithLogits();
        float[] far = {-1e4f, -200f, 200f, 1e4f};
        float loss = logits.loss(Term.GENERATOR, 1f, far, 4);
        assertTrue(Float.isFinite(loss), "loss " + loss);
        assertEquals((1e4 + 200) / 4, loss, 1e-3);
        float[] g = new float[4];
        logits.gradient(Term.GENERATOR, 1f, 1f, far, 4, g);
        // A generator whose fakes are scored -10000 still gets the full gradient -1/n.
        assertEquals(-0.25f, g[0]);
        assertEquals(-0.25f, g[1]);
        assertEquals(0f, g[3]);
    }

    @Test
    void leastSquaresMatchesPyTorchsMse() {
        GanLoss loss = GanLoss.leastSquares();
        for (Term term : Term.values()) {
            assertMatches("lsgan y=1 " + term, loss, term, 1f, LSGAN_1_0_LOSS, LSGAN_1_0_GRAD);
            assertMatches("lsgan y=0 " + term, loss, term, 0f, LSGAN_0_0_LOSS, LSGAN_0_0_GRAD);
            assertMatches("lsgan y=0.9 " + term, loss, term, 0.9f, LSGAN_0_9_LOSS, LSGAN_0_9_GRAD);
        }
    }

    @Test
    void hingeMatchesPyTorchIncludingZeroGradientAtTheMargin() {
        GanLoss loss = GanLoss.hinge();
        // Labels are ignored: the same values for any label.
        for (float label : new float[] {1f, 0f, 0.3f}) {
            assertMatches("hinge real", loss, Term.REAL, label, HINGE_REAL_LOSS, HINGE_REAL_GRAD);
            assertMatches("hinge fake", loss, Term.FAKE, label, HINGE_FAKE_LOSS, HINGE_FAKE_GRAD);
            assertMatches("hinge generator", loss, Term.GENERATOR, label, HINGE_GENERATOR_LOSS,
                    HINGE_GENERATOR_GRAD);
        }
    }

    @Test
    void wassersteinMatchesPyTorch() {
        GanLoss loss = GanLoss.wasserstein();
        assertMatches("wgan real", loss, Term.REAL, 1f, WGAN_REAL_LOSS, WGAN_REAL_GRAD);
        assertMatches("wgan fake", loss, Term.FAKE, 0f, WGAN_FAKE_LOSS, WGAN_FAKE_GRAD);
        assertMatches("wgan generator", loss, Term.GENERATOR, 1f, WGAN_REAL_LOSS, WGAN_REAL_GRAD);
    }

    @Test
    void bceIsTheSeedsBinaryCrossEntropyBitForBit() {
        float[] p = {0.9f, 0.2f, 0.5f, 1e-3f, 0.999f};
        GanLoss bce = GanLoss.bce();
        for (float label : new float[] {1f, 0f, 0.98f, 0.02f}) {
            for (Term term : Term.values()) {
                assertEquals(BinaryCrossEntropy.loss(p, 5, label), bce.loss(term, label, p, 5));
                float[] expected = new float[5];
                float[] actual = new float[5];
                BinaryCrossEntropy.gradient(p, 5, label, 0.5f, expected);
                bce.gradient(term, label, 0.5f, p, 5, actual);
                assertTrue(Arrays.equals(expected, actual), term + " label " + label);
            }
        }
        assertEquals(BinaryCrossEntropy.mean(p, 5), bce.meanScore(p, 5));
    }

    @Test
    void scaleMultipliesEveryGradient() {
        for (String name : GanLoss.names()) {
            GanLoss loss = GanLoss.byName(name);
            float[] x = name.equals("bce") ? new float[] {0.3f, 0.8f, 0.6f} : new float[] {0.3f, -1.8f, 2.6f};
            for (Term term : Term.values()) {
                float[] full = new float[3];
                float[] half = new float[3];
                loss.gradient(term, 1f, 1f, x, 3, full);
                loss.gradient(term, 1f, 0.5f, x, 3, half);
                for (int k = 0; k < 3; k++) {
                    assertEquals(full[k] / 2, half[k], name + " " + term);
                }
            }
        }
    }

    @Test
    void meanScoreIsAProbabilityForTheCrossEntropiesAndTheRawMeanOtherwise() {
        float[] x = {0f, 2f, -2f, 4f};
        double expected = (0.5 + 1 / (1 + Math.exp(-2)) + 1 / (1 + Math.exp(2)) + 1 / (1 + Math.exp(-4))) / 4;
        assertEquals(expected, GanLoss.bceWithLogits().meanScore(x, 4), 1e-7);
        for (GanLoss raw : new GanLoss[] {GanLoss.leastSquares(), GanLoss.hinge(), GanLoss.wasserstein()}) {
            assertEquals(1f, raw.meanScore(x, 4), raw.name());
        }
    }

    @Test
    void wassersteinClipsTheCriticsParametersAfterItsStep() {
        Network critic = new Network(new NetworkInfo("test.Critic", NetworkInfo.Role.DISCRIMINATOR, 1, 1, 5, List.of(),
                null), 1, true) {
            @Override
            protected void forwardLayers(int batch) {}

            @Override
            protected void backwardParameterLayers(int batch) {}

            @Override
            protected void initializeLayers(Rng rng) {}
        };
        System.arraycopy(new float[] {0.5f, -0.02f, 0.005f, -0.003f, 0.01f}, 0, critic.parameters(), 0, 5);
        GanLoss.wasserstein().afterDiscriminatorStep(critic);
        assertTrue(Arrays.equals(new float[] {0.01f, -0.01f, 0.005f, -0.003f, 0.01f}, critic.parameters()),
                Arrays.toString(critic.parameters()));
        GanLoss.wasserstein(0.004).afterDiscriminatorStep(critic);
        assertTrue(Arrays.equals(new float[] {0.004f, -0.004f, 0.004f, -0.003f, 0.004f}, critic.parameters()),
                Arrays.toString(critic.parameters()));
        for (GanLoss other : new GanLoss[] {GanLoss.bce(), GanLoss.bceWithLogits(), GanLoss.hinge(),
                GanLoss.leastSquares()}) {
            other.afterDiscriminatorStep(critic);
        }
        assertEquals(0.004f, critic.parameters()[0], "only the Wasserstein loss clips");
    }

    @Test
    void byNameKnowsEveryLossAndListsTheChoicesOtherwise() {
        assertEquals(List.of("bce", "bce-logits", "lsgan", "hinge", "wgan"), GanLoss.names());
        for (String name : GanLoss.names()) {
            assertEquals(name, GanLoss.byName(name).name());
            assertEquals(name, GanLoss.byName(name).toString());
            assertEquals(GanLoss.byName(name), GanLoss.byName(" " + name.toUpperCase(Locale.ROOT)));
        }
        assertEquals(GanLoss.wasserstein(0.01), GanLoss.byName("wgan"));
        assertEquals("wgan(clip=0.05)", GanLoss.wasserstein(0.05).toString());
        assertTrue(GanLoss.bce().readsProbabilities());
        assertFalse(GanLoss.byName("bce-logits").readsProbabilities());
        assertTrue(GanLoss.leastSquares().usesLabels());
        assertFalse(GanLoss.hinge().usesLabels());
        assertFalse(GanLoss.wasserstein().usesLabels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GanLoss.byName("wasserstein"));
        assertEquals("unknown loss 'wasserstein'; choose one of bce, bce-logits, lsgan, hinge, wgan", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GanLoss.byName(null));
        IllegalArgumentException clip = assertThrows(IllegalArgumentException.class, () -> GanLoss.wasserstein(0));
        assertEquals("wgan: the clipping bound must be a finite number > 0, was 0.0 (the WGAN paper uses 0.01)",
                clip.getMessage());
    }
}
