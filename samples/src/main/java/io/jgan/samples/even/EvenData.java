package io.jgan.samples.even;

import io.jgan.runtime.Rng;
import io.jgan.runtime.data.RealData;

/** Real data: uniformly drawn even numbers in [0, 128) as 7 bits, most significant first (56 = 0111000). */
public final class EvenData implements RealData {
    /** Bits per number. */
    public static final int BITS = 7;
    /** How many even numbers there are in [0, 128). */
    public static final int EVEN_COUNT = 64;

    @Override
    public int sampleSize() {
        return BITS;
    }

    @Override
    public void next(float[] dst, int batch, Rng rng) {
        for (int b = 0; b < batch; b++) {
            encode(2 * rng.nextInt(EVEN_COUNT), dst, b * BITS);
        }
    }

    /** Writes the 7 bits of {@code number} at {@code dst[offset ..]}. */
    public static void encode(int number, float[] dst, int offset) {
        for (int bit = 0; bit < BITS; bit++) {
            dst[offset + bit] = (number >> (BITS - 1 - bit)) & 1;
        }
    }

    /** Reads 7 values as bits, each thresholded at 0.5, most significant first. */
    public static int decode(float[] values, int offset) {
        int number = 0;
        for (int bit = 0; bit < BITS; bit++) {
            number = (number << 1) | (values[offset + bit] > 0.5f ? 1 : 0);
        }
        return number;
    }
}
