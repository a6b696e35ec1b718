package io.jgan.samples.gaussian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.testing.GradientCheck;
import io.jgan.testing.GradientCheck.Tolerance;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The generated code of the user-extension layer {@code @Moments}, through {@link MomentsProbe}:
 * forward values against a double-precision reference, and the input gradient of each of the
 * eight statistics (two features x mean, std, skewness, kurtosis) against central differences.
 */
class MomentsLayerTest {
    private static final int WIDTH = 2;
    private static final int STATISTICS = 4 * WIDTH;

    /** mean, std, skew, excess kurtosis of feature {@code f} of {@code x}, [n, WIDTH], in double. */
    static double[] reference(float[] x, int n, int f) {
        double mean = 0;
        for (int b = 0; b < n; b++) {
            mean += x[b * WIDTH + f];
        }
        mean /= n;
        double m2 = 0, m3 = 0, m4 = 0;
        for (int b = 0; b < n; b++) {
            double d = x[b * WIDTH + f] - mean;
            m2 += d * d / n;
            m3 += d * d * d / n;
            m4 += d * d * d * d / n;
        }
        double std = Math.sqrt(m2);
        return new double[] {mean, std, m3 / (m2 * std), m4 / (m2 * m2) - 3};
    }

    private static Network probe(int maxBatch) {
        Network d = new MomentsProbe_Discriminator(maxBatch);
        d.initialize(new Rng(1));
        return d;
    }

    /** Makes the read-out return statistic {@code s} unchanged. */
    private static void select(Network d, int s) {
        float[] p = d.parameters();
        java.util.Arrays.fill(p, 0f);
        p[s] = 1f; // the read-out's weight is stored [in, out] = [8, 1]; its bias (index 8) stays 0
    }

    private static float[] sample(int n, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[n * WIDTH];
        for (int k = 0; k < x.length; k++) {
            // Skewed and shifted, so that no statistic is near zero by symmetry.
            double u = rng.nextDouble();
            x[k] = (float) (k % 2 == 0 ? 3 + u * u * 2 : -1 + rng.nextGaussian());
        }
        return x;
    }

    @Test
    void summarisesTheBatchIntoOneSample() {
        Network d = probe(500);
        assertEquals(1, d.outputBatch(500));
        assertEquals(1, d.outputBatch(7));
        assertEquals(STATISTICS, MomentsProbe_Discriminator.INFO.layers().get(0).outputWidth());
    }

    @Test
    void forwardMatchesTheDoubleReference() {
        for (int n : new int[] {2, 7, 500}) {
            float[] x = sample(n, n);
            Network d = probe(n);
            for (int s = 0; s < STATISTICS; s++) {
                select(d, s);
                float got = d.forward(x, n)[0];
                double want = reference(x, n, s / 4)[s % 4];
                assertEquals(want, got, 2e-6 * Math.max(1, Math.abs(want)), "n " + n + ", statistic " + s);
            }
        }
    }

    @Test
    void inputGradientOfEachStatisticMatchesCentralDifferences() {
        for (int n : new int[] {3, 8, 25}) {
            float[] x = sample(n, 100 + n);
            Network d = probe(n);
            for (int s = 0; s < STATISTICS; s++) {
                select(d, s);
                d.forward(x, n);
                d.outputGradient()[0] = 1f;
                float[] analytic = d.backwardToInput().clone();
                double[] numeric = new double[n * WIDTH];
                double eps = 1e-3;
                for (int k = 0; k < n * WIDTH; k++) {
                    float[] plus = x.clone();
                    float[] minus = x.clone();
                    plus[k] += (float) eps;
                    minus[k] -= (float) eps;
                    // Differences of the double reference: float outputs would drown them in rounding.
                    double h = (double) plus[k] - minus[k];
                    numeric[k] = (reference(plus, n, s / 4)[s % 4] - reference(minus, n, s / 4)[s % 4]) / h;
                }
                GradientCheck.compare("d statistic " + s + " / dx, n = " + n, Arrays.copyOf(analytic, n * WIDTH),
                        numeric, k -> "x[" + k / WIDTH + ", " + k % WIDTH + "]", new Tolerance(1e-4, 1e-3)).orThrow();
            }
        }
    }

    @Test
    void aConstantBatchHasZeroSpreadAndNoNaN() {
        int n = 5;
        float[] x = new float[n * WIDTH];
        java.util.Arrays.fill(x, 2.5f);
        Network d = probe(n);
        float[] stats = new float[STATISTICS];
        for (int s = 0; s < STATISTICS; s++) {
            select(d, s);
            stats[s] = d.forward(x, n)[0];
            d.outputGradient()[0] = 1f;
            for (float g : d.backwardToInput()) {
                assertEquals(false, Float.isNaN(g), "statistic " + s);
            }
        }
        assertArrayEquals(new float[] {2.5f, 0, 0, 0, 2.5f, 0, 0, 0}, stats);
    }
}
