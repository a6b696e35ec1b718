package com.example.gan;

import com.example.layers.Swish;
import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Generator;
import io.jgan.annotations.Noise;
import io.jgan.annotations.Sigmoid;

/**
 * A spec for checking Swish's gradients: in G it has a layer before it (so both its beta gradient and
 * its input gradient are used), in D it comes first (input gradient only through backwardToInput).
 */
interface SwishCheck {
    @Generator
    interface G {
        @Noise(size = 3)
        void noise();

        @Dense(units = 4)
        void hidden();

        @Swish(beta = 0.7f)
        void swish();

        @Dense(units = 3)
        void out();
    }

    @Discriminator(inputSize = 3)
    interface D {
        @Swish(beta = 1.5f)
        void swish();

        @Dense(units = 1)
        void score();

        @Sigmoid
        void probability();
    }
}
