package io.jgan.samples.images;

import io.jgan.annotations.BatchNorm;
import io.jgan.annotations.Condition;
import io.jgan.annotations.Conv2d;
import io.jgan.annotations.ConvTranspose2d;
import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Embedding;
import io.jgan.annotations.Flatten;
import io.jgan.annotations.Generator;
import io.jgan.annotations.LeakyReLU;
import io.jgan.annotations.Noise;
import io.jgan.annotations.OneHot;
import io.jgan.annotations.ReLU;
import io.jgan.annotations.Reshape;
import io.jgan.annotations.Sigmoid;
import io.jgan.annotations.Tanh;

/**
 * The {@link Dcgan} made conditional: the generator gets the label as a learned 10-value embedding
 * after its noise, the discriminator as 10 one-hot channels after the image's (the label's plane all
 * ones), as conditional DCGANs usually take it. Everything else is {@link Dcgan}.
 *
 * <p>Exported weights load into the same {@code nn.Sequential}s with a first layer that joins the
 * label: an {@code nn.Embedding(10, 10)} (key {@code 0.weight}) in the generator, a parameterless
 * one-hot in the discriminator; the other layers keep their indices.
 */
public interface ConditionalDcgan {

    /** N(0, 1) noise of 100 ++ label embedding of 10 -> 128 x 7 x 7 -> 64 x 14 x 14 -> 1 x 28 x 28 pixels in (-1, 1). */
    @Generator
    @Condition(classes = 10)
    interface G {
        @Noise(size = 100, distribution = Noise.Distribution.GAUSSIAN)
        void noise();

        @Embedding(classes = 10, size = 10)
        void label();

        @Dense(units = 6272, bias = false)
        void project();

        @BatchNorm
        void projectNorm();

        @ReLU
        void projectActivation();

        @Reshape(channels = 128, height = 7, width = 7)
        void image();

        @ConvTranspose2d(channels = 64, kernel = 4, stride = 2, padding = 1, bias = false)
        void up1();

        @BatchNorm
        void up1Norm();

        @ReLU
        void up1Activation();

        @ConvTranspose2d(channels = 1, kernel = 4, stride = 2, padding = 1)
        void up2();

        @Tanh
        void outActivation();
    }

    /** 1 x 28 x 28 ++ 10 one-hot label channels -> 64 x 14 x 14 -> 128 x 7 x 7 -> the probability that the image is real. */
    @Discriminator(channels = 1, height = 28, width = 28)
    @Condition(classes = 10)
    interface D {
        @OneHot(classes = 10)
        void label();
        @Conv2d(channels = 64, kernel = 4, stride = 2, padding = 1)
        void down1();

        @LeakyReLU(slope = 0.2f)
        void down1Activation();

        @Conv2d(channels = 128, kernel = 4, stride = 2, padding = 1, bias = false)
        void down2();

        @BatchNorm
        void down2Norm();

        @LeakyReLU(slope = 0.2f)
        void down2Activation();

        @Flatten
        void flat();

        @Dense(units = 1)
        void out();

        @Sigmoid
        void outActivation();
    }
}
