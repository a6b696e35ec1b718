package io.jgan.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.generated.Parallel;
import io.jgan.runtime.Rng;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@link DenseKernel} against {@link DenseReference}, and 1 thread against 2, bit for bit. */
class DenseKernelTest {
    /** Float sums of n terms are within about n * 2^-24 of the exact sum, relative to the sum of |terms|. */
    private static final double TOLERANCE = 1e-5;

    /** Parameters at an offset, with other data around them, as in a network's flat array. */
    private static final int WEIGHT = 5;

    private record Case(int in, int out, int batch, float[] x, float[] p, float[] dy, int bias) {
        static Case of(int in, int out, int batch, long seed) {
            Rng rng = new Rng(seed);
            int bias = WEIGHT + in * out;
            return new Case(in, out, batch, fill(new float[batch * in], rng), fill(new float[bias + out + 3], rng),
                    fill(new float[batch * out], rng), bias);
        }
    }

    private static float[] fill(float[] a, Rng rng) {
        for (int k = 0; k < a.length; k++) {
            a[k] = 2 * rng.nextFloat() - 1;
        }
        return a;
    }

    private static double[] absForward(Case c) {
        float[] ax = abs(c.x);
        float[] ap = abs(c.p);
        return DenseReference.forward(ax, ap, c.in, c.out, WEIGHT, c.bias, c.batch);
    }

    private static float[] abs(float[] a) {
        float[] r = new float[a.length];
        for (int k = 0; k < a.length; k++) {
            r[k] = Math.abs(a[k]);
        }
        return r;
    }

    @ParameterizedTest(name = "{0} -> {1}, batch {2}, {3} threads")
    @CsvSource({
        "1, 16, 1, 1", "7, 17, 3, 2", "13, 37, 11, 2", "100, 256, 100, 1", "100, 256, 100, 2",
        "333, 100, 37, 2", "784, 64, 9, 2", "40, 1000, 30, 2", "9, 2049, 17, 2"})
    void matchesTheScalarReference(int in, int out, int batch, int threads) {
        Case c = Case.of(in, out, batch, 31L * in + out);
        DenseKernel kernel = new DenseKernel(in, out, WEIGHT, c.bias, batch + 2);
        Parallel parallel = Parallel.withThreads(threads);

        float[] y = new float[(batch + 2) * out];
        Arrays.fill(y, Float.NaN); // rows past the batch stay untouched
        kernel.forward(parallel, c.x, c.p, y, batch);
        DenseReference.assertClose("forward", DenseReference.forward(c.x, c.p, in, out, WEIGHT, c.bias, batch), y, 0,
                absForward(c), TOLERANCE);
        assertTrue(Float.isNaN(y[batch * out]), "wrote past the batch");

        float[] grads = fill(new float[c.p.length], new Rng(7));
        float[] before = grads.clone();
        float[] dx = new float[batch * in];
        kernel.backward(parallel, c.x, c.dy, c.p, grads, dx, batch);
        double[] gw = DenseReference.weightGradient(c.x, c.dy, in, out, batch);
        double[] gwScale = DenseReference.weightGradient(abs(c.x), abs(c.dy), in, out, batch);
        for (int k = 0; k < gw.length; k++) {
            gw[k] += before[WEIGHT + k]; // accumulates
            gwScale[k] += Math.abs(before[WEIGHT + k]);
        }
        DenseReference.assertClose("weight gradient", gw, grads, WEIGHT, gwScale, TOLERANCE);
        double[] gb = DenseReference.biasGradient(c.dy, out, batch);
        double[] gbScale = DenseReference.biasGradient(abs(c.dy), out, batch);
        for (int k = 0; k < out; k++) {
            gb[k] += before[c.bias + k];
            gbScale[k] += Math.abs(before[c.bias + k]);
        }
        DenseReference.assertClose("bias gradient", gb, grads, c.bias, gbScale, TOLERANCE);
        for (int k : new int[] {0, WEIGHT - 1, c.bias + out, grads.length - 1}) {
            assertEquals(before[k], grads[k], "gradient outside the layer changed at " + k);
        }
        DenseReference.assertClose("input gradient", DenseReference.inputGradient(c.dy, c.p, in, out, WEIGHT, batch), dx,
                0, DenseReference.inputGradient(abs(c.dy), abs(c.p), in, out, WEIGHT, batch), TOLERANCE);
    }

