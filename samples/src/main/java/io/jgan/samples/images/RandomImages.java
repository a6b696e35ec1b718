package io.jgan.samples.images;

import io.jgan.runtime.Rng;
import io.jgan.runtime.data.RealData;

/**
 * Stand-in "real" images for benchmarks: a fixed pool of batches of uniform values in [-1, 1),
 * cycled, as {@code bench/torch_images.py} does; no dataset is read and no time is spent drawing.
 */
public final class RandomImages implements RealData {
    /** Pixels per image. */
    public static final int PIXELS = 784;
    private final float[][] pool;
    private int next;

    /** A pool of {@code batches} batches of {@code batch} images, drawn from {@code rng}. */
    public RandomImages(int batches, int batch, Rng rng) {
        pool = new float[batches][batch * PIXELS];
        for (float[] b : pool) {
            for (int k = 0; k < b.length; k++) {
                b[k] = 2 * rng.nextFloat() - 1;
            }
        }
    }

    @Override
    public int sampleSize() {
        return PIXELS;
    }

    @Override
    public void next(float[] dst, int batch, Rng rng) {
        float[] b = pool[next];
        next = (next + 1) % pool.length;
        System.arraycopy(b, 0, dst, 0, batch * PIXELS);
    }
}
