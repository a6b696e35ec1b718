package io.jgan.samples.images;

import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Dropout;
import io.jgan.annotations.Generator;
import io.jgan.annotations.LeakyReLU;
import io.jgan.annotations.Noise;
import io.jgan.annotations.Tanh;

/**
 * {@link VanillaGan} with a discriminator that ends in a raw score instead of a probability (no
 * final sigmoid): the spec of {@code images train --loss bce-logits|lsgan|hinge|wgan}.
 */
public interface VanillaGanScores {

    /** N(0, 1) noise of 100 values -> 256 -> 512 -> 1024 -> 784 pixels in (-1, 1). */
    @Generator
    interface G {
        @Noise(size = 100, distribution = Noise.Distribution.GAUSSIAN)
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

    /** 784 pixels -> 1024 -> 512 -> 256 -> a score, higher for images the discriminator takes for real. */
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
    }
}
