package io.jgan.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Rng;
import org.junit.jupiter.api.Test;

class ActivationsTest {
    /** The oracle is Math.tanh: at most one ulp apart anywhere, and nearly always equal. */
    @Test
    void tanhIsMathTanhRoundedToFloat() {
        Rng rng = new Rng(1);
        int differ = 0;
        int n = 2_000_000;
        for (int k = 0; k < n; k++) {
            float v = (float) (Math.scalb(rng.nextDouble() * 2 - 1, rng.nextInt(40) - 30));
            float expected = (float) Math.tanh(v);
            float actual = Activations.tanh(v);
            if (expected != actual) {
                differ++;
                assertTrue(Math.abs(expected - actual) <= Math.ulp(expected), "tanh(" + v + "): " + actual
                        + " vs " + expected);
            }
        }
        assertTrue(differ < n / 10_000, differ + " of " + n + " differ by an ulp");
    }

    @Test
    void tanhSpecialValues() {
        assertEquals(1f, Activations.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, Activations.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(1f, Activations.tanh(30f));
        assertEquals(-1f, Activations.tanh(-100f));
        assertTrue(Float.isNaN(Activations.tanh(Float.NaN)));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(Activations.tanh(-0f)));
        assertEquals(0f, Activations.tanh(0f));
        assertEquals(Float.MIN_VALUE, Activations.tanh(Float.MIN_VALUE));
    }
}
