package io.jgan.samples.images;

import io.jgan.annotations.Condition;
import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Dropout;
import io.jgan.annotations.Embedding;
import io.jgan.annotations.Generator;
import io.jgan.annotations.LeakyReLU;
import io.jgan.annotations.Noise;
import io.jgan.annotations.Sigmoid;
import io.jgan.annotations.Tanh;

/**
 * Seed 003's vanilla GAN made conditional (Mirza and Osindero, 2014): both networks get the class
 * label as a learned 10-value embedding, the generator after its noise, the discriminator after the
 * image; everything else is {@link VanillaGan}.
 *
 * <p>Exported weights load into a PyTorch {@code nn.Sequential} of the same layers whose first is an
 * {@code nn.Embedding(10, 10)} concatenated after the input (key {@code 0.weight}), the rest under the
 * same indices as here.
 */
public interface ConditionalGan {

    /** N(0, 1) noise of 100 values ++ label embedding of 10 -> 256 -> 512 -> 1024 -> 784 pixels in (-1, 1). */
    @Generator
    @Condition(classes = 10)
    interface G {
        @Noise(size = 100, distribution = Noise.Distribution.GAUSSIAN)
        void noise();

        @Embedding(classes = 10, size = 10)
        void label();

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

    /** 784 pixels ++ label embedding of 10 -> 1024 -> 512 -> 256 -> the probability that the image is real. */
    @Discriminator(inputSize = 784)
    @Condition(classes = 10)
    interface D {
        @Embedding(classes = 10, size = 10)
        void label();

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
