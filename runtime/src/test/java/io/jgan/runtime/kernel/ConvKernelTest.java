package io.jgan.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.generated.Parallel;
import io.jgan.runtime.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Conv2dKernel} and {@link ConvTranspose2dKernel} against {@link ConvReference} over a grid of
 * shapes, kernels, strides, paddings and output paddings, on whichever path the JVM runs (the build
 * runs this class on both); and 1 thread against 2, bit for bit.
 */
class ConvKernelTest {
    private static final double TOLERANCE = 1e-5;
    /** The weight sits at an offset, with other parameters around it, as in a network's flat array. */
    private static final int WEIGHT = 3;

    private record Shape(int batch, int c, int h, int w, int o, int k, int s, int p, int op, boolean bias) {
        int weightSize() {
            return o * c * k * k;
        }

        int biasAt() {
            return bias ? WEIGHT + weightSize() : -1;
        }
    }

    private static float[] fill(float[] a, Rng rng) {
        for (int k = 0; k < a.length; k++) {
            a[k] = 2 * rng.nextFloat() - 1;
        }
        return a;
    }

    private static float[] slice(float[] a, int from, int n) {
        return from < 0 ? null : Arrays.copyOfRange(a, from, from + n);
    }

    @ParameterizedTest(name = "conv {1}x{2}x{3} -> {4}, k {5} s {6} p {7}, bias {8}, batch {0}, {9} threads")
    @CsvSource({
        "2, 1, 5, 5, 1, 3, 1, 0, true, 1", "3, 2, 6, 7, 3, 3, 2, 1, true, 2", "2, 3, 8, 8, 5, 4, 2, 1, false, 2",
        "2, 4, 7, 7, 2, 1, 1, 0, true, 1", "3, 2, 9, 6, 4, 5, 3, 2, true, 2", "2, 3, 4, 4, 17, 2, 2, 0, true, 2",
        "4, 1, 28, 28, 64, 4, 2, 1, true, 2", "5, 16, 14, 14, 33, 4, 2, 1, false, 2", "2, 2, 5, 5, 3, 3, 1, 3, true, 1",
        "2, 16, 9, 6, 4, 5, 3, 2, true, 2", "2, 17, 6, 7, 3, 3, 2, 1, true, 1", "2, 16, 5, 5, 3, 3, 1, 3, false, 2",
        "3, 20, 7, 7, 5, 1, 1, 0, true, 2", "2, 16, 8, 8, 2, 2, 3, 0, true, 1"})
    void convolutionMatchesTheReference(int batch, int c, int h, int w, int o, int k, int s, int p, boolean bias,
            int threads) {
        Shape shape = new Shape(batch, c, h, w, o, k, s, p, 0, bias);
        check(shape, threads, false);
    }

    @ParameterizedTest(name = "transposed {1}x{2}x{3} -> {4}, k {5} s {6} p {7} op {8}, bias {9}, batch {0}, {10} threads")
    @CsvSource({
        "2, 1, 3, 3, 1, 3, 1, 0, 0, true, 1", "3, 2, 4, 5, 3, 3, 2, 1, 1, true, 2", "2, 3, 4, 4, 5, 4, 2, 1, 0, false, 2",
        "2, 4, 5, 5, 2, 1, 1, 0, 0, true, 1", "2, 2, 3, 4, 4, 5, 3, 2, 2, true, 2", "2, 3, 3, 3, 17, 2, 2, 0, 1, true, 2",
        "4, 32, 7, 7, 16, 4, 2, 1, 0, false, 2", "3, 8, 14, 14, 1, 4, 2, 1, 0, true, 2", "2, 2, 4, 4, 3, 2, 3, 0, 2, true, 1",
        "2, 2, 4, 5, 16, 3, 2, 1, 1, true, 2", "2, 3, 3, 4, 18, 5, 3, 2, 2, true, 1", "2, 4, 5, 5, 16, 1, 1, 0, 0, true, 2",
        "2, 2, 4, 4, 16, 2, 3, 0, 2, true, 1", "3, 5, 4, 3, 20, 4, 1, 2, 0, false, 2"})
    void transposedConvolutionMatchesTheReference(int batch, int c, int h, int w, int o, int k, int s, int p, int op,
            boolean bias, int threads) {
        check(new Shape(batch, c, h, w, o, k, s, p, op, bias), threads, true);
    }

