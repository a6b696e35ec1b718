package io.jgan.processor.speed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.processor.testing.ClassFile;
import io.jgan.processor.testing.CompiledSpec;
import io.jgan.processor.testing.Specs;
import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.train.GanTrainer;
import io.jgan.runtime.train.TrainingConfig;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated networks with large dense layers (the ones that call the runtime's DenseKernel) against
 * a scalar double-precision reference, finite differences, and themselves at 1 and 2 threads.
 */
class LargeDenseNetworkTest {
    /** Wide enough that every kind of dense code is generated: kernel, parallel kernel, plain loops. */
    static final String WIDE = """
            package io.jgan.processor.speed;

            import io.jgan.annotations.*;

            public interface Wide {
                @Generator
                interface G {
                    @Noise(size = 24)
                    void noise();

                    @Dense(units = 200)
                    void hidden();

                    @LeakyReLU(slope = 0.2f)
                    void act();

                    @Dense(units = 300)
                    void out();

                    @Tanh
                    void pixels();
                }

                @Discriminator(inputSize = 300)
                interface D {
                    @Dense(units = 170)
                    void hidden0();

                    @LeakyReLU(slope = 0.2f)
                    void act0();

                    @Dense(units = 20)
                    void hidden1();

                    @LeakyReLU(slope = 0.2f)
                    void act1();

                    @Dense(units = 1)
                    void out();

                    @Sigmoid
                    void probability();
                }
            }
            """;

    /** The image GAN of the samples (SAMPLES.md section 3), copied so this test stands alone. */
    static final String IMAGES = """
            package io.jgan.processor.speed;

            import io.jgan.annotations.*;

            public interface Images {
                @Generator
                interface G {
                    @Noise(size = 100, distribution = Noise.Distribution.GAUSSIAN)
                    void noise();
                    @Dense(units = 256)
                    void hidden0();
                    @LeakyReLU(slope = 0.2f)
                    void act0();
                    @Dense(units = 512)
                    void hidden1();
                    @LeakyReLU(slope = 0.2f)
                    void act1();
                    @Dense(units = 1024)
                    void hidden2();
                    @LeakyReLU(slope = 0.2f)
                    void act2();
                    @Dense(units = 784)
                    void out();
                    @Tanh
                    void pixels();
                }

                @Discriminator(inputSize = 784)
                interface D {
                    @Dense(units = 1024)
                    void hidden0();
                    @LeakyReLU(slope = 0.2f)
                    void act0();
                    @Dropout(p = 0.3f)
                    void drop0();
                    @Dense(units = 512)
                    void hidden1();
                    @LeakyReLU(slope = 0.2f)
                    void act1();
                    @Dropout(p = 0.3f)
                    void drop1();
                    @Dense(units = 256)
                    void hidden2();
                    @LeakyReLU(slope = 0.2f)
                    void act2();
                    @Dropout(p = 0.3f)
                    void drop2();
                    @Dense(units = 1)
                    void out();
                    @Sigmoid
                    void probability();
                }
            }
            """;

    private static final int BATCH = 40;
    private static CompiledSpec wide;
    private static CompiledSpec images;

    @BeforeAll
    static void compile() {
        wide = CompiledSpec.compile("io.jgan.processor.speed.Wide", WIDE);
        images = CompiledSpec.compile("io.jgan.processor.speed.Images", IMAGES);
    }

    @Test
    void largeLayersCallTheKernelAndNarrowOnesKeepLoops() {
        String d = Specs.generatedSource(wide.compilation(), "io.jgan.processor.speed.Wide_Discriminator");
        assertTrue(d.contains("hidden0Kernel = new DenseKernel(300, 170, "), d);
        assertTrue(d.contains("hidden0Kernel.forward(parallel, input, params, hidden0Out, batch);"), d);
        assertTrue(d.contains("hidden1Kernel.backward(parallel, act0Out, hidden1Grad, params, grads, act0Grad, batch);"), d);
        assertTrue(d.contains("hidden0Kernel.backward(parallel, input, hidden0Grad, params, null, inputGrad, batch);"), d);
        assertFalse(d.contains("outKernel"), "a 1-unit layer cannot fill a vector: plain loops");
        String g = Specs.generatedSource(wide.compilation(), "io.jgan.processor.speed.Wide_Generator");
        assertTrue(g.contains("hiddenKernel.backward(parallel, noise, hiddenGrad, params, grads, null, batch);")
                || g.contains("hiddenKernel.backward(parallel, input, hiddenGrad, params, grads, null, batch);"),
                "the generator's first layer computes no input gradient:\n" + g);
    }

    @Test
    void noGeneratedMethodIsTooLargeToCompile() {
        for (CompiledSpec spec : List.of(wide, images)) {
            for (ClassFile c : Specs.classFiles(spec.compilation())) {
                assertEquals(List.of(), c.hugeMethods(), c.name() + " has methods HotSpot would not compile");
            }
        }
    }

    @Test
    void generatorMatchesTheScalarReference() {
        Network g = wide.generator(BATCH, 3);
        float[] z = random(BATCH * 24, 4);
        float[] out = g.forward(z, BATCH);
        ReferenceMlp ref = new ReferenceMlp(g.info(), g.parameters(), 0.2);
        assertClose("generator output", ref.forward(z, BATCH), out, 2e-5);

        float[] dy = random(BATCH * 300, 5);
        System.arraycopy(dy, 0, g.outputGradient(), 0, dy.length);
        g.backward();
        double[] grads = new double[g.parameters().length];
        ref.backward(dy, grads);
        assertClose("generator gradients", grads, g.gradients(), 2e-4);
    }

    @Test
    void discriminatorMatchesTheScalarReference() {
        Network d = wide.discriminator(BATCH, 6);
        float[] x = random(BATCH * 300, 7);
        float[] out = d.forward(x, BATCH);
        ReferenceMlp ref = new ReferenceMlp(d.info(), d.parameters(), 0.2);
        assertClose("discriminator output", ref.forward(x, BATCH), out, 2e-5);

        float[] dy = random(BATCH, 8);
        System.arraycopy(dy, 0, d.outputGradient(), 0, dy.length);
        d.backward();
        double[] grads = new double[d.parameters().length];
        double[] dx = ref.backward(dy, grads);
        assertClose("discriminator gradients", grads, d.gradients(), 2e-4);
        assertClose("discriminator input gradient", dx, d.backwardToInput(), 2e-4);
    }

    /** Central differences of L = sum(output * r) at a few parameters of every dense layer. */
    @Test
    void gradientsMatchFiniteDifferences() {
        Network d = wide.discriminator(BATCH, 9);
        float[] x = random(BATCH * 300, 10);
        float[] r = random(BATCH, 11);
        d.forward(x, BATCH);
        System.arraycopy(r, 0, d.outputGradient(), 0, r.length);
        d.backward();
        float[] analytic = d.gradients().clone();
        float[] p = d.parameters();
        Rng pick = new Rng(12);
        // Small enough that few LeakyReLU kinks are crossed, large enough that float rounding of the
        // outputs (~1e-7 per sample) stays far below the differences.
        double h = 1e-3;
        double worst = 0;
        for (io.jgan.runtime.generated.LayerInfo layer : d.info().layers()) {
            for (io.jgan.runtime.generated.Tensor t : layer.tensors()) {
                for (int n = 0; n < 4; n++) {
                    int k = t.offset() + pick.nextInt(t.size());
                    float saved = p[k];
                    p[k] = (float) (saved + h);
                    double plus = loss(d.forward(x, BATCH), r);
                    p[k] = (float) (saved - h);
                    double minus = loss(d.forward(x, BATCH), r);
                    p[k] = saved;
                    double numeric = (plus - minus) / (2 * h);
                    double err = Math.abs(numeric - analytic[k]) / (5e-2 + Math.abs(numeric));
                    worst = Math.max(worst, err);
                    assertTrue(err < 2e-2, layer.name() + "." + t.name() + " at " + k + ": analytic " + analytic[k]
                            + ", numeric " + numeric);
                }
            }
        }
        System.out.println("finite differences: worst relative difference " + worst);
    }

    private static double loss(float[] out, float[] r) {
        double s = 0;
        for (int k = 0; k < r.length; k++) {
            s += (double) out[k] * r[k];
        }
        return s;
    }

    /** Three GAN iterations of the image GAN (dropout on) at 1 and at 2 threads: identical bits. */
    @Test
    void trainingIsBitForBitTheSameOnOneAndTwoThreads() {
        float[][] one = train(1);
        float[][] two = train(2);
        assertArrayEquals(one[0], two[0], "generator parameters differ");
        assertArrayEquals(one[1], two[1], "discriminator parameters differ");
        assertArrayEquals(one[2], two[2], "generator gradients differ");
        assertArrayEquals(one[3], two[3], "discriminator gradients differ");
    }

    /**
     * After warm-up, training steps allocate nothing on the calling thread, with 1 or 2 threads.
     * Interpreted and C1-compiled code may allocate (boxing; with the Vector API every vector is
     * an object until C2 compiles the method), and C2 reaches the rarely called paths, such as
     * the kernels for the last rows of a product, only after some seconds; so rounds of three steps
     * run until one allocates nothing, for at most {@link #WARM_UP_LIMIT_NANOS}.
     */
    @Test
    void trainingStepsAllocateNothing() {
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int threads = 1; threads <= 2; threads++) {
            GanTrainer trainer = trainer(threads, 100);
            long start = System.nanoTime();
            long allocated;
            int rounds = 0;
            do {
                long before = bean.getThreadAllocatedBytes(id);
                for (int s = 0; s < 3; s++) {
                    trainer.iterate();
                }
                allocated = bean.getThreadAllocatedBytes(id) - before;
                rounds++;
            } while (allocated != 0 && System.nanoTime() - start < WARM_UP_LIMIT_NANOS);
            System.out.println("allocation: " + threads + " thread(s), none after " + rounds + " rounds of 3 steps");
            assertEquals(0, allocated, "bytes allocated by 3 steps, " + threads + " threads, after " + rounds
                    + " rounds");
        }
    }

    /** How long {@link #trainingStepsAllocateNothing} waits for the JIT. */
    private static final long WARM_UP_LIMIT_NANOS = 60_000_000_000L;

    private static float[][] train(int threads) {
        GanTrainer trainer = trainer(threads, 100);
        for (int s = 0; s < 3; s++) {
            trainer.iterate();
        }
        return new float[][] {trainedG.parameters().clone(), trainedD.parameters().clone(),
            trainedG.gradients().clone(), trainedD.gradients().clone()};
    }

    private static Network trainedG;
    private static Network trainedD;

    /** The image GAN on {@code threads} threads, fixed seeds, a fixed batch of stand-in images. */
    private static GanTrainer trainer(int threads, int batch) {
        Rng rng = new Rng(42);
        Network g = images.generator(batch, 1);
        Network d = images.discriminator(batch, 2);
        g.setThreads(threads);
        d.setThreads(threads);
        assertEquals(threads, g.threads());
        float[] pool = random(batch * 784, 13);
        io.jgan.runtime.data.RealData data = new io.jgan.runtime.data.RealData() {
            @Override
            public int sampleSize() {
                return 784;
            }

            @Override
            public void next(float[] dst, int n, Rng unused) {
                System.arraycopy(pool, 0, dst, 0, n * 784);
            }
        };
        trainedG = g;
        trainedD = d;
        return new GanTrainer(g, d, new Adam(g, 2e-4), new Adam(d, 2e-4), data, TrainingConfig.defaults(batch), rng);
    }

    private static float[] random(int n, long seed) {
        Rng rng = new Rng(seed);
        float[] a = new float[n];
        for (int k = 0; k < n; k++) {
            a[k] = 2 * rng.nextFloat() - 1;
        }
        return a;
    }

    /** |actual - expected| <= tolerance * (1 + |expected|) everywhere; names the worst and first bad index. */
    private static void assertClose(String what, double[] expected, float[] actual, double tolerance) {
        double worst = 0;
        int first = -1;
        for (int k = 0; k < expected.length; k++) {
            double err = Math.abs(actual[k] - expected[k]) / (1 + Math.abs(expected[k]));
            if (!(err <= tolerance) && first < 0) {
                first = k;
            }
            worst = Math.max(worst, err);
        }
        if (first >= 0) {
            throw new AssertionError(what + ": max difference " + worst + " > " + tolerance + "; first bad index " + first
                    + ": expected " + expected[first] + ", got " + actual[first]);
        }
    }
}
