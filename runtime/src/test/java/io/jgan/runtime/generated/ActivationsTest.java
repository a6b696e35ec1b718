package io.jgan.runtime.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActivationsTest {

    /** The branch-free ReLU gradient is the conditional, bit for bit, for every input but NaN. */
    @Test
    void reluGradientIsTheConditionalBitForBit() {
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, 1f, -1f,
            Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3.5e-20f, -2.25f};
        java.util.Random random = new java.util.Random(5);
        float[] values = new float[special.length + 2000];
        System.arraycopy(special, 0, values, 0, special.length);
        for (int k = special.length; k < values.length; k++) {
            values[k] = Float.intBitsToFloat(random.nextInt()); // every exponent, both signs
        }
        for (float v : values) {
            if (Float.isNaN(v)) {
                continue;
            }
            for (float d : special) {
                float expected = v > 0f ? d : 0f;
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(Activations.reluGradient(v, d)),
                        "v = " + v + ", d = " + d);
            }
            float expectedValue = v > 0f ? v : 0f;
            assertEquals(Float.floatToRawIntBits(expectedValue), Float.floatToRawIntBits(Math.max(v, 0f)),
                    "the ReLU itself at " + v);
        }
        assertTrue(Float.isNaN(Math.max(Float.NaN, 0f)), "NaN goes through the ReLU");
    }

    @Test
    void tanhIsWithin4e7OfTheExactValueEverywhere() {
        double worst = 0;
        float worstAt = 0;
        for (float x = -20f; x <= 20f; x = Math.nextUp(x + 3e-5f)) {
            double error = Math.abs(Activations.tanh(x) - Math.tanh(x));
            if (error > worst) {
                worst = error;
                worstAt = x;
            }
        }
        assertTrue(worst < 4e-7, "max |error| " + worst + " at x = " + worstAt);
    }

    @Test
    void tanhIsOddSaturatesAndKeepsNaN() {
        for (float x : new float[] {1e-30f, 1e-4f, 0.3f, 1f, 2.5f, 7f}) {
            assertEquals(-Activations.tanh(x), Activations.tanh(-x), 0f, "odd at " + x);
        }
        assertEquals(0f, Activations.tanh(0f), 0f);
        assertEquals(1f, Activations.tanh(100f), 1e-7f);
        assertEquals(-1f, Activations.tanh(Float.NEGATIVE_INFINITY), 1e-7f);
        assertTrue(Activations.tanh(1e-20f) > 0f, "tiny inputs keep their sign");
        assertTrue(Float.isNaN(Activations.tanh(Float.NaN)));
        float previous = -1f;
        for (float x = -8f; x <= 8f; x += 1e-3f) {
            float y = Activations.tanh(x);
            assertTrue(y >= previous - 4e-7f, "monotone (within the error bound) at " + x);
            assertTrue(Math.abs(y) <= 1f, "bounded at " + x);
            previous = y;
        }
    }
}
