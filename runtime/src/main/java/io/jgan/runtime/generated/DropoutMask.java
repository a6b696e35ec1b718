package io.jgan.runtime.generated;

/**
 * Training-mode dropout over a whole buffer, with the keep-or-drop decisions drawn from one 64-bit
 * seed per pass instead of one {@link io.jgan.runtime.Rng#nextFloat()} per value.
 *
 * <p>Why: a draw from xoshiro256** per value, compared with {@code p} in a conditional, is a serial
 * chain plus a branch mispredicted on about {@code p} of the values, about 5 ns a value; the image
 * discriminator's three dropout layers see 180,000 values per forward pass, three passes per
 * iteration. Here the pass's random bits are the SplitMix64 sequence started at the seed, a
 * counter-based generator (value pair {@code j} is a hash of {@code seed + (j + 1) * gamma}, so the
 * iterations do not wait on each other), each 64-bit output gives two values (two 24-bit fields),
 * and the factor is selected with a bit mask instead of a branch: about 1.3 ns a value.
 *
 * <p>A value is dropped when its 24 bits, read as a fraction of 2^24, are below {@code p}: the same
 * rule, and the same probability, as {@code nextFloat() < p}. Deterministic: the same seed gives the
 * same mask on every JDK and for every thread count.
 */
public final class DropoutMask {
    /** SplitMix64's increment, the golden ratio in 64 bits. */
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private DropoutMask() {}

    /**
     * Drops values {@code x[0 .. n)} with probability {@code p}, scaling the kept ones by
     * {@code 1 / (1 - p)}: {@code mask[k]} is 0 or that scale and {@code y[k] = x[k] * mask[k]}.
     *
     * @param seed the pass's random bits, one {@link io.jgan.runtime.Rng#nextLong()} of the run's generator
     * @param p the probability of dropping a value, in [0, 1)
     * @param x the layer's input
     * @param y the layer's output
     * @param mask where each value's factor goes, kept for the backward pass
     * @param n how many values
     */
    public static void apply(long seed, float p, float[] x, float[] y, float[] mask, int n) {
        // Drop when u * 2^-24 < p, u a 24-bit field: u < p * 2^24 (exact), that is u < threshold.
        final int threshold = (int) Math.ceil(p * 0x1p24);
        final int scaleBits = Float.floatToRawIntBits(1f / (1f - p));
        int k = 0;
        for (; k + 1 < n; k += 2) {
            final long bits = mix(seed + ((k >>> 1) + 1) * GAMMA);
            // (u - threshold) >> 31 is all ones when u < threshold (dropped): its complement keeps the scale.
            final float m0 = Float.intBitsToFloat(~(((int) (bits >>> 40) - threshold) >> 31) & scaleBits);
            final float m1 = Float.intBitsToFloat(~((((int) (bits >>> 8) & 0xFFFFFF) - threshold) >> 31) & scaleBits);
            mask[k] = m0;
            mask[k + 1] = m1;
            y[k] = x[k] * m0;
            y[k + 1] = x[k + 1] * m1;
        }
        if (k < n) {
            final long bits = mix(seed + ((k >>> 1) + 1) * GAMMA);
            final float m0 = Float.intBitsToFloat(~(((int) (bits >>> 40) - threshold) >> 31) & scaleBits);
            mask[k] = m0;
            y[k] = x[k] * m0;
        }
    }

    /**
     * {@return the {@code k}-th random value in [0, 1) of {@code seed}: the value {@link #apply}
     * compares with {@code p} (for tests)}
     *
     * @param seed the pass's seed
     * @param k the index of the value
     */
    static float uniform(long seed, int k) {
        long bits = mix(seed + ((k >>> 1) + 1) * GAMMA);
        int u = (k & 1) == 0 ? (int) (bits >>> 40) : (int) (bits >>> 8) & 0xFFFFFF;
        return u * 0x1p-24f;
    }

    /** SplitMix64's output function (Steele, Lea and Flood): a bijection with good avalanche. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
