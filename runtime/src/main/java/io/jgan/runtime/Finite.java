package io.jgan.runtime;

/**
 * Fast checks that arrays hold only finite values (no NaN, no infinity), for the training loop's
 * divergence guard and for checkpoints.
 *
 * <p>The fast path is one pass with four independent accumulators of {@code x - x}: that is 0 for
 * every finite {@code x} and NaN for NaN and both infinities, and NaN propagates through the sums,
 * so the loop has no branch and C2 can vectorise it. Only when the sum is not 0 does a slow scan
 * find the first bad index.
 */
public final class Finite {
    private Finite() {}

    /**
     * {@return whether every value is finite}
     *
     * @param values the array to check
     */
    public static boolean all(float[] values) {
        return all(values, 0, values.length);
    }

    /**
     * {@return whether every value of {@code values[from .. to)} is finite} (so that threads can
     * check parts of one array)
     *
     * @param values the array to check
     * @param from the first index checked
     * @param to the end of the range (exclusive)
     */
    public static boolean all(float[] values, int from, int to) {
        float a0 = 0f, a1 = 0f, a2 = 0f, a3 = 0f;
        int k = from;
        for (; k + 3 < to; k += 4) {
            a0 += values[k] - values[k];
            a1 += values[k + 1] - values[k + 1];
            a2 += values[k + 2] - values[k + 2];
            a3 += values[k + 3] - values[k + 3];
        }
        for (; k < to; k++) {
            a0 += values[k] - values[k];
        }
        return (a0 + a1 + a2 + a3) == 0f;
    }

    /**
     * {@return the index of the first NaN or infinite value, or -1 if all are finite}
     *
     * @param values the array to check
     */
    public static int firstNonFinite(float[] values) {
        if (all(values)) {
            return -1;
        }
        for (int k = 0; k < values.length; k++) {
            if (!Float.isFinite(values[k])) {
                return k;
            }
        }
        return -1;
    }
}
