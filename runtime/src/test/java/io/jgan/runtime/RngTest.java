package io.jgan.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RngTest {

    private static long[] draw(Rng rng, int n) {
        long[] values = new long[n];
        for (int k = 0; k < n; k++) {
            values[k] = rng.nextLong();
        }
        return values;
    }

    @Test
    void sameSeedGivesSameSequence() {
        assertArrayEquals(draw(new Rng(42), 1000), draw(new Rng(42), 1000));
    }

    @Test
    void differentSeedsGiveDifferentSequences() {
        long[] a = draw(new Rng(42), 100);
        long[] b = draw(new Rng(43), 100);
        int same = 0;
        for (int k = 0; k < a.length; k++) {
            if (a[k] == b[k]) {
                same++;
            }
        }
        assertEquals(0, same);
        assertNotEquals(new Rng(0).nextLong(), new Rng(1).nextLong());
    }

    @Test
    void coreMatchesTheXoshiro256StarStarReferenceVector() {
        // State {1, 2, 3, 4}; expected values from the reference C algorithm (Blackman & Vigna),
        // re-implemented in Python with 64-bit masking.
        Rng rng = new Rng(0);
        rng.restore(new long[] {1, 2, 3, 4});
        assertArrayEquals(new long[] {11520L, 0L, 1509978240L, 1215971899390074240L}, draw(rng, 4));
    }

    @Test
    void nextIntStaysInRangeAndIsRoughlyUniform() {
        Rng rng = new Rng(7);
        int bound = 10;
        int draws = 100_000;
        int[] counts = new int[bound];
        for (int k = 0; k < draws; k++) {
            int v = rng.nextInt(bound);
            assertTrue(v >= 0 && v < bound, "out of range: " + v);
            counts[v]++;
        }
        double expected = (double) draws / bound;
        double chiSquare = 0;
        for (int c : counts) {
            chiSquare += (c - expected) * (c - expected) / expected;
        }
        // 9 degrees of freedom: P(chi2 > 40) is about 7e-6.
        assertTrue(chiSquare < 40, "chi-square " + chiSquare);
    }

    @Test
    void nextIntHasNoModuloBiasForLargeBounds() {
        // bound = 1.5 * 2^30: a naive (bits % bound) would put 3/4 of the draws below 2^30
        // instead of 2/3.
        int bound = 3 << 29;
        Rng rng = new Rng(11);
        int draws = 200_000;
        int below = 0;
        for (int k = 0; k < draws; k++) {
            int v = rng.nextInt(bound);
            assertTrue(v >= 0 && v < bound, "out of range: " + v);
            if (v < (1 << 30)) {
                below++;
            }
        }
        assertEquals(2.0 / 3.0, (double) below / draws, 0.01);
    }

    @Test
    void nextIntEdgeBounds() {
        Rng rng = new Rng(3);
        for (int k = 0; k < 100; k++) {
            assertEquals(0, rng.nextInt(1));
        }
        assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
        assertThrows(IllegalArgumentException.class, () -> rng.nextInt(-5));
        for (int k = 0; k < 1000; k++) {
            int v = rng.nextInt(Integer.MAX_VALUE);
            assertTrue(v >= 0 && v < Integer.MAX_VALUE);
        }
    }

    @Test
    void nextFloatAndNextDoubleAreInUnitInterval() {
        Rng rng = new Rng(5);
        double sum = 0;
        int n = 100_000;
        for (int k = 0; k < n; k++) {
            float f = rng.nextFloat();
            assertTrue(f >= 0f && f < 1f, "nextFloat " + f);
            // 24 random bits: an exact multiple of 2^-24.
            assertEquals(Math.floor(f * 0x1.0p24), f * 0x1.0p24, "nextFloat " + f);
            double d = rng.nextDouble();
            assertTrue(d >= 0.0 && d < 1.0, "nextDouble " + d);
            sum += f;
        }
        assertEquals(0.5, sum / n, 0.005);
    }

    @Test
    void nextGaussianIsStandardNormal() {
        Rng rng = new Rng(2024);
        int n = 100_000;
        double sum = 0, sumSq = 0;
        int beyond196 = 0;
        for (int k = 0; k < n; k++) {
            double x = rng.nextGaussian();
            assertTrue(Double.isFinite(x));
            sum += x;
            sumSq += x * x;
            if (Math.abs(x) > 1.96) {
                beyond196++;
            }
        }
        double mean = sum / n;
        double std = Math.sqrt(sumSq / n - mean * mean);
        assertEquals(0.0, mean, 0.02);
        assertEquals(1.0, std, 0.02);
        assertEquals(0.05, (double) beyond196 / n, 0.005);
    }

    @Test
    void restoreContinuesTheIdenticalSequence() {
        Rng rng = new Rng(99);
        draw(rng, 17);
        rng.nextGaussian();
        long[] saved = rng.state();
        long[] expected = draw(rng, 50);
        float expectedFloat = rng.nextFloat();

        rng.restore(saved);
        assertArrayEquals(expected, draw(rng, 50));
        assertEquals(expectedFloat, rng.nextFloat());

        Rng other = new Rng(-1);
        other.restore(saved);
        assertArrayEquals(expected, draw(other, 50));
    }

    @Test
    void stateIsACopy() {
        Rng rng = new Rng(1);
        long[] state = rng.state();
        long[] copy = state.clone();
        state[0] ^= 1;
        assertArrayEquals(copy, rng.state());
        rng.nextLong();
        assertFalse(java.util.Arrays.equals(copy, rng.state()), "the state advances with every draw");
    }

    @Test
    void restoreRejectsBadStates() {
        Rng rng = new Rng(1);
        long[] before = rng.state();
        IllegalArgumentException wrongLength =
                assertThrows(IllegalArgumentException.class, () -> rng.restore(new long[] {1, 2, 3}));
        assertTrue(wrongLength.getMessage().contains("4"), wrongLength.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rng.restore(new long[5]));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> rng.restore(new long[4]));
        assertTrue(zero.getMessage().contains("zero"), zero.getMessage());
        assertArrayEquals(before, rng.state(), "a rejected restore leaves the state alone");
    }
}
