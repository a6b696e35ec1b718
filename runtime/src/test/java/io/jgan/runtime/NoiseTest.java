package io.jgan.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Noise.Distribution;
import org.junit.jupiter.api.Test;

class NoiseTest {
    private static final int N = 100_000;

    private static float[] sample(Noise noise, int batch, long seed) {
        float[] dst = new float[batch * noise.size()];
        noise.sample(dst, batch, new Rng(seed));
        return dst;
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double std(float[] values) {
        double m = mean(values);
        double sum = 0;
        for (float v : values) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / values.length);
    }

    @Test
    void uniformStaysInItsRangeWithTheRightMean() {
        Noise noise = new Noise(Distribution.UNIFORM, 4, -1f, 3f);
        float[] values = sample(noise, N / 4, 1);
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float v : values) {
            assertTrue(v >= -1f && v < 3f, "outside [-1, 3): " + v);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(1.0, mean(values), 0.02);
        assertEquals(4 / Math.sqrt(12), std(values), 0.02);
        assertTrue(min < -0.99f && max > 2.99f, "covers the range: " + min + " .. " + max);
    }

    @Test
    void gaussianHasItsMeanAndStd() {
        Noise noise = new Noise(Distribution.GAUSSIAN, 1, 4f, 1.25f);
        float[] values = sample(noise, N, 2);
        assertEquals(4.0, mean(values), 0.02);
        assertEquals(1.25, std(values), 0.02);
    }

    @Test
    void bernoulliGivesZerosAndOnesWithProbabilityA() {
        Noise noise = new Noise(Distribution.BERNOULLI, 7, 0.3f, 0f);
        float[] values = sample(noise, N / 7, 3);
        for (float v : values) {
            assertTrue(v == 0f || v == 1f, "not a bit: " + v);
        }
        assertEquals(0.3, mean(values), 0.01);

        for (float v : sample(new Noise(Distribution.BERNOULLI, 5, 0f, 0f), 100, 4)) {
            assertEquals(0f, v);
        }
        for (float v : sample(new Noise(Distribution.BERNOULLI, 5, 1f, 0f), 100, 4)) {
            assertEquals(1f, v);
        }
    }

    @Test
    void sampleIsDeterministicForAnRngAndFillsOnlyTheBatch() {
        Noise noise = new Noise(Distribution.GAUSSIAN, 3, 0f, 1f);
        assertArrayEquals(sample(noise, 5, 9), sample(noise, 5, 9));

        float[] dst = new float[20];
        java.util.Arrays.fill(dst, -7f);
        noise.sample(dst, 5, new Rng(9)); // 15 values; a larger buffer is fine
        assertArrayEquals(sample(noise, 5, 9), java.util.Arrays.copyOf(dst, 15));
        for (int k = 15; k < 20; k++) {
            assertEquals(-7f, dst[k], "past the batch is untouched");
        }
    }

    @Test
    void sampleRejectsATooSmallBuffer() {
        Noise noise = new Noise(Distribution.UNIFORM, 3, 0f, 1f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> noise.sample(new float[14], 5, new Rng(1)));
        assertTrue(e.getMessage().contains("14") && e.getMessage().contains("15"), e.getMessage());
    }

    @Test
    void constructorRejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new Noise(Distribution.UNIFORM, 0, 0f, 1f));
        assertThrows(IllegalArgumentException.class, () -> new Noise(Distribution.GAUSSIAN, 2, Float.NaN, 1f));
        assertThrows(IllegalArgumentException.class,
                () -> new Noise(Distribution.GAUSSIAN, 2, 0f, Float.POSITIVE_INFINITY));
    }

    @Test
    void toStringDescribesTheDistribution() {
        assertEquals("100 x N(0.0, 1.0)", new Noise(Distribution.GAUSSIAN, 100, 0f, 1f).toString());
        assertEquals("1 x uniform[0.0, 1.0)", new Noise(Distribution.UNIFORM, 1, 0f, 1f).toString());
        assertEquals("7 x bernoulli(0.5)", new Noise(Distribution.BERNOULLI, 7, 0.5f, 0f).toString());
    }
}
