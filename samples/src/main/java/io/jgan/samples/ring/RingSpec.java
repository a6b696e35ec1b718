package io.jgan.samples.ring;

import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Generator;
import io.jgan.annotations.LeakyReLU;
import io.jgan.annotations.Noise;
import io.jgan.annotations.ReLU;
import io.jgan.annotations.Sigmoid;

/**
 * A GAN for points in the plane (the classic mixture of eight Gaussians on a ring): not one of the
 * seed articles' samples, written as a user writes a spec. The generator's last layer is linear, so
 * it can place points anywhere; train it on standardised data (mean 0, std 1 per column).
 */
public interface RingSpec {

    /** 8 Gaussian noise values -> 64 -> 64 -> a point (x, y). */
    @Generator
    interface G {
        @Noise(size = 8, distribution = Noise.Distribution.GAUSSIAN)
        void noise();

        @Dense(units = 64)
        void hidden1();

        @ReLU
        void relu1();

        @Dense(units = 64)
        void hidden2();

        @ReLU
        void relu2();

        @Dense(units = 2)
        void point();
    }

    /** A point -> 64 -> 64 -> the probability that it is real. */
    @Discriminator(inputSize = 2)
    interface D {
        @Dense(units = 64)
        void hidden1();

        @LeakyReLU(slope = 0.2f)
        void leaky1();

        @Dense(units = 64)
        void hidden2();

        @LeakyReLU(slope = 0.2f)
        void leaky2();

        @Dense(units = 1)
        void score();

        @Sigmoid
        void probability();
    }
}
