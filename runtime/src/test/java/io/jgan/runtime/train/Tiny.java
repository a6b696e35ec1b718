package io.jgan.runtime.train;

import io.jgan.runtime.generated.Init;
import io.jgan.runtime.generated.LayerInfo;
import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.Noise;
import io.jgan.runtime.Rng;
import io.jgan.runtime.generated.Tensor;
import io.jgan.runtime.data.RealData;
import java.util.List;

/** Hand-written networks and data small enough to check the training loop by hand. */
final class Tiny {
    private Tiny() {}

    /** What the trainer looks for at the end of a discriminator that gives probabilities. */
    static final LayerInfo SIGMOID = new LayerInfo(1, "probability", "Sigmoid", 1, List.of());

    private static LayerInfo layer(String kind, int width, int weights) {
        return new LayerInfo(0, "layer", kind, width, List.of(new Tensor("weight", 0, new int[] {weights}, false),
                new Tensor("bias", weights, new int[] {1}, false)));
    }

    /** x = w z + b on every value: parameters [w, b]. Records the mode of its forward passes. */
    static final class Generator extends Network {
        final int size;
        int trainingForwards;
        int inferenceForwards;

        Generator(int size, int maxBatch, Noise noise) {
            super(new NetworkInfo("test.Tiny", NetworkInfo.Role.GENERATOR, noise.size(), size, 2,
                    List.of(layer("Affine()", size, 1)), noise), maxBatch, false);
            if (noise.size() != size) {
                throw new IllegalArgumentException("elementwise: noise size must equal output size");
            }
            this.size = size;
        }

        Generator(int size, int maxBatch) {
            this(size, maxBatch, new Noise(Noise.Distribution.GAUSSIAN, size, 0f, 1f));
        }

        @Override
        protected void forwardLayers(int batch) {
            if (training) {
                trainingForwards++;
            } else {
                inferenceForwards++;
            }
            for (int k = 0; k < batch * size; k++) {
                output[k] = params[0] * input[k] + params[1];
            }
        }

        @Override
        protected void backwardParameterLayers(int batch) {
            for (int k = 0; k < batch * size; k++) {
                grads[0] += outputGrad[k] * input[k];
                grads[1] += outputGrad[k];
            }
        }

        @Override
        protected void initializeLayers(Rng rng) {
            Init.linear(params, 0, 2, 1, rng);
        }
    }

    /** p = sigmoid(w . x + b): logistic regression, parameters [w_0 .. w_{size-1}, b]. */
    static final class Discriminator extends Network {
        final int size;
        /** Runs after each parameter backward pass: a test can poison a gradient or parameter there. */
        Runnable afterBackward = () -> { };

        Discriminator(int size, int maxBatch) {
            super(new NetworkInfo("test.Tiny", NetworkInfo.Role.DISCRIMINATOR, size, 1, size + 1,
                    List.of(layer("Logistic()", 1, size), SIGMOID), null), maxBatch, true);
            this.size = size;
        }

        @Override
        protected void forwardLayers(int batch) {
            for (int s = 0; s < batch; s++) {
                float z = params[size];
                for (int j = 0; j < size; j++) {
                    z += params[j] * input[s * size + j];
                }
                output[s] = (float) (1 / (1 + Math.exp(-z)));
            }
        }

        private float logitGradient(int s) {
            return outputGrad[s] * output[s] * (1 - output[s]);
        }

        @Override
        protected void backwardParameterLayers(int batch) {
            for (int s = 0; s < batch; s++) {
                float dz = logitGradient(s);
                for (int j = 0; j < size; j++) {
                    grads[j] += dz * input[s * size + j];
                }
                grads[size] += dz;
            }
            afterBackward.run();
        }

        @Override
        protected void backwardInputLayers(int batch) {
            for (int s = 0; s < batch; s++) {
                float dz = logitGradient(s);
                for (int j = 0; j < size; j++) {
                    inputGrad[s * size + j] = dz * params[j];
                }
            }
        }

        @Override
        protected void initializeLayers(Rng rng) {
            Init.linear(params, 0, size + 1, size, rng);
        }
    }

    /** s = w . x + b: the discriminator without a sigmoid, for the losses on raw scores. Parameters [w, b]. */
    static final class Critic extends Network {
        final int size;

        Critic(int size, int maxBatch) {
            super(new NetworkInfo("test.Tiny", NetworkInfo.Role.DISCRIMINATOR, size, 1, size + 1,
                    List.of(layer("Linear()", 1, size)), null), maxBatch, true);
            this.size = size;
        }

        @Override
        protected void forwardLayers(int batch) {
            for (int s = 0; s < batch; s++) {
                float z = params[size];
                for (int j = 0; j < size; j++) {
                    z += params[j] * input[s * size + j];
                }
                output[s] = z;
            }
        }

        @Override
        protected void backwardParameterLayers(int batch) {
            for (int s = 0; s < batch; s++) {
                for (int j = 0; j < size; j++) {
                    grads[j] += outputGrad[s] * input[s * size + j];
                }
                grads[size] += outputGrad[s];
            }
        }

        @Override
        protected void backwardInputLayers(int batch) {
            for (int s = 0; s < batch; s++) {
                for (int j = 0; j < size; j++) {
                    inputGrad[s * size + j] = outputGrad[s] * params[j];
                }
            }
        }

        @Override
        protected void initializeLayers(Rng rng) {
            Init.linear(params, 0, size + 1, size, rng);
        }
    }

    /** Every value the same; the value can be changed between iterations (e.g. to NaN). */
    static final class ConstantData implements RealData {
        final int size;
        float value;
        int calls;

        ConstantData(int size, float value) {
            this.size = size;
            this.value = value;
        }

        @Override
        public int sampleSize() {
            return size;
        }

        @Override
        public void next(float[] dst, int batch, Rng rng) {
            calls++;
            java.util.Arrays.fill(dst, 0, batch * size, value);
        }
    }

    /** Independent N(mean, std) values drawn from the run's generator. */
    static final class GaussianData implements RealData {
        final int size;
        final float mean;
        final float std;

        GaussianData(int size, float mean, float std) {
            this.size = size;
            this.mean = mean;
            this.std = std;
        }

        @Override
        public int sampleSize() {
            return size;
        }

        @Override
        public void next(float[] dst, int batch, Rng rng) {
            for (int k = 0; k < batch * size; k++) {
                dst[k] = (float) (mean + std * rng.nextGaussian());
            }
        }
    }

    static float sigmoid(double z) {
        return (float) (1 / (1 + Math.exp(-z)));
    }
}
