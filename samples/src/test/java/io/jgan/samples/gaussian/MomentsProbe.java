package io.jgan.samples.gaussian;

import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Generator;
import io.jgan.annotations.Noise;
import io.jgan.samples.layers.Moments;

/**
 * A test spec that exposes {@link Moments} alone: its discriminator is the layer followed by a
 * linear read-out, which the tests set to pick one statistic (weight 1 on it, 0 elsewhere).
 * Two features, so the per-feature layout is tested too.
 */
public interface MomentsProbe {
    /** Unused by the tests; a spec needs one. */
    @Generator
    interface G {
        @Noise(size = 1)
        void noise();

        @Dense(units = 2)
        void out();
    }

    /** [N, 2] -> [1, 8] -> [1, 1]. */
    @Discriminator(inputSize = 2)
    interface D {
        @Moments
        void moments();

        @Dense(units = 1)
        void readout();
    }
}
