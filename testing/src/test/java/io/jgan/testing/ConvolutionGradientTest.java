package io.jgan.testing;

import io.jgan.runtime.generated.Parallel;
import io.jgan.runtime.Rng;
import io.jgan.runtime.kernel.BatchNormKernel;
import io.jgan.runtime.kernel.Conv2dKernel;
import io.jgan.runtime.kernel.ConvTranspose2dKernel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Finite-difference checks of the runtime's convolution and batch-norm kernels on their own (whole
 * networks with these layers are checked in the processor's tests): the loss is a fixed random
 * linear function of the output, so its gradient is what each backward pass starts from.
 */
class ConvolutionGradientTest {
    private static final int WEIGHT = 2;
    /**
     * A layer's outputs are sums of up to 50 products here, so the float rounding of the loss
     * difference reaches about 4e-4 (the default allows 2e-4); a gradient read from a wrong index is
     * off by the size of a gradient, 0.01 to 1.
     */
    private static final GradientCheck.Tolerance TOLERANCE = new GradientCheck.Tolerance(1e-3, 1e-2);
    private static final Parallel SERIAL = Parallel.withThreads(1);

    /** One layer's passes over fixed buffers. */
    private interface Layer {
        void forward(float[] x, float[] params, float[] y, int batch);

        void backward(float[] x, float[] dy, float[] params, float[] grads, float[] dx, int batch);
    }

    private static float[] random(int n, Rng rng) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = 2 * rng.nextFloat() - 1;
        }
        return v;
    }

    /** Checks the parameter gradient (entries [WEIGHT, WEIGHT + params)) and the input gradient. */
    private static void check(String what, Layer layer, int batch, int inSize, int outSize, int params, long seed) {
        Rng rng = new Rng(seed);
        float[] x = random(batch * inSize, rng);
        float[] p = random(WEIGHT + params + 1, rng);
        float[] c = random(batch * outSize, rng);
        float[] y = new float[batch * outSize];
        java.util.function.DoubleSupplier loss = () -> {
            layer.forward(x, p, y, batch);
            double l = 0;
            for (int k = 0; k < c.length; k++) {
                l += (double) c[k] * y[k];
            }
            return l;
        };
        loss.getAsDouble();
        float[] grads = new float[p.length];
        float[] dx = new float[x.length];
        layer.backward(x, c, p, grads, dx, batch);

        float[] analytic = Arrays.copyOfRange(grads, WEIGHT, WEIGHT + params);
        double[] all = GradientCheck.centralDifferences(p, loss, List.of()).gradient();
        double[] numeric = Arrays.copyOfRange(all, WEIGHT, WEIGHT + params);
        GradientCheck.compare(what + " parameters", analytic, numeric, k -> "parameter " + k, TOLERANCE).orThrow()
                .requireNonZero();
        if (all[0] != 0 || all[all.length - 1] != 0 || grads[0] != 0 || grads[grads.length - 1] != 0) {
            throw new AssertionError(what + ": a value outside the layer's parameters matters or got a gradient");
        }
        double[] numericInput = GradientCheck.centralDifferences(x, loss, List.of()).gradient();
        GradientCheck.compare(what + " input", dx, numericInput, k -> "input " + k, TOLERANCE).orThrow().requireNonZero();
    }

    @ParameterizedTest(name = "conv {0}x{1}x{2} -> {3}, k {4} s {5} p {6}, bias {7}")
    @CsvSource({
        "1, 5, 5, 2, 3, 1, 0, true", "2, 6, 5, 3, 3, 2, 1, true", "2, 6, 6, 2, 4, 2, 1, false", "3, 4, 4, 2, 1, 1, 0, true",
        "2, 7, 7, 2, 5, 3, 2, true", "2, 4, 4, 3, 2, 2, 0, true", "1, 3, 3, 2, 3, 1, 2, true", "2, 5, 6, 2, 2, 1, 1, false"})
    void convolution(int c, int h, int w, int o, int k, int s, int p, boolean bias) {
        int weights = o * c * k * k;
        Conv2dKernel kernel = new Conv2dKernel(c, h, w, o, k, s, p, WEIGHT, bias ? WEIGHT + weights : -1, 3);
        int out = o * Conv2dKernel.outputSize(h, k, s, p) * Conv2dKernel.outputSize(w, k, s, p);
        check("Conv2d", new Layer() {
            @Override
            public void forward(float[] x, float[] params, float[] y, int batch) {
                kernel.forward(SERIAL, x, params, y, batch);
            }

            @Override
            public void backward(float[] x, float[] dy, float[] params, float[] grads, float[] dx, int batch) {
                kernel.backward(SERIAL, dy, params, grads, dx, batch);
            }
        }, 3, c * h * w, out, weights + (bias ? o : 0), 11L * c + h + k);
    }

    @ParameterizedTest(name = "transposed {0}x{1}x{2} -> {3}, k {4} s {5} p {6} op {7}, bias {8}")
    @CsvSource({
        "1, 3, 3, 2, 3, 1, 0, 0, true", "2, 3, 4, 3, 3, 2, 1, 1, true", "2, 3, 3, 2, 4, 2, 1, 0, false",
        "3, 4, 4, 2, 1, 1, 0, 0, true", "2, 2, 3, 2, 5, 3, 2, 2, true", "2, 3, 3, 3, 2, 2, 0, 1, true",
        "1, 4, 4, 2, 3, 1, 1, 0, true", "2, 3, 3, 2, 2, 3, 0, 2, false"})
    void transposedConvolution(int c, int h, int w, int o, int k, int s, int p, int op, boolean bias) {
        int weights = c * o * k * k;
        ConvTranspose2dKernel kernel = new ConvTranspose2dKernel(c, h, w, o, k, s, p, op, WEIGHT,
                bias ? WEIGHT + weights : -1, 3);
        int out = o * ConvTranspose2dKernel.outputSize(h, k, s, p, op) * ConvTranspose2dKernel.outputSize(w, k, s, p, op);
        check("ConvTranspose2d", new Layer() {
            @Override
            public void forward(float[] x, float[] params, float[] y, int batch) {
                kernel.forward(SERIAL, x, params, y, batch);
            }

            @Override
            public void backward(float[] x, float[] dy, float[] params, float[] grads, float[] dx, int batch) {
                kernel.backward(SERIAL, x, dy, params, grads, dx, batch);
            }
        }, 3, c * h * w, out, weights + (bias ? o : 0), 13L * c + h + k);
    }

    /** Batch 2 of one value per channel would normalise every value to +-1: no gradient to check. */
    @ParameterizedTest(name = "batch norm: {0} channels of {1}, batch {2}")
    @CsvSource({"5, 1, 4", "3, 1, 3", "3, 6, 2", "2, 9, 3", "4, 4, 1"})
    void batchNormInTraining(int channels, int size, int batch) {
        BatchNormKernel kernel = new BatchNormKernel(channels, size, 0.1, 1e-5, WEIGHT, batch);
        float[] state = new float[BatchNormKernel.stateSize(channels)];
        BatchNormKernel.resetState(channels, state, 0);
        int n = channels * size;
        check("BatchNorm", new Layer() {
            @Override
            public void forward(float[] x, float[] params, float[] y, int b) {
                kernel.forward(SERIAL, x, params, state, 0, y, b, true);
            }

            @Override
            public void backward(float[] x, float[] dy, float[] params, float[] grads, float[] dx, int b) {
                kernel.backward(SERIAL, x, dy, params, grads, dx, b);
            }
        }, batch, n, n, 2 * channels, 17L * channels + size);
    }
}
