package io.jgan.samples.even;

import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Generator;
import io.jgan.annotations.LeakyReLU;
import io.jgan.annotations.Noise;
import io.jgan.annotations.Sigmoid;

/** An even-numbers GAN that keeps its diversity (experimental; settings chosen by measurement). */
public interface EvenNumbersDiverse {

    /** Uniform noise through a hidden layer. */
    @Generator
    interface G {
        @Noise(size = 7, distribution = Noise.Distribution.BERNOULLI)
        void noise();

        @Dense(units = 32)
        void hidden();

        @LeakyReLU(slope = 0.2f)
        void hiddenActivation();

        @Dense(units = 7)
        void bits();

        @Sigmoid
        void activation();
    }

    /** A discriminator with a hidden layer: it can see which combinations of bits occur. */
    @Discriminator(inputSize = 7)
    interface D {
        @Dense(units = 32)
        void hidden();

        @LeakyReLU(slope = 0.2f)
        void hiddenActivation();

        @Dense(units = 1)
        void out();

        @Sigmoid
        void activation();
    }
}
