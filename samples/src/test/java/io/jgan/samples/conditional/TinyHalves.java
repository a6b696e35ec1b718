package io.jgan.samples.conditional;

import io.jgan.annotations.Condition;
import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Embedding;
import io.jgan.annotations.Generator;
import io.jgan.annotations.LeakyReLU;
import io.jgan.annotations.Noise;
import io.jgan.annotations.Sigmoid;
import io.jgan.annotations.Tanh;

/** A conditional GAN at a test's size: 8x8 images of 2 classes, the label embedded in both networks. */
public interface TinyHalves {

    @Generator
    @Condition(classes = 2)
    interface G {
        @Noise(size = 6, distribution = Noise.Distribution.GAUSSIAN)
        void noise();

        @Embedding(classes = 2, size = 4)
        void label();

        @Dense(units = 32)
        void hidden();

        @LeakyReLU(slope = 0.2f)
        void hiddenActivation();

        @Dense(units = 64)
        void out();

        @Tanh
        void outActivation();
    }

    @Discriminator(inputSize = 64)
    @Condition(classes = 2)
    interface D {
        @Embedding(classes = 2, size = 4)
        void label();

        @Dense(units = 32)
        void hidden();

        @LeakyReLU(slope = 0.2f)
        void hiddenActivation();

        @Dense(units = 1)
        void out();

        @Sigmoid
        void outActivation();
    }
}
