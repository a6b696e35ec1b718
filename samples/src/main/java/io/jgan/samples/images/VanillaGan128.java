package io.jgan.samples.images;

import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Dropout;
import io.jgan.annotations.Generator;
import io.jgan.annotations.LeakyReLU;
import io.jgan.annotations.Noise;
import io.jgan.annotations.Sigmoid;
import io.jgan.annotations.Tanh;

/**
 * Seed 004's variant of {@link VanillaGan}: the same networks fed with 128 noise values instead of 100
 * (a separate spec because sizes are compile-time constants).
 *
 * <p>The layer list is the article's {@code nn.Sequential} blocks flattened into one
 * {@code nn.Sequential}, so exported weights load there under the same indices.
 */
public interface VanillaGan128 {

    /** N(0, 1) noise of 128 values -> 256 -> 512 -> 1024 -> 784 pixels in (-1, 1). */
    @Generator
    interface G {
        @Noise(size = 128, distribution = Noise.Distribution.GAUSSIAN)
        void noise();

        @Dense(units = 256)
        void hidden0();

        @LeakyReLU(slope = 0.2f)
        void hidden0Activation();

        @Dense(units = 512)
        void hidden1();

        @LeakyReLU(slope = 0.2f)
        void hidden1Activation();

        @Dense(units = 1024)
        void hidden2();

        @LeakyReLU(slope = 0.2f)
        void hidden2Activation();

        @Dense(units = 784)
        void out();

        @Tanh
        void outActivation();
    }

    /** 784 pixels -> 1024 -> 512 -> 256 -> the probability that the image is real. */
    @Discriminator(inputSize = 784)
    interface D {
        @Dense(units = 1024)
        void hidden0();

        @LeakyReLU(slope = 0.2f)
        void hidden0Activation();

        @Dropout(p = 0.3f)
        void hidden0Dropout();

        @Dense(units = 512)
        void hidden1();

        @LeakyReLU(slope = 0.2f)
        void hidden1Activation();

        @Dropout(p = 0.3f)
        void hidden1Dropout();

        @Dense(units = 256)
        void hidden2();

        @LeakyReLU(slope = 0.2f)
        void hidden2Activation();

        @Dropout(p = 0.3f)
        void hidden2Dropout();

        @Dense(units = 1)
        void out();

        @Sigmoid
        void outActivation();
    }
}
