package io.jgan.samples.sweep;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.sweep.Score;
import io.jgan.runtime.train.Sampler;
import io.jgan.samples.even.EvenData;

/** A user's own score, for {@code --score}: the share of 1000 generated numbers that are even. */
public final class EvenFraction implements Score {
    private static final long serialVersionUID = 1L;

    @Override
    public double score(Network generator, Rng rng) {
        float[] x = Sampler.generate(generator, 1000, rng);
        int even = 0;
        for (int k = 0; k < 1000; k++) {
            even += EvenData.decode(x, k * EvenData.BITS) % 2 == 0 ? 1 : 0;
        }
        return even / 1000.0;
    }

    @Override
    public String name() {
        return "even_fraction";
    }
}
