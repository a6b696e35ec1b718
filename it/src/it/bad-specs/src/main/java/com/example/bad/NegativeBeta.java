package com.example.bad;

import com.example.layers.Swish;
import io.jgan.annotations.Dense;
import io.jgan.annotations.Discriminator;
import io.jgan.annotations.Generator;
import io.jgan.annotations.Noise;
import io.jgan.annotations.Sigmoid;

public interface NegativeBeta {
    @Generator
    interface G {
        @Noise(size = 4)
        void noise();

        @Dense(units = 2)
        void out();
    }

    @Discriminator(inputSize = 2)
    interface D {
        @Swish(beta = -1f)
        void swish();

        @Dense(units = 1)
        void score();

        @Sigmoid
        void probability();
    }
}
