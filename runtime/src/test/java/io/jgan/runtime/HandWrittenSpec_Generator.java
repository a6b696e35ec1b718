package io.jgan.runtime;

import io.jgan.runtime.generated.LayerInfo;
import io.jgan.runtime.generated.Tensor;
import java.util.List;

/** What jgan-processor would generate for {@link HandWrittenSpec}: y = w x on 2 values. */
public final class HandWrittenSpec_Generator extends Network {
    private static final NetworkInfo INFO = new NetworkInfo("io.jgan.runtime.HandWrittenSpec_Generator",
            NetworkInfo.Role.GENERATOR, 2, 2, 1,
            List.of(new LayerInfo(0, "scale", "Scale()", 2, List.of(new Tensor("weight", 0, new int[] {1}, false)))),
            new Noise(Noise.Distribution.UNIFORM, 2, 0f, 1f));

    /** As generated: one constructor taking the largest batch. */
    public HandWrittenSpec_Generator(int maxBatch) {
        super(INFO, maxBatch, false);
    }

    @Override
    protected void forwardLayers(int batch) {
        for (int k = 0; k < batch * 2; k++) {
            output[k] = params[0] * input[k];
        }
    }

    @Override
    protected void backwardParameterLayers(int batch) {
        for (int k = 0; k < batch * 2; k++) {
            grads[0] += outputGrad[k] * input[k];
        }
    }

    @Override
    protected void backwardInputLayers(int batch) {
        throw new UnsupportedOperationException();
    }

    @Override
    protected void initializeLayers(Rng rng) {
        params[0] = 1f;
    }
}
