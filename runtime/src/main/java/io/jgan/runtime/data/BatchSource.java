package io.jgan.runtime.data;

import io.jgan.runtime.Rng;

/** Anything that fills batches of samples: real data, or the generator's noise. */
public interface BatchSource {
    /** Values per sample. */
    int sampleSize();

    /**
     * Writes {@code batch} samples into {@code dst[0 .. batch * sampleSize())}, drawing any
     * randomness from {@code rng} (the run's generator, so a run is reproducible).
     */
    void next(float[] dst, int batch, Rng rng);
}