    private static void check(Shape t, int threads, boolean transposed) {
        Rng rng = new Rng(31L * t.c + t.o + 7L * t.k + t.s);
        int outH = transposed ? ConvTranspose2dKernel.outputSize(t.h, t.k, t.s, t.p, t.op)
                : Conv2dKernel.outputSize(t.h, t.k, t.s, t.p);
        int outW = transposed ? ConvTranspose2dKernel.outputSize(t.w, t.k, t.s, t.p, t.op)
                : Conv2dKernel.outputSize(t.w, t.k, t.s, t.p);
        int outSize = t.o * outH * outW;
        float[] x = fill(new float[t.batch * t.c * t.h * t.w], rng);
        float[] params = fill(new float[WEIGHT + t.weightSize() + t.o + 2], rng);
        float[] dy = fill(new float[t.batch * outSize], rng);
        float[] w = slice(params, WEIGHT, t.weightSize());
        float[] b = slice(params, t.biasAt(), t.o);
        ConvReference ref = transposed
                ? ConvReference.convTranspose(x, w, b, dy, t.batch, t.c, t.h, t.w, t.o, t.k, t.s, t.p, t.op)
                : ConvReference.conv(x, w, b, dy, t.batch, t.c, t.h, t.w, t.o, t.k, t.s, t.p);
        float[] ax = ConvReference.abs(x);
        float[] ady = ConvReference.abs(dy);
        ConvReference scale = transposed
                ? ConvReference.convTranspose(ax, ConvReference.abs(w), ConvReference.abs(b), ady, t.batch, t.c, t.h,
                        t.w, t.o, t.k, t.s, t.p, t.op)
                : ConvReference.conv(ax, ConvReference.abs(w), ConvReference.abs(b), ady, t.batch, t.c, t.h, t.w, t.o,
                        t.k, t.s, t.p);

        float[][] run = run(t, threads, transposed, x, params, dy);
        float[] y = run[0];
        float[] grads = run[1];
        float[] dx = run[2];
        DenseReference.assertClose("forward", ref.y(), y, 0, scale.y(), TOLERANCE);
        assertTrue(Float.isNaN(y[t.batch * outSize]), "wrote past the batch");
        // The kernel accumulated onto gradients that started at 1.
        double[] gw = ref.weightGradient().clone();
        double[] gwScale = scale.weightGradient().clone();
        for (int k = 0; k < gw.length; k++) {
            gw[k] += 1;
            gwScale[k] += 1;
        }
        DenseReference.assertClose("weight gradient", gw, grads, WEIGHT, gwScale, TOLERANCE);
        if (t.bias) {
            double[] gb = ref.biasGradient().clone();
            double[] gbScale = scale.biasGradient().clone();
            for (int k = 0; k < gb.length; k++) {
                gb[k] += 1;
                gbScale[k] += 1;
            }
            DenseReference.assertClose("bias gradient", gb, grads, t.biasAt(), gbScale, TOLERANCE);
        }
        for (int k = 0; k < WEIGHT; k++) {
            assertEquals(1f, grads[k], "gradient before the layer changed at " + k);
        }
        assertEquals(1f, grads[grads.length - 1], "gradient after the layer changed");
        if (!t.bias) {
            assertEquals(1f, grads[WEIGHT + t.weightSize()], "no bias, but its slot changed");
        }
        DenseReference.assertClose("input gradient", ref.inputGradient(), dx, 0, scale.inputGradient(), TOLERANCE);
    }

