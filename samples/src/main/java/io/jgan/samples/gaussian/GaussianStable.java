package io.jgan.samples.gaussian;

import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Generator;
import io.jgan.annotations.LeakyReLU;
import io.jgan.annotations.Noise;
import io.jgan.annotations.Sigmoid;
import io.jgan.annotations.Tanh;
import io.jgan.samples.layers.Moments;

/**
 * The seed's GAN with one change: the discriminator's hidden layers are leaky ReLUs instead of
 * sigmoids. Its input is raw moments (a mean near 4, or 10 for a generator that has wandered off),
 * which drive sigmoid units into saturation; then no gradient reaches the generator and it never
 * comes back. A leaky ReLU always passes some. See docs/gaussian.md.
 */
public interface GaussianStable {

    /** As in the seed: 1 -> 5 -> 5 -> 1 with tanh. */
    @Generator
    interface G {
        @Noise(size = 1, distribution = Noise.Distribution.UNIFORM)
        void noise();

        @Dense(units = 5)
        void map1();

        @Tanh
        void tanh1();

        @Dense(units = 5)
        void map2();

        @Tanh
        void tanh2();

        @Dense(units = 1)
        void map3();
    }

    /** Moments -> 10 -> 10 -> 1 as in the seed, leaky ReLU hidden, sigmoid out. */
    @Discriminator(inputSize = 1)
    interface D {
        @Moments
        void moments();

        @Dense(units = 10)
        void map1();

        @LeakyReLU(slope = 0.2f)
        void act1();

        @Dense(units = 10)
        void map2();

        @LeakyReLU(slope = 0.2f)
        void act2();

        @Dense(units = 1)
        void map3();

        @Sigmoid
        void sigmoid3();
    }
}
