package io.jgan.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.testing.GradientCheck.Numeric;
import io.jgan.testing.GradientCheck.Result;
import io.jgan.testing.GradientCheck.Tolerance;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checker on hand-written functions (generated networks are checked in the processor's tests):
 * central differences match known derivatives, wrong gradients fail with a report naming the first
 * bad entry, and kinks of LeakyReLU and ELU are skipped rather than failed.
 */
class GradientCheckTest {
    /** {@code L = sum_k k * x_k^3}, dL/dx_k = 3 k x_k^2. */
    @Test
    void centralDifferencesMatchAKnownDerivative() {
        float[] x = {0.5f, -0.3f, 0.9f, -1.7f, 12f};
        Numeric numeric = GradientCheck.centralDifferences(x, () -> {
            double l = 0;
            for (int k = 0; k < x.length; k++) {
                l += k * Math.pow(x[k], 3);
            }
            return l;
        }, List.of());

        for (int k = 0; k < x.length; k++) {
            double exact = 3.0 * k * x[k] * x[k];
            assertEquals(exact, numeric.gradient()[k], 1e-5 * (1 + Math.abs(exact)), "entry " + k);
        }
        assertEquals(12f, x[4], "values are restored");
    }

    @Test
    void aWrongEntryFailsAndTheReportNamesTheFirstBadOneAndTheMaxDifference() {
        float[] analytic = {1f, 2f, 3.5f, 4f, 9f};
        double[] numeric = {1, 2, 3, 4, 5};

        Result result = GradientCheck.compare("dL/dx", analytic, numeric, k -> "x[" + k + "]");

        assertFalse(result.ok());
        assertEquals(2, result.bad());
        assertEquals(2, result.firstBad());
        assertEquals(4.0, result.maxDifference(), 1e-12);
        AssertionError error = assertThrows(AssertionError.class, result::orThrow);
        assertTrue(error.getMessage().startsWith("dL/dx: NOT OK, 2 of 5 entries bad; 5 entries, "
                + "max |analytic - numeric| = 4.00 at x[4]; first bad: x[2], analytic 3.50000, numeric 3.00000"),
                error::getMessage);
    }

    @Test
    void aGradientOnePercentWithinTheDefaultPassesAndTwoPercentOffFails() {
        float[] analytic = {0.5f, -0.8f, 0.3f};
        double[] exact = {0.5, -0.8, 0.3};
        float[] scaled = analytic.clone();
        for (int k = 0; k < scaled.length; k++) {
            scaled[k] *= 1.02f;
        }

        assertTrue(GradientCheck.compare("exact", analytic, exact, k -> "" + k).ok());
        assertFalse(GradientCheck.compare("scaled", scaled, exact, k -> "" + k).ok());
        assertTrue(GradientCheck.compare("scaled", scaled, Numeric.of(exact), k -> "" + k, new Tolerance(0, 0.03)).ok());
    }

    @Test
    void allZeroGradientsProveNothing() {
        Result zero = GradientCheck.compare("zero", new float[3], new double[3], k -> "" + k);

        assertTrue(zero.ok());
        AssertionError error = assertThrows(AssertionError.class, zero::requireNonZero);
        assertTrue(error.getMessage().endsWith("every gradient is about 0, so the check proves nothing"),
                error::getMessage);
    }

    /**
     * LeakyReLU with slope 0.2 on {@code z = w * x}: with one w close enough to 0 that the step flips
     * z's sign, its central difference averages both slopes and would fail; the watched buffer marks it.
     */
    @Test
    void aLeakyReluKinkIsSkippedNotFailed() {
        float[] w = {0.8f, -0.5f, 0.0004f, 1.2f, -0.3f, 0.6f, 0.7f, -0.9f, 0.4f, 0.25f, -0.45f};
        float[] z = new float[w.length];
        Runnable forward = () -> {
            for (int k = 0; k < w.length; k++) {
                z[k] = w[k] * 1.5f;
            }
        };
        Numeric numeric = GradientCheck.centralDifferences(w, () -> {
            forward.run();
            double l = 0;
            for (float v : z) {
                l += v > 0 ? v : 0.2 * v;
            }
            return l;
        }, List.of(z));
        float[] analytic = new float[w.length];
        for (int k = 0; k < w.length; k++) {
            analytic[k] = w[k] > 0 ? 1.5f : 0.3f;
        }

        assertTrue(numeric.crossedKink()[2]);
        assertEquals(1, count(numeric.crossedKink()));
        assertFalse(GradientCheck.compare("unwatched", analytic, numeric.gradient(), k -> "w[" + k + "]").ok());
        Result result = GradientCheck.compare("leaky", analytic, numeric, k -> "w[" + k + "]");
        assertTrue(result.ok(), result::report);
        assertTrue(result.report().endsWith("; 1 entries across a kink, not compared"), result::report);
    }

    /** ELU with alpha 0.5 has a kink at 0 too (slope 0.5 on the left, 1 on the right). */
    @Test
    void anEluKinkWithAlphaNotOneIsSkippedButTooManyFail() {
        float[] x = {0.0002f, -0.0003f, 0.0001f, 0.5f};
        Numeric numeric = GradientCheck.centralDifferences(x, () -> {
            double l = 0;
            for (float v : x) {
                l += v > 0 ? v : 0.5 * Math.expm1(v);
            }
            return l;
        }, List.of(x));
        float[] analytic = {1f, 0.5f, 1f, 1f};

        Result result = GradientCheck.compare("elu", analytic, numeric, k -> "x[" + k + "]");

        assertEquals(3, count(numeric.crossedKink()));
        assertFalse(result.ok());
        assertTrue(result.report().contains("3 entries across a kink, not compared (more than a tenth"),
                result::report);
    }

    @Test
    void badArgumentsAreRefusedWithAMessage() {
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.compare("x", new float[2], new double[3], k -> "" + k));
        assertEquals("x: analytic has 2 entries, numeric 3", lengths.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Tolerance(0, Double.NaN));
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
