package io.jgan.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.generated.Init;
import io.jgan.runtime.generated.LayerInfo;
import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.Rng;
import io.jgan.runtime.generated.Tensor;
import io.jgan.testing.GradientCheck.Numeric;
import io.jgan.testing.GradientCheck.Result;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tolerance that docs/gradient-check.md recommends for layers with a kink holds: a network with
 * ELU (alpha 0.5, so its slope jumps from 0.5 to 1 at 0) and LeakyReLU (slope 0.2) passes
 * {@link GradientCheck.Tolerance#DEFAULT} with the checker's kink tracking, even with pre-activations
 * placed within a step of the kinks; without the tracking the same numbers fail, and a real bug (ELU's
 * derivative taken as 1 everywhere) fails with it.
 */
class KinkedLayersGradientTest {
    private static final int IN = 4;
    private static final int HIDDEN1 = 12;
    private static final int HIDDEN2 = 10;
    private static final int BATCH = 12;
    private static final float ALPHA = 0.5f;
    private static final float SLOPE = 0.2f;

    @Test
    void eluAndLeakyReluPassTheDefaultToleranceWithKinkTracking() {
        for (long seed = 1; seed <= 5; seed++) {
            KinkedMlp d = new KinkedMlp(BATCH, false);
            d.initialize(new Rng(seed));
            GradientCheck check = new GradientCheck(d, BATCH, 100 + seed);
            putPreActivationsOnTheKinks(d, check);

            // Both throw with the report if an entry is out of tolerance or too many crossed a kink.
            Result parameters = check.checkParameters();
            check.checkInput();

            assertTrue(parameters.report().contains("across a kink"), "kinks were crossed: " + parameters.report());
        }
    }

    @Test
    void withoutKinkTrackingTheSameCheckFails() {
        KinkedMlp d = new KinkedMlp(BATCH, false);
        d.initialize(new Rng(1));
        GradientCheck check = new GradientCheck(d, BATCH, 101);
        putPreActivationsOnTheKinks(d, check);

        float[] analytic = check.parameterGradient();
        Numeric tracked = check.numericParameterGradient();
        Result naive = GradientCheck.compare("naive", analytic, tracked.gradient(),
                GradientCheck.parameterNames(d.info()));

        assertFalse(naive.ok(), "a central difference across a kink measures neither slope: " + naive.report());
    }

    @Test
    void aWrongDerivativeStillFails() {
        KinkedMlp d = new KinkedMlp(BATCH, true);
        d.initialize(new Rng(2));
        GradientCheck check = new GradientCheck(d, BATCH, 102);

        AssertionError e = assertThrows(AssertionError.class, check::checkParameters);
        assertTrue(e.getMessage().contains("NOT OK"), e.getMessage());
    }

    /**
     * Shifts a bias of each hidden layer so that the first sample's pre-activation sits within one step
     * of 0: perturbing that bias, the weights feeding it or the sample's inputs crosses ELU's kink and
     * LeakyReLU's.
     */
    private static void putPreActivationsOnTheKinks(KinkedMlp d, GradientCheck check) {
        float[] p = d.parameters();
        d.forward(check.input(), BATCH);
        p[KinkedMlp.B1 + 3] -= d.z1[3] - 2e-4f;
        d.forward(check.input(), BATCH);
        p[KinkedMlp.B2 + 5] -= d.z2[5] + 3e-4f;
    }

    /**
     * Dense(4 -> 12) -> ELU(alpha 0.5) -> Dense(12 -> 10) -> LeakyReLU(0.2) -> Dense(10 -> 1), written by
     * hand with its buffers as fields, the way generated code keeps them (the checker watches them).
     */
    static final class KinkedMlp extends Network {
        static final int W1 = 0;
        static final int B1 = W1 + IN * HIDDEN1;
        static final int W2 = B1 + HIDDEN1;
        static final int B2 = W2 + HIDDEN1 * HIDDEN2;
        static final int W3 = B2 + HIDDEN2;
        static final int B3 = W3 + HIDDEN2;
        static final int PARAMETERS = B3 + 1;

        final float[] z1;
        final float[] a1;
        final float[] z2;
        final float[] a2;
        private final float[] dz1;
        private final float[] dz2;
        private final boolean wrongEluDerivative;

        KinkedMlp(int maxBatch, boolean wrongEluDerivative) {
            super(new NetworkInfo("test.Kinked", NetworkInfo.Role.DISCRIMINATOR, IN, 1, PARAMETERS, List.of(
                    dense(0, "hidden1", IN, HIDDEN1, W1), new LayerInfo(1, "elu", "ELU(alpha = 0.5)", HIDDEN1, List.of()),
                    dense(2, "hidden2", HIDDEN1, HIDDEN2, W2),
                    new LayerInfo(3, "leaky", "LeakyReLU(slope = 0.2)", HIDDEN2, List.of()),
                    dense(4, "out", HIDDEN2, 1, W3)), null), maxBatch, true);
            z1 = new float[maxBatch * HIDDEN1];
            a1 = new float[maxBatch * HIDDEN1];
            z2 = new float[maxBatch * HIDDEN2];
            a2 = new float[maxBatch * HIDDEN2];
            dz1 = new float[maxBatch * HIDDEN1];
            dz2 = new float[maxBatch * HIDDEN2];
            this.wrongEluDerivative = wrongEluDerivative;
        }

        private static LayerInfo dense(int index, String name, int in, int out, int offset) {
            return new LayerInfo(index, name, "Dense(units = " + out + ")", out, List.of(
                    new Tensor("weight", offset, new int[] {out, in}, false),
                    new Tensor("bias", offset + in * out, new int[] {out}, false)));
        }

        /** y[b, o] = bias[o] + sum_i w[o, i] x[b, i]. */
        private void dense(float[] x, int in, int out, int w, float[] y, int batch) {
            for (int b = 0; b < batch; b++) {
                for (int o = 0; o < out; o++) {
                    float s = params[w + in * out + o];
                    for (int i = 0; i < in; i++) {
                        s += params[w + o * in + i] * x[b * in + i];
                    }
                    y[b * out + o] = s;
                }
            }
        }

        /** Accumulates the weight and bias gradients; writes dx when asked. */
        private void denseBackward(float[] x, int in, int out, int w, float[] dy, float[] dx, boolean parameters,
                int batch) {
            for (int b = 0; b < batch; b++) {
                for (int o = 0; o < out; o++) {
                    float g = dy[b * out + o];
                    if (parameters) {
                        grads[w + in * out + o] += g;
                        for (int i = 0; i < in; i++) {
                            grads[w + o * in + i] += g * x[b * in + i];
                        }
                    }
                }
                if (dx != null) {
                    for (int i = 0; i < in; i++) {
                        float s = 0;
                        for (int o = 0; o < out; o++) {
                            s += params[w + o * in + i] * dy[b * out + o];
                        }
                        dx[b * in + i] = s;
                    }
                }
            }
        }

        @Override
        protected void forwardLayers(int batch) {
            dense(input, IN, HIDDEN1, W1, z1, batch);
            for (int k = 0; k < batch * HIDDEN1; k++) {
                a1[k] = z1[k] > 0 ? z1[k] : ALPHA * (float) Math.expm1(z1[k]);
            }
            dense(a1, HIDDEN1, HIDDEN2, W2, z2, batch);
            for (int k = 0; k < batch * HIDDEN2; k++) {
                a2[k] = z2[k] > 0 ? z2[k] : SLOPE * z2[k];
            }
            dense(a2, HIDDEN2, 1, W3, output, batch);
        }

        private void backward(int batch, boolean parameters) {
            float[] da2 = new float[batch * HIDDEN2];
            denseBackward(a2, HIDDEN2, 1, W3, outputGrad, da2, parameters, batch);
            for (int k = 0; k < batch * HIDDEN2; k++) {
                dz2[k] = z2[k] > 0 ? da2[k] : SLOPE * da2[k];
            }
            float[] da1 = new float[batch * HIDDEN1];
            denseBackward(a1, HIDDEN1, HIDDEN2, W2, dz2, da1, parameters, batch);
            for (int k = 0; k < batch * HIDDEN1; k++) {
                // ELU' = 1 above 0, alpha e^z = a + alpha below.
                float slope = z1[k] > 0 || wrongEluDerivative ? 1f : a1[k] + ALPHA;
                dz1[k] = slope * da1[k];
            }
            denseBackward(input, IN, HIDDEN1, W1, dz1, parameters ? null : inputGrad, parameters, batch);
        }

        @Override
        protected void backwardParameterLayers(int batch) {
            backward(batch, true);
        }

        @Override
        protected void backwardInputLayers(int batch) {
            backward(batch, false);
        }

        @Override
        protected void initializeLayers(Rng rng) {
            Init.linear(params, W1, IN * HIDDEN1 + HIDDEN1, IN, rng);
            Init.linear(params, W2, HIDDEN1 * HIDDEN2 + HIDDEN2, HIDDEN1, rng);
            Init.linear(params, W3, HIDDEN2 + 1, HIDDEN2, rng);
        }
    }
}
