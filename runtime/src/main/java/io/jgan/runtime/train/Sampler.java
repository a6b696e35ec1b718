package io.jgan.runtime.train;

import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.Noise;
import io.jgan.runtime.Rng;

/** Draws samples from a trained generator, in inference mode, in chunks of its maximum batch. */
public final class Sampler {
    private Sampler() {}

    /**
     * {@code n} samples, one after another: {@code n * outputSize} floats. The generator's mode is
     * restored afterwards; parameters and gradients are untouched.
     *
     * @param generator the generator to run, in inference mode (no dropout)
     * @param n how many samples
     * @param rng where the noise comes from
     * @return {@code n * outputSize} floats
     */
    public static float[] generate(Network generator, int n, Rng rng) {
        NetworkInfo info = generator.info();
        if (info.role() != NetworkInfo.Role.GENERATOR) {
            throw new IllegalArgumentException(info.displayName() + " is not a generator");
        }
        if (n < 0) {
            throw new IllegalArgumentException("sample count must be >= 0, was " + n);
        }
        java.util.Objects.requireNonNull(rng, "rng (where the noise comes from)");
        Noise noise = info.noise();
        int out = info.outputSize();
        if ((long) n * out > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " samples of " + out + " values do not fit in one Java array;"
                    + " generate them in chunks");
        }
        float[] samples = new float[n * out];
        boolean wasTraining = generator.isTraining();
        generator.setTraining(false);
        try {
            float[] z = null;
            for (int start = 0; start < n; start += generator.maxBatch()) {
                int batch = Math.min(generator.maxBatch(), n - start);
                if (z == null || z.length != batch * noise.size()) {
                    z = new float[batch * noise.size()];
                }
                noise.sample(z, batch, rng);
                System.arraycopy(generator.forward(z, batch), 0, samples, start * out, batch * out);
            }
        } finally {
            generator.setTraining(wasTraining);
        }
        return samples;
    }
}
