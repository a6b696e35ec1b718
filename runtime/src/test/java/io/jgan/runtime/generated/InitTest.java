package io.jgan.runtime.generated;

import io.jgan.runtime.Rng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InitTest {

    @Test
    void linearIsUniformWithinOneOverSqrtFanIn() {
        int fanIn = 16; // bound 0.25
        float[] params = new float[10_002];
        params[0] = 7f;
        params[10_001] = 7f;
        Init.linear(params, 1, 10_000, fanIn, new Rng(1));
        assertEquals(7f, params[0], "before the range: untouched");
        assertEquals(7f, params[10_001], "after the range: untouched");
        double sum = 0, sumSq = 0;
        float min = 1, max = -1;
        for (int k = 1; k <= 10_000; k++) {
            float p = params[k];
            assertTrue(p >= -0.25f && p <= 0.25f, "outside +-0.25: " + p);
            sum += p;
            sumSq += p * p;
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        assertEquals(0.0, sum / 10_000, 0.005);
        // The variance of U(-b, b) is b^2 / 3.
        assertEquals(0.25 * 0.25 / 3, sumSq / 10_000, 0.001);
        assertTrue(min < -0.249f && max > 0.249f);
    }
}
