package io.jgan.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgan.runtime.generated.Parallel;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kernels give PyTorch's results ({@link TorchConvValues}, recorded by
 * {@code runtime/src/test/python/record_conv.py}) for the same inputs, weights and output
 * gradients, in PyTorch's layouts: {@code nn.Conv2d}, {@code nn.ConvTranspose2d},
 * {@code nn.BatchNorm1d} and {@code nn.BatchNorm2d} in training (outputs, gradients, running
 * statistics after two batches) and in evaluation mode.
 */
class TorchConvTest {
    private static final Parallel TWO = Parallel.withThreads(2);

    /** As the script: ((k * 7919 + seed * 104729) % 2001 - 1000) / 1000, rounded to float. */
    private static float[] value(int n, int seed) {
        float[] v = new float[n];
        for (long k = 0; k < n; k++) {
            v[(int) k] = (float) (((k * 7919 + seed * 104729L) % 2001 - 1000) / 1000.0);
        }
        return v;
    }

    private static void assertClose(String what, float[] expected, float[] actual, int offset) {
        float scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[offset + k], 2e-5f * Math.max(1f, scale), what + " at " + k);
        }
    }

    private static void conv(Map<String, float[]> torch, boolean transposed, int batch, int c, int h, int w, int o,
            int k, int s, int p, int op, boolean bias) {
        float[] x = value(batch * c * h * w, 1);
        int weights = o * c * k * k;
        float[] params = new float[weights + o];
        System.arraycopy(value(weights, 2), 0, params, 0, weights);
        if (bias) {
            System.arraycopy(value(o, 3), 0, params, weights, o);
        }
        float[] y = new float[torch.get("y").length];
        float[] dy = value(y.length, 4);
        float[] grads = new float[params.length];
        float[] dx = new float[x.length];
        if (transposed) {
            ConvTranspose2dKernel kernel = new ConvTranspose2dKernel(c, h, w, o, k, s, p, op, 0, bias ? weights : -1,
                    batch);
            kernel.forward(TWO, x, params, y, batch);
            kernel.backward(TWO, x, dy, params, grads, dx, batch);
        } else {
            Conv2dKernel kernel = new Conv2dKernel(c, h, w, o, k, s, p, 0, bias ? weights : -1, batch);
            kernel.forward(TWO, x, params, y, batch);
            kernel.backward(TWO, dy, params, grads, dx, batch);
        }
        assertClose("output", torch.get("y"), y, 0);
        assertClose("weight gradient", torch.get("gW"), grads, 0);
        if (bias) {
            assertClose("bias gradient", torch.get("gB"), grads, weights);
        }
        assertClose("input gradient", torch.get("dx"), dx, 0);
    }

    @Test
    void convolutionWithStride() {
        conv(TorchConvValues.CONV_STRIDE_2, false, 2, 3, 7, 6, 4, 3, 2, 1, 0, true);
    }

    @Test
    void convolutionWithWidePaddingAndNoBias() {
        conv(TorchConvValues.CONV_PADDED_NO_BIAS, false, 2, 2, 5, 5, 3, 4, 1, 2, 0, false);
    }

    @Test
    void transposedConvolutionWithStride() {
        conv(TorchConvValues.TRANSPOSED_STRIDE_2, true, 2, 3, 4, 3, 2, 4, 2, 1, 0, true);
    }

    @Test
    void transposedConvolutionWithOutputPaddingAndNoBias() {
        conv(TorchConvValues.TRANSPOSED_OUTPUT_PADDING_NO_BIAS, true, 2, 2, 3, 3, 3, 3, 2, 1, 1, false);
    }

    private static void batchNorm(Map<String, float[]> torch, int batch, int c, int size) {
        float[] params = new float[2 * c];
        float[] weight = value(c, 5);
        for (int k = 0; k < c; k++) {
            params[k] = weight[k] + 1;
        }
        System.arraycopy(value(c, 6), 0, params, c, c);
        float[] x = value(batch * c * size, 7);
        for (int k = 0; k < x.length; k++) {
            x[k] = x[k] * 2 + 0.5f;
        }
        float[] state = new float[BatchNormKernel.stateSize(c)];
        BatchNormKernel.resetState(c, state, 0);
        BatchNormKernel kernel = new BatchNormKernel(c, size, 0.1, 1e-5, 0, batch);
        float[] y = new float[x.length];
        kernel.forward(TWO, x, params, state, 0, y, batch, true);
        float[] grads = new float[params.length];
        float[] dx = new float[x.length];
        kernel.backward(TWO, x, value(y.length, 8), params, grads, dx, batch);
        assertClose("training output", torch.get("y"), y, 0);
        assertClose("input gradient", torch.get("dx"), dx, 0);
        assertClose("weight gradient", torch.get("gW"), grads, 0);
        assertClose("bias gradient", torch.get("gB"), grads, c);

        float[] half = x.clone();
        for (int k = 0; k < half.length; k++) {
            half[k] *= 0.5f;
        }
        kernel.forward(TWO, half, params, state, 0, new float[x.length], batch, true);
        assertClose("running mean", torch.get("runningMean"), state, 0);
        assertClose("running var", torch.get("runningVar"), state, c);
        assertEquals(2f, state[2 * c], "num_batches_tracked");
        float[] before = state.clone();
        kernel.forward(TWO, x, params, state, 0, y, batch, false);
        assertClose("evaluation output", torch.get("yEval"), y, 0);
        assertEquals(Arrays.toString(before), Arrays.toString(state), "evaluation moved the running statistics");
    }

    @Test
    void batchNorm1d() {
        batchNorm(TorchConvValues.BATCH_NORM_1D, 4, 5, 1);
    }

    @Test
    void batchNorm2d() {
        batchNorm(TorchConvValues.BATCH_NORM_2D, 3, 2, 6);
    }
}
