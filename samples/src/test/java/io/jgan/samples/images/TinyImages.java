package io.jgan.samples.images;

import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Dropout;
import io.jgan.annotations.Generator;
import io.jgan.annotations.LeakyReLU;
import io.jgan.annotations.Noise;
import io.jgan.annotations.Sigmoid;
import io.jgan.annotations.Tanh;

/** The image GAN's layer types at a test's size: 8x8 images, so a training step takes microseconds. */
public interface TinyImages {

    @Generator
    interface G {
        @Noise(size = 6, distribution = Noise.Distribution.GAUSSIAN)
        void noise();

        @Dense(units = 16)
        void hidden();

        @LeakyReLU(slope = 0.2f)
        void hiddenActivation();

        @Dense(units = 64)
        void out();

        @Tanh
        void outActivation();
    }

    @Discriminator(inputSize = 64)
    interface D {
        @Dense(units = 16)
        void hidden();

        @LeakyReLU(slope = 0.2f)
        void hiddenActivation();

        @Dropout(p = 0.3f)
        void hiddenDropout();

        @Dense(units = 1)
        void out();

        @Sigmoid
        void outActivation();
    }
}