    /** Without a bias ({@code bias = -1}): {@code y = x W}, and the gradients touch nothing past the weight. */
    @ParameterizedTest(name = "{0} -> {1}, batch {2}, {3} threads")
    @CsvSource({"7, 17, 3, 1", "100, 6272, 16, 2", "333, 100, 37, 2"})
    void worksWithoutABias(int in, int out, int batch, int threads) {
        Case c = Case.of(in, out, batch, 17L * in + out);
        DenseKernel kernel = new DenseKernel(in, out, WEIGHT, -1, batch);
        Parallel parallel = Parallel.withThreads(threads);
        float[] y = fill(new float[batch * out], new Rng(3)); // overwritten, not added to
        kernel.forward(parallel, c.x, c.p, y, batch);
        float[] noBias = c.p.clone();
        Arrays.fill(noBias, c.bias, c.bias + out, 0f);
        float[] absNoBias = abs(noBias);
        DenseReference.assertClose("forward", DenseReference.forward(c.x, noBias, in, out, WEIGHT, c.bias, batch), y,
                0, DenseReference.forward(abs(c.x), absNoBias, in, out, WEIGHT, c.bias, batch), TOLERANCE);

        float[] grads = fill(new float[c.p.length], new Rng(7));
        float[] before = grads.clone();
        kernel.backward(parallel, c.x, c.dy, c.p, grads, null, batch);
        double[] gw = DenseReference.weightGradient(c.x, c.dy, in, out, batch);
        double[] gwScale = DenseReference.weightGradient(abs(c.x), abs(c.dy), in, out, batch);
        for (int k = 0; k < gw.length; k++) {
            gw[k] += before[WEIGHT + k];
            gwScale[k] += Math.abs(before[WEIGHT + k]);
        }
        DenseReference.assertClose("weight gradient", gw, grads, WEIGHT, gwScale, TOLERANCE);
        for (int k = c.bias; k < grads.length; k++) {
            assertEquals(before[k], grads[k], "a gradient past the weight changed at " + k);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}, batch {2}")
    @CsvSource({"784, 1024, 100", "333, 100, 37", "13, 2049, 41", "1024, 20, 100"})
    void oneAndTwoThreadsAgreeBitForBit(int in, int out, int batch) {
        Case c = Case.of(in, out, batch, 5);
        assertTrue((long) in * out * batch >= DenseKernel.PARALLEL_MIN_MACS, "shape too small to split");
        float[][] one = run(c, 1);
        float[][] two = run(c, 2);
        String[] names = {"forward", "gradients", "input gradient"};
        for (int k = 0; k < one.length; k++) {
            assertArrayEquals(one[k], two[k], names[k] + " differs between 1 and 2 threads");
        }
        assertArrayEquals(one[0], run(c, 2)[0], "not repeatable");
    }

    private static float[][] run(Case c, int threads) {
        DenseKernel kernel = new DenseKernel(c.in, c.out, WEIGHT, c.bias, c.batch);
        Parallel parallel = Parallel.withThreads(threads);
        float[] y = new float[c.batch * c.out];
        kernel.forward(parallel, c.x, c.p, y, c.batch);
        float[] grads = new float[c.p.length];
        float[] dx = new float[c.batch * c.in];
        kernel.backward(parallel, c.x, c.dy, c.p, grads, dx, c.batch);
        kernel.backward(parallel, c.x, c.dy, c.p, grads, null, c.batch); // accumulates a second time
        return new float[][] {y, grads, dx};
    }

    @Test
    void splitsOnLineBoundariesAndCoversEverything() {
        for (int n : new int[] {1, 15, 16, 17, 100, 784, 1000, 1024}) {
            for (int parts = 1; parts <= 3; parts++) {
                assertEquals(0, DenseKernel.split(n, 0, parts));
                assertEquals(n, DenseKernel.split(n, parts, parts));
                for (int p = 1; p < parts; p++) {
                    int at = DenseKernel.split(n, p, parts);
                    assertTrue(at == n || at % DenseKernel.ALIGN == 0, n + " split at " + at);
                    assertTrue(at >= DenseKernel.split(n, p - 1, parts));
                }
            }
        }
    }

    @Test
    void rejectsBatchesItWasNotBuiltFor() {
        DenseKernel kernel = new DenseKernel(3, 16, 0, 48, 4);
        float[] p = new float[64];
        assertThrows(IllegalArgumentException.class,
                () -> kernel.forward(Parallel.withThreads(1), new float[15], p, new float[80], 5));
        assertThrows(IllegalArgumentException.class, () -> new DenseKernel(0, 16, 0, 0, 4));
    }

    /**
     * The build runs this class twice: with {@code --add-modules jdk.incubator.vector} (the Vector
     * API path) and with {@code -Djgan.vector=false}; each run must be on the path it asks for, or
     * the other path would go untested without anyone noticing.
     */
    @Test
    void takesThePathTheJvmAskedFor() {
        boolean moduleThere = ModuleLayer.boot().findModule(Simd.MODULE).isPresent();
        if ("false".equals(System.getProperty("jgan.vector")) || !moduleThere) {
            assertFalse(Simd.enabled(), Simd.describe());
            assertTrue(Simd.describe().startsWith("dense kernels: auto-vectorised"), Simd.describe());
        } else {
            // Every machine this is built on has AVX2 or better.
            assertTrue(Simd.enabled(), Simd.describe());
            assertTrue(Simd.describe().contains("Vector API"), Simd.describe());
        }
    }
}
