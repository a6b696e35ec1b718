package io.jgan.spark;

import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Generator;
import io.jgan.annotations.LeakyReLU;
import io.jgan.annotations.Noise;
import io.jgan.annotations.ReLU;
import io.jgan.annotations.Sigmoid;
import io.jgan.runtime.Rng;
import io.jgan.runtime.sweep.DataSource;
import io.jgan.runtime.sweep.ModesCovered;

/** A 2-D mixture of eight Gaussians on a ring (radius 2, std 0.02): the classic test of mode collapse. */
public interface Ring {

    @Generator
    interface G {
        @Noise(size = 2, distribution = Noise.Distribution.GAUSSIAN)
        void noise();

        @Dense(units = 32)
        void hidden0();

        @ReLU
        void act0();

        @Dense(units = 32)
        void hidden1();

        @ReLU
        void act1();

        @Dense(units = 2)
        void out();
    }

    @Discriminator(inputSize = 2)
    interface D {
        @Dense(units = 32)
        void hidden0();

        @LeakyReLU(slope = 0.2f)
        void act0();

        @Dense(units = 32)
        void hidden1();

        @LeakyReLU(slope = 0.2f)
        void act1();

        @Dense(units = 1)
        void out();

        @Sigmoid
        void probability();
    }

    /** {@return {@code n} points of the mixture, from a fixed seed} */
    static DataSource data(int n) {
        Rng rng = new Rng(2026);
        float[] x = new float[2 * n];
        for (int k = 0; k < n; k++) {
            double angle = 2 * Math.PI * rng.nextInt(8) / 8;
            x[2 * k] = (float) (2 * Math.cos(angle) + 0.02 * rng.nextGaussian());
            x[2 * k + 1] = (float) (2 * Math.sin(angle) + 0.02 * rng.nextGaussian());
        }
        return DataSource.rows(x, 2);
    }

    /** {@return modes covered, plus the share of 2000 samples within 0.1 (5 std) of a centre} */
    static ModesCovered score() {
        return ModesCovered.ring(8, 2, 0.1, 2000);
    }
}
