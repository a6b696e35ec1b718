package io.jgan.runtime.sweep;

import io.jgan.runtime.generated.Init;
import io.jgan.runtime.generated.LayerInfo;
import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.Noise;
import io.jgan.runtime.Rng;
import io.jgan.runtime.generated.Tensor;
import java.util.List;

/** Hand-written networks for sweeps: G x = w z + b on N(0, 1) noise, D logistic regression, one value. */
record LineGan() implements GanNetworks {
    private static final long serialVersionUID = 1L;

    private static LayerInfo layer(String kind) {
        return new LayerInfo(0, "layer", kind, 1, List.of(new Tensor("weight", 0, new int[] {1}, false),
                new Tensor("bias", 1, new int[] {1}, false)));
    }

    @Override
    public Network generator(int maxBatch) {
        return new Network(new NetworkInfo("test.Line", NetworkInfo.Role.GENERATOR, 1, 1, 2, List.of(layer("Affine()")),
                new Noise(Noise.Distribution.GAUSSIAN, 1, 0f, 1f)), maxBatch, false) {
            @Override
            protected void forwardLayers(int batch) {
                for (int k = 0; k < batch; k++) {
                    output[k] = params[0] * input[k] + params[1];
                }
            }

            @Override
            protected void backwardParameterLayers(int batch) {
                for (int k = 0; k < batch; k++) {
                    grads[0] += outputGrad[k] * input[k];
                    grads[1] += outputGrad[k];
                }
            }

            @Override
            protected void initializeLayers(Rng rng) {
                Init.linear(params, 0, 2, 1, rng);
            }
        };
    }

    @Override
    public Network discriminator(int maxBatch) {
        return new Network(new NetworkInfo("test.Line", NetworkInfo.Role.DISCRIMINATOR, 1, 1, 2,
                List.of(layer("Sigmoid(Linear(1, 1))")), null), maxBatch, true) { // a sigmoid last, as bce needs
            @Override
            protected void forwardLayers(int batch) {
                for (int k = 0; k < batch; k++) {
                    output[k] = (float) (1 / (1 + Math.exp(-(params[0] * input[k] + params[1]))));
                }
            }

            @Override
            protected void backwardParameterLayers(int batch) {
                for (int k = 0; k < batch; k++) {
                    float dz = outputGrad[k] * output[k] * (1 - output[k]);
                    grads[0] += dz * input[k];
                    grads[1] += dz;
                }
            }

            @Override
            protected void backwardInputLayers(int batch) {
                for (int k = 0; k < batch; k++) {
                    inputGrad[k] = outputGrad[k] * output[k] * (1 - output[k]) * params[0];
                }
            }

            @Override
            protected void initializeLayers(Rng rng) {
                Init.linear(params, 0, 2, 1, rng);
            }
        };
    }

    /** {@code n} values of N(3, 0.5), fixed. */
    static float[] data(int n) {
        Rng rng = new Rng(42);
        float[] x = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = (float) (3 + 0.5 * rng.nextGaussian());
        }
        return x;
    }
}
