package io.jgan.runtime.generated;

import io.jgan.runtime.Rng;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DropoutMaskTest {

    private static float[] mask(long seed, float p, int n) {
        float[] x = new float[n];
        Arrays.fill(x, 1f);
        float[] y = new float[n];
        float[] mask = new float[n];
        DropoutMask.apply(seed, p, x, y, mask, n);
        assertArrayEquals(mask, y, "y = x * mask with x = 1");
        return mask;
    }

    @Test
    void eachValueIsDroppedWhenItsUniformIsBelowPAndOtherwiseScaled() {
        float p = 0.3f;
        float scale = 1f / (1f - p);
        long seed = new Rng(5).nextLong();
        float[] m = mask(seed, p, 10_001); // odd: the last value comes from a half-used draw
        for (int k = 0; k < m.length; k++) {
            float expected = DropoutMask.uniform(seed, k) < p ? 0f : scale;
            assertEquals(expected, m[k], "value " + k);
        }
    }

    @Test
    void dropsAboutPOfTheValuesWithoutRunsOrPairing() {
        int n = 1_000_000;
        for (float p : new float[] {0.1f, 0.3f, 0.5f, 0.9f}) {
            float[] m = mask(new Rng(7).nextLong(), p, n);
            int dropped = 0;
            int bothDropped = 0; // neighbours: the two values of one draw, and of adjacent draws
            int nextDropped = 0;
            for (int k = 0; k < n; k++) {
                if (m[k] == 0f) {
                    dropped++;
                    if (k + 1 < n && m[k + 1] == 0f) {
                        if ((k & 1) == 0) {
                            bothDropped++;
                        } else {
                            nextDropped++;
                        }
                    }
                }
            }
            // Binomial standard deviations: sqrt(n p (1 - p)) <= 500 for the rate, about 350 for the pairs.
            assertEquals(p * n, dropped, 2500, "p = " + p);
            assertEquals(p * p * n / 2, bothDropped, 2000, "p = " + p + ", values of one draw");
            assertEquals(p * p * n / 2, nextDropped, 2000, "p = " + p + ", values of adjacent draws");
        }
    }

    @Test
    void sameSeedSameMaskAndOtherSeedsOtherMasks() {
        assertArrayEquals(mask(42, 0.3f, 1000), mask(42, 0.3f, 1000));
        float[] a = mask(42, 0.3f, 1000);
        float[] b = mask(43, 0.3f, 1000);
        assertFalse(Arrays.equals(a, b));
        // A prefix of a longer pass is the shorter pass: a value depends only on the seed and its index.
        assertArrayEquals(mask(9, 0.3f, 999), Arrays.copyOf(mask(9, 0.3f, 2000), 999));
    }

    @Test
    void pZeroKeepsEverythingUnscaled() {
        float[] m = mask(3, 0f, 777);
        for (float v : m) {
            assertEquals(1f, v);
        }
        assertTrue(DropoutMask.uniform(3, 0) >= 0f && DropoutMask.uniform(3, 0) < 1f);
    }
}
