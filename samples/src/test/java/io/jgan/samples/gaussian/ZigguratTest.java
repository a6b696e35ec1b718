package io.jgan.samples.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ZigguratTest {

    @Test
    void drawsAStandardNormal() {
        int n = 1_000_000;
        Rng rng = new Rng(11);
        float[] v = new float[n];
        int tail = 0;
        for (int k = 0; k < n; k++) {
            double x = Ziggurat.next(rng);
            v[k] = (float) x;
            tail += Math.abs(x) > 3.442619855899 ? 1 : 0;
        }
        GaussianGan.Fit fit = GaussianGan.Fit.of(v, n, new GaussianData(0, 1));
        assertEquals(0, fit.mean(), 0.005);
        assertEquals(1, fit.std(), 0.003);
        assertEquals(0, fit.skew(), 0.02);
        assertEquals(0, fit.kurtosis(), 0.03);
        // 1.36 / sqrt(n) is the 5% critical value of the KS distance.
        assertTrue(fit.ks() < 1.36 / Math.sqrt(n), "KS distance " + fit.ks());
        // P(|x| > R) = 5.76e-4: the tail algorithm is used and right.
        assertEquals(576, tail, 4 * Math.sqrt(576));
    }

    @Test
    void isDeterministicForASeed() {
        float[] a = new float[1000];
        float[] b = new float[1000];
        new GaussianData().next(a, 1000, new Rng(4));
        new GaussianData().next(b, 1000, new Rng(4));
        assertTrue(Arrays.equals(a, b));
    }
}
