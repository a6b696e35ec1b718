package com.example.gan;

import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Generator;
import io.jgan.annotations.LeakyReLU;
import io.jgan.annotations.Noise;
import io.jgan.annotations.Sigmoid;

/** A GAN that learns points on the unit circle. */
public interface Ring {

    @Generator
    interface G {
        @Noise(size = 4, distribution = Noise.Distribution.GAUSSIAN)   // the generator's input
        void noise();

        @Dense(units = 32)
        void hidden();

        @LeakyReLU(slope = 0.2f)
        void activation();

        @Dense(units = 2)                                              // a point: (x, y)
        void point();
    }

    @Discriminator(inputSize = 2)                                      // reads points
    interface D {
        @Dense(units = 32)
        void hidden();

        @LeakyReLU(slope = 0.2f)
        void activation();

        @Dense(units = 1)
        void score();

        @Sigmoid                                                       // the probability of real
        void probability();
    }
}
