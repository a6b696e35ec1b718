package io.jgan.samples.even;

import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Generator;
import io.jgan.annotations.Noise;
import io.jgan.annotations.Sigmoid;

/**
 * The seed's even-numbers GAN: 7 random bits in, 7 bits out, a logistic-regression discriminator.
 * It learns to make only even numbers but collapses onto a handful of them.
 */
public interface EvenNumbers {

    /** One dense layer with a sigmoid: each output bit is a logistic function of the 7 noise bits. */
    @Generator
    interface G {
        @Noise(size = 7, distribution = Noise.Distribution.BERNOULLI)
        void noise();

        @Dense(units = 7)
        void dense();

        @Sigmoid
        void activation();
    }

    /** Logistic regression on the 7 bits: it can learn "the last bit is 0" and little else. */
    @Discriminator(inputSize = 7)
    interface D {
        @Dense(units = 1)
        void dense();

        @Sigmoid
        void activation();
    }
}
