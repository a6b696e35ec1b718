package io.jgan.runtime.generated;

/**
 * Activation functions that generated code calls in its element-wise loops, written so that C2
 * inlines them and vectorises the loop (no branches, no calls into native code).
 */
public final class Activations {
    /** Beyond this |x|, tanh(x) rounds to +-1 in float; the rational fit is clamped here. */
    private static final float TANH_CLAMP = 7.90531110763549805f;

    private Activations() {}

    /**
     * tanh(x) in float, within 4e-7 absolute (about 7 ulp) of the exact value for every finite x:
     * Eigen's rational approximation (odd degree-13 numerator, even degree-6 denominator) on x
     * clamped to [-7.9053, 7.9053]. {@code Math.tanh} is a native fdlibm call here, about 60 ns a
     * value and opaque to the vectoriser; this is well under 1 ns a value in a loop. NaN stays NaN.
     *
     * @param x the input
     * @return tanh(x), rounded to float
     */
    public static float tanh(float x) {
        float c = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, x));
        float c2 = c * c;
        float p = c2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
        p = c2 * p + -8.60467152213735e-11f;
        p = c2 * p + 5.12229709037114e-08f;
        p = c2 * p + 1.48572235717979e-05f;
        p = c2 * p + 6.37261928875436e-04f;
        p = c2 * p + 4.89352455891786e-03f;
        float q = c2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
        q = c2 * q + 2.26843463243900e-03f;
        q = c2 * q + 4.89352518554385e-03f;
        return c * p / q;
    }

    /**
     * 1 for x > 0, else 0 (NaN gives 0), without a branch, so that a loop calling it vectorises:
     * {@code x * 2^149} is at least 1 for the smallest positive float and at most 0 for every other
     * x, and the clamp to [0, 1] does the rest exactly. The leaky ReLU's gradient uses it to pick its
     * factor, 1 or the slope.
     *
     * @param x the input
     * @return 1 or 0
     */
    public static float step(float x) {
        // 2^149 in two steps: it does not fit in a float.
        return Math.min(Math.max(x * 0x1p100f * 0x1p49f, 0f), 1f);
    }

    /**
     * {@code v > 0 ? d : 0} (the ReLU's gradient) without a branch, the same bits for every v but
     * NaN: a mask of the sign of {@code -max(v, 0)}'s bits, which is all ones exactly when v > 0
     * (max(v, 0) is then a positive float; it is +0 otherwise), keeps d's bits or clears them to +0.
     * The conditional costs a mispredicted branch on about every other value and does not vectorise.
     *
     * @param v the ReLU's input
     * @param d the gradient of its output
     * @return d where v > 0, else +0
     */
    public static float reluGradient(float v, float d) {
        final int keep = -Float.floatToRawIntBits(Math.max(v, 0f)) >> 31;
        return Float.intBitsToFloat(Float.floatToRawIntBits(d) & keep);
    }
}
