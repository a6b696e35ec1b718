package io.jgan.runtime.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinaryCrossEntropyTest {
    private static final float[] P = {0.9f, 0.2f, 0.5f, 1e-3f};

    /** PyTorch's per-sample BCE, in double, each log clamped at -100. */
    private static double byHand(double p, double y) {
        return -(y * Math.max(Math.log(p), -100) + (1 - y) * Math.max(Math.log(1 - p), -100));
    }

    @Test
    void lossIsTheMeanOfTheFormula() {
        for (float y : new float[] {1f, 0f, 0.98f, 0.5f}) {
            double expected = 0;
            for (float p : P) {
                expected += byHand(p, y) / P.length;
            }
            assertEquals(expected, BinaryCrossEntropy.loss(P, P.length, y), 1e-5 * expected, "label " + y);
        }
        // Literal values from PyTorch 1.13: F.binary_cross_entropy(torch.tensor(P), torch.full((4,), y)).
        // PyTorch sums in float32 and jgan in double, so the last bit may differ (2.3289254 here).
        assertEquals(2.3289251f, BinaryCrossEntropy.loss(P, 4, 1f), 1e-6f);
        assertEquals(0.804969f, BinaryCrossEntropy.loss(P, 4, 0f), 1e-6f);
        assertEquals(2.2984462f, BinaryCrossEntropy.loss(P, 4, 0.98f), 1e-6f);
        // A single sample, worked out: -ln(0.5) for any label.
        assertEquals((float) Math.log(2), BinaryCrossEntropy.loss(new float[] {0.5f}, 1, 0.3f), 1e-7f);
    }

    @Test
    void onlyTheFirstNPredictionsCount() {
        float[] p = {0.9f, 0.2f, 0f, Float.NaN};
        assertEquals((float) ((byHand(0.9f, 1) + byHand(0.2f, 1)) / 2), BinaryCrossEntropy.loss(p, 2, 1f), 1e-6f);
        assertEquals(0.55f, BinaryCrossEntropy.mean(p, 2), 1e-7f);
    }

    @Test
    void eachLogIsClampedAtMinus100() {
        float[] zero = {0f};
        float[] one = {1f};
        assertEquals(100f, BinaryCrossEntropy.loss(zero, 1, 1f)); // -log(0) would be infinite
        assertEquals(100f, BinaryCrossEntropy.loss(one, 1, 0f)); // -log(1 - 1) likewise
        assertEquals(0f, BinaryCrossEntropy.loss(zero, 1, 0f));
        assertEquals(0f, BinaryCrossEntropy.loss(one, 1, 1f));
        assertEquals(50f, BinaryCrossEntropy.loss(zero, 1, 0.5f));
        assertEquals(50f, BinaryCrossEntropy.loss(new float[] {0f, 1f}, 2, 1f));
        // Very small but positive p: the clamp applies from log(p) < -100, i.e. p < e^-100 ~ 3.7e-44.
        assertEquals(100f, BinaryCrossEntropy.loss(new float[] {Float.MIN_VALUE}, 1, 1f));
        assertEquals(-Math.log(1e-30), BinaryCrossEntropy.loss(new float[] {1e-30f}, 1, 1f), 1e-4);
    }

    @Test
    void nanPredictionsGiveANanLoss() {
        assertTrue(Float.isNaN(BinaryCrossEntropy.loss(new float[] {0.5f, Float.NaN}, 2, 1f)));
    }

    @Test
    void gradientIsTheFormulaScaledAndDividedByN() {
        float[] dst = new float[P.length];
        for (float y : new float[] {1f, 0f, 0.98f}) {
            for (float scale : new float[] {1f, 0.5f}) {
                BinaryCrossEntropy.gradient(P, P.length, y, scale, dst);
                for (int k = 0; k < P.length; k++) {
                    double p = P[k];
                    double expected = scale * (p - y) / Math.max((1 - p) * p, 1e-12) / P.length;
                    assertEquals(expected, dst[k], 1e-6 * Math.abs(expected), "p " + p + ", label " + y);
                }
            }
        }
        // Literal values from PyTorch 1.13: torch.autograd.grad of the loss above with respect to P;
        // reproduced bit for bit, so the comparison is exact.
        BinaryCrossEntropy.gradient(P, 4, 1f, 1f, dst);
        assertArrayEquals(new float[] {-0.2777778f, -1.2499999f, -0.5f, -250.0f}, dst);
        BinaryCrossEntropy.gradient(P, 4, 0f, 1f, dst);
        assertArrayEquals(new float[] {2.4999995f, 0.31249997f, 0.5f, 0.25025025f}, dst);
        BinaryCrossEntropy.gradient(P, 4, 0.98f, 1f, dst);
        assertArrayEquals(new float[] {-0.2222223f, -1.21875f, -0.48000002f, -244.995f}, dst);
    }

    @Test
    void gradientDenominatorIsClampedAt1eMinus12() {
        float[] dst = new float[2];
        BinaryCrossEntropy.gradient(new float[] {0f, 1f}, 2, 1f, 1f, dst);
        assertEquals(-1e12 / 2, dst[0], 1e12 * 1e-6); // (0 - 1) / 1e-12 / 2
        assertEquals(0f, dst[1]);
        BinaryCrossEntropy.gradient(new float[] {1f, 0f}, 2, 0f, 0.5f, dst);
        assertEquals(0.5 * 1e12 / 2, dst[0], 1e12 * 1e-6);
        assertEquals(0f, dst[1]);
    }

    @Test
    void gradientWritesOnlyTheFirstN() {
        float[] dst = {9f, 9f, 9f};
        BinaryCrossEntropy.gradient(new float[] {0.5f, 0.5f, 0.5f}, 2, 1f, 1f, dst);
        assertArrayEquals(new float[] {-1f, -1f, 9f}, dst); // (0.5 - 1) / 0.25 / 2
    }

    @Test
    void gradientMatchesFiniteDifferencesOfTheLoss() {
        float[] p = {0.05f, 0.3f, 0.5f, 0.71f, 0.95f};
        float[] grad = new float[p.length];
        float h = 1e-3f;
        for (float y : new float[] {0f, 1f, 0.9f}) {
            for (float scale : new float[] {1f, 0.5f}) {
                BinaryCrossEntropy.gradient(p, p.length, y, scale, grad);
                for (int k = 0; k < p.length; k++) {
                    float[] plus = p.clone();
                    float[] minus = p.clone();
                    plus[k] += h;
                    minus[k] -= h;
                    double numeric = scale * ((double) BinaryCrossEntropy.loss(plus, p.length, y)
                            - BinaryCrossEntropy.loss(minus, p.length, y)) / (plus[k] - minus[k]);
                    assertEquals(numeric, grad[k], 2e-3 * Math.abs(numeric) + 1e-3,
                            "p " + p[k] + ", label " + y + ", scale " + scale);
                }
            }
        }
    }

    @Test
    void meanIsTheAverageScore() {
        assertEquals(0.4f, BinaryCrossEntropy.mean(new float[] {0.1f, 0.7f, 0.4f}, 3), 1e-7f);
    }
}
