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
 * The vanilla GAN on 28x28 grayscale images of seeds 003/004 (SAMPLES.md section 3): a multilayer
 * perceptron each way, pixels scaled to [-1, 1]. About 2.9 million parameters; a training step at
 * batch 100 is some 3.5 GFLOP, almost all of it in the dense products.
 */
public interface MnistGan {

    /** 100 Gaussian values to 784 pixels in [-1, 1] through 256, 512 and 1024 units. */
    @Generator
    interface G {
        @Noise(size = 100, distribution = Noise.Distribution.GAUSSIAN)
        void noise();

        @Dense(units = 256)
        void hidden0();

        @LeakyReLU(slope = 0.2f)
        void act0();

        @Dense(units = 512)
        void hidden1();

        @LeakyReLU(slope = 0.2f)
        void act1();

        @Dense(units = 1024)
        void hidden2();

        @LeakyReLU(slope = 0.2f)
        void act2();

        @Dense(units = 784)
        void out();

        @Tanh
        void pixels();
    }

    /** 784 pixels to the probability that the image is real, through 1024, 512 and 256 units. */
    @Discriminator(inputSize = 784)
    interface D {
        @Dense(units = 1024)
        void hidden0();

        @LeakyReLU(slope = 0.2f)
        void act0();

        @Dropout(p = 0.3f)
        void drop0();

        @Dense(units = 512)
        void hidden1();

        @LeakyReLU(slope = 0.2f)
        void act1();

        @Dropout(p = 0.3f)
        void drop1();

        @Dense(units = 256)
        void hidden2();

        @LeakyReLU(slope = 0.2f)
        void act2();

        @Dropout(p = 0.3f)
        void drop2();

        @Dense(units = 1)
        void out();

        @Sigmoid
        void probability();
    }
}
