package io.jgan.samples.gaussian;

import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Generator;
import io.jgan.annotations.Noise;
import io.jgan.annotations.Sigmoid;
import io.jgan.annotations.Tanh;
import io.jgan.samples.layers.Moments;

/**
 * The seed's 1-D Gaussian GAN: one uniform number in, one number out; the discriminator judges a
 * whole minibatch by its four moments ({@link Moments}, a layer declared outside the framework).
 */
public interface GaussianSeed {

    /** 1 -> 5 -> 5 -> 1 with tanh: has to bend uniform noise into a bell curve. */
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

    /** Mean, std, skewness and kurtosis of the batch -> 10 -> 10 -> 1, all sigmoids. */
    @Discriminator(inputSize = 1)
    interface D {
        @Moments
        void moments();

        @Dense(units = 10)
        void map1();

        @Sigmoid
        void sigmoid1();

        @Dense(units = 10)
        void map2();

        @Sigmoid
        void sigmoid2();

        @Dense(units = 1)
        void map3();

        @Sigmoid
        void sigmoid3();
    }
}
