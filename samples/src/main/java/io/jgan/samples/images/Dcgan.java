package io.jgan.samples.images;

import io.jgan.annotations.BatchNorm;
import io.jgan.annotations.Conv2d;
import io.jgan.annotations.ConvTranspose2d;
import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Flatten;
import io.jgan.annotations.Generator;
import io.jgan.annotations.LeakyReLU;
import io.jgan.annotations.Noise;
import io.jgan.annotations.ReLU;
import io.jgan.annotations.Reshape;
import io.jgan.annotations.Sigmoid;
import io.jgan.annotations.Tanh;

/**
 * A DCGAN for 28x28 greyscale images: transposed convolutions up from 7x7 in the generator,
 * strided convolutions down in the discriminator, batch normalisation in between (Radford et al.,
 * 2015, sized for MNIST as PyTorch's and Keras's examples do).
 *
 * <p>The layer list is one {@code nn.Sequential} per network, so exported weights load there under
 * the same indices.
 */
public interface Dcgan {

    /** N(0, 1) noise of 100 -> 128 x 7 x 7 -> 64 x 14 x 14 -> 1 x 28 x 28 pixels in (-1, 1). */
    @Generator
    interface G {
        @Noise(size = 100, distribution = Noise.Distribution.GAUSSIAN)
        void noise();

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

    /** 1 x 28 x 28 -> 64 x 14 x 14 -> 128 x 7 x 7 -> the probability that the image is real. */
    @Discriminator(channels = 1, height = 28, width = 28)
    interface D {
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
