package com.example.gan;

import io.jgan.runtime.Rng;
import io.jgan.runtime.data.RealData;

/** Real samples: points spread evenly over the unit circle. */
public final class RingData implements RealData {
    @Override
    public int sampleSize() {
        return 2;                                        // = the discriminator's inputSize
    }

    @Override
    public void next(float[] dst, int batch, Rng rng) {
        for (int b = 0; b < batch; b++) {
            double angle = 2 * Math.PI * rng.nextDouble();
            dst[2 * b] = (float) Math.cos(angle);
            dst[2 * b + 1] = (float) Math.sin(angle);
        }
    }
}
