package io.jgan.samples.conditional;

import io.jgan.annotations.Condition;
import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Embedding;
import io.jgan.annotations.Generator;
import io.jgan.annotations.LeakyReLU;
import io.jgan.annotations.Noise;
import io.jgan.annotations.OneHot;
import io.jgan.annotations.Sigmoid;

/**
 * A conditional GAN of 2-D points whose class picks the centre: a user's spec for {@code jgan train}
 * on a table with a label column. The generator embeds its label, the discriminator reads it one-hot.
 */
public interface TwoCentres {

    @Generator
    @Condition(classes = 2)
    interface G {
        @Noise(size = 2, distribution = Noise.Distribution.GAUSSIAN)
        void noise();

        @Embedding(classes = 2, size = 4)
        void label();

        @Dense(units = 32)
        void hidden();

        @LeakyReLU(slope = 0.2f)
        void hiddenActivation();

        @Dense(units = 2)
        void out();
    }

    @Discriminator(inputSize = 2)
    @Condition(classes = 2)
    interface D {
        @OneHot(classes = 2)
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
