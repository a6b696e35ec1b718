package com.example.gan;

import com.example.layers.Swish;
import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Generator;
import io.jgan.annotations.Noise;
import io.jgan.annotations.Sigmoid;

/** A GAN that learns points on the unit circle, with the custom Swish in both networks. */
public interface Ring {

    @Generator
    interface G {
        @Noise(size = 4, distribution = Noise.Distribution.GAUSSIAN)
        void noise();

        @Dense(units = 16)
        void hidden();

        @Swish(beta = 1f)
        void swish();

        @Dense(units = 2)
        void point();
    }

    @Discriminator(inputSize = 2)
    interface D {
        @Dense(units = 16)
        void hidden();

        @Swish
        void swish();

        @Dense(units = 1)
        void score();

        @Sigmoid
        void probability();
    }
}
