package io.jgan.runtime;

import io.jgan.runtime.BatchSource;

/**
 * The distribution a generator's input is drawn from, as declared by the spec's {@code @Noise}.
 *
 * @param distribution which family
 * @param size values per sample
 * @param a lower bound (uniform), mean (gaussian) or probability of 1 (bernoulli)
 * @param b upper bound (uniform) or standard deviation (gaussian); unused for bernoulli
 */
public record Noise(Distribution distribution, int size, float a, float b) implements BatchSource {

    /** The noise families a spec can declare. */
    public enum Distribution {
        /** Uniform on [a, b). */
        UNIFORM,
        /** Normal with mean a and standard deviation b. */
        GAUSSIAN,
        /** 1 with probability a, else 0. */
        BERNOULLI
    }

    /**
     * Validates the parameters.
     *
     * @param distribution which family
     * @param size values per sample
     * @param a lower bound (uniform), mean (gaussian) or probability of 1 (bernoulli)
     * @param b upper bound (uniform) or standard deviation (gaussian); unused for bernoulli
     */
    public Noise {
        if (size < 1) {
            throw new IllegalArgumentException("noise size must be at least 1, was " + size);
        }
        if (!Float.isFinite(a) || !Float.isFinite(b)) {
            throw new IllegalArgumentException("noise parameters must be finite, were " + a + ", " + b);
        }
        switch (distribution) {
            case UNIFORM -> require(a <= b, "uniform noise needs a <= b (a == b is the constant a), got [" + a + ", " + b + ")");
            case GAUSSIAN -> require(b > 0, "gaussian noise needs a standard deviation b > 0, got " + b);
            case BERNOULLI -> require(a >= 0 && a <= 1, "bernoulli noise needs a probability a in [0, 1], got " + a);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public int sampleSize() {
        return size;
    }

    @Override
    public void next(float[] dst, int batch, Rng rng) {
        sample(dst, batch, rng);
    }

    /**
     * Fills {@code dst[0 .. batch * size)} with fresh noise for {@code batch} samples.
     *
     * @param dst where the noise goes
     * @param batch how many samples
     * @param rng where the values come from
     */
    public void sample(float[] dst, int batch, Rng rng) {
        int n = batch * size;
        if (dst.length < n) {
            throw new IllegalArgumentException("noise buffer holds " + dst.length + " floats, but " + batch
                    + " samples of " + size + " need " + n);
        }
        switch (distribution) {
            case UNIFORM -> {
                for (int k = 0; k < n; k++) {
                    dst[k] = a + (b - a) * rng.nextFloat();
                }
            }
            case GAUSSIAN -> {
                for (int k = 0; k < n; k++) {
                    dst[k] = (float) (a + b * rng.nextGaussian());
                }
            }
            case BERNOULLI -> {
                for (int k = 0; k < n; k++) {
                    dst[k] = rng.nextFloat() < a ? 1f : 0f;
                }
            }
        }
    }

    @Override
    public String toString() {
        return switch (distribution) {
            case UNIFORM -> size + " x uniform[" + a + ", " + b + ")";
            case GAUSSIAN -> size + " x N(" + a + ", " + b + ")";
            case BERNOULLI -> size + " x bernoulli(" + a + ")";
        };
    }
}
