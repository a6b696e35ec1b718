package io.jgan.runtime;

/** Anything that fills batches of samples: real data, or the generator's noise. */
public interface BatchSource {
    /** {@return values per sample} */
    int sampleSize();

    /**
     * Writes {@code batch} samples into {@code dst[0 .. batch * sampleSize())}, drawing any
     * randomness from {@code rng} (the run's generator, so a run is reproducible).
     *
     * @param dst where the samples go, one after another
     * @param batch how many samples
     * @param rng the run's random generator
     */
    void next(float[] dst, int batch, Rng rng);
}