    /** Forward and backward on {@code threads} threads: {y, grads, dx}; buffers have one spare sample of NaN. */
    private static float[][] run(Shape t, int threads, boolean transposed, float[] x, float[] params, float[] dy) {
        Parallel parallel = Parallel.withThreads(threads);
        int outSize = dy.length / t.batch;
        float[] y = new float[(t.batch + 1) * outSize];
        Arrays.fill(y, Float.NaN);
        float[] grads = new float[params.length];
        Arrays.fill(grads, 1f);
        float[] dx = new float[x.length];
        Arrays.fill(dx, Float.NaN);
        if (transposed) {
            ConvTranspose2dKernel kernel = new ConvTranspose2dKernel(t.c, t.h, t.w, t.o, t.k, t.s, t.p, t.op, WEIGHT,
                    t.biasAt(), t.batch + 1);
            kernel.forward(parallel, x, params, y, t.batch);
            kernel.backward(parallel, x, dy, params, grads, dx, t.batch);
        } else {
            Conv2dKernel kernel = new Conv2dKernel(t.c, t.h, t.w, t.o, t.k, t.s, t.p, WEIGHT, t.biasAt(), t.batch + 1);
            kernel.forward(parallel, x, params, y, t.batch);
            kernel.backward(parallel, dy, params, grads, dx, t.batch);
        }
        return new float[][] {y, grads, dx};
    }

    /**
     * The DCGAN's layers, big enough to be split over threads: inner layers (gathered patches) and
     * the outer ones, whose 16-entry patches are copied out.
     */
    @ParameterizedTest(name = "transposed {0}, outer layer {1}")
    @CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void oneAndTwoThreadsAgreeBitForBit(boolean transposed, boolean outer) {
        Shape t = outer
                ? transposed ? new Shape(8, 64, 14, 14, 1, 4, 2, 1, 0, true) : new Shape(8, 1, 28, 28, 64, 4, 2, 1, 0, true)
                : transposed ? new Shape(8, 32, 7, 7, 16, 4, 2, 1, 0, true) : new Shape(8, 16, 14, 14, 32, 4, 2, 1, 0, true);
        Rng rng = new Rng(3);
        int outH = transposed ? 2 * t.h : t.h / 2;
        float[] x = fill(new float[t.batch * t.c * t.h * t.w], rng);
        float[] params = fill(new float[WEIGHT + t.weightSize() + t.o + 2], rng);
        float[] dy = fill(new float[t.batch * t.o * outH * outH], rng);
        Patches patches = new Patches(t.c, t.h, t.w, t.o, outH, outH, t.k, t.s, t.p, WEIGHT, t.batch);
        assertTrue(patches.macs(t.batch) >= DenseKernel.PARALLEL_MIN_MACS, "too small to be split");
        float[][] one = run(t, 1, transposed, x, params, dy);
        float[][] two = run(t, 2, transposed, x, params, dy);
        String[] names = {"forward", "gradients", "input gradient"};
        for (int k = 0; k < one.length; k++) {
            assertArrayEquals(one[k], two[k], names[k] + " differs between 1 and 2 threads");
        }
    }

    @Test
    void outputSizesAreTorchs() {
        assertEquals(14, Conv2dKernel.outputSize(28, 4, 2, 1));
        assertEquals(7, Conv2dKernel.outputSize(14, 4, 2, 1));
        assertEquals(2, Conv2dKernel.outputSize(6, 3, 2, 0)); // (6 - 3) / 2 + 1, rounded down
        assertEquals(14, ConvTranspose2dKernel.outputSize(7, 4, 2, 1, 0));
        assertEquals(28, ConvTranspose2dKernel.outputSize(14, 4, 2, 1, 0));
        assertEquals(8, ConvTranspose2dKernel.outputSize(3, 3, 2, 0, 1));
    }

    @Test
    void rejectsShapesWithoutAnOutputAndBatchesItWasNotBuiltFor() {
        assertThrows(IllegalArgumentException.class, () -> new Conv2dKernel(1, 3, 3, 1, 5, 1, 0, 0, -1, 2));
        assertThrows(IllegalArgumentException.class, () -> new ConvTranspose2dKernel(1, 3, 3, 1, 3, 2, 0, 2, 0, -1, 2));
        Conv2dKernel kernel = new Conv2dKernel(1, 4, 4, 1, 3, 1, 0, 0, -1, 2);
        assertThrows(IllegalArgumentException.class,
                () -> kernel.forward(Parallel.withThreads(1), new float[48], new float[9], new float[12], 3));
    }
}
