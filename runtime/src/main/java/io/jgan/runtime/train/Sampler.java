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
        if (generator.info().conditional()) {
            throw new IllegalArgumentException(generator.info().displayName() + " is conditional: say which class"
                    + " each sample is of, with generate(generator, labels, rng)");
        }
        return generate(generator, n, null, rng);
    }

    /**
     * One sample of each label, one after another: {@code labels.length * outputSize} floats, from
     * the same noise as {@link #generate(Network, int, Rng)} draws for as many samples.
     *
     * @param generator a conditional generator (its spec has a {@code @Condition})
     * @param labels the class of each sample, in [0, classes)
     * @param rng where the noise comes from
     * @return {@code labels.length * outputSize} floats
     */
    public static float[] generate(Network generator, int[] labels, Rng rng) {
        if (!generator.info().conditional()) {
            throw new IllegalArgumentException(generator.info().displayName() + " has no @Condition: it takes no labels");
        }
        return generate(generator, labels.length, labels, rng);
    }

    private static float[] generate(Network generator, int n, int[] labels, Rng rng) {
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
                float[] made = labels == null ? generator.forward(z, batch)
                        : generator.forward(z, java.util.Arrays.copyOfRange(labels, start, start + batch), batch);
                System.arraycopy(made, 0, samples, start * out, batch * out);
            }
        } finally {
            generator.setTraining(wasTraining);
        }
        return samples;
    }
}
