package io.jgan.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.jgan.processor.testing.CompiledSpec;
import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.testing.GradientCheck;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Generated networks with convolutions, transposed convolutions, batch norm, reshape and flatten: a
 * small DCGAN checked whole by finite differences, and batch norm's two modes and state.
 */
class ConvNetworkTest {
    private static final int MAX_BATCH = 5;
    private static final int BATCH = 3;
    /**
     * 432 outputs of sums of up to 64 products, through batch norms over 3 samples: the float
     * rounding of the loss difference reaches about 5e-4 (the default allows 2e-4); a gradient read
     * from a wrong index is off by the size of a gradient.
     */
    private static final GradientCheck.Tolerance TOLERANCE = new GradientCheck.Tolerance(1e-3, 1e-2);

    /** The DCGAN of the images sample, shrunk: 12 x 12 images, a few channels. */
    static final String SMALL_DCGAN = """
            package test;
            import io.jgan.annotations.*;
            public interface SmallDcgan {
                @Generator
                interface G {
                    @Noise(size = 4)
                    void noise();
                    @Dense(units = 18, bias = false)
                    void project();
                    @BatchNorm
                    void norm0();
                    @ReLU
                    void relu0();
                    @Reshape(channels = 2, height = 3, width = 3)
                    void image();
                    @ConvTranspose2d(channels = 3, kernel = 4, stride = 2, padding = 1, bias = false)
                    void up1();
                    @BatchNorm
                    void norm1();
                    @ReLU
                    void relu1();
                    @ConvTranspose2d(channels = 1, kernel = 4, stride = 2, padding = 1)
                    void up2();
                    @Tanh
                    void out();
                }
                @Discriminator(channels = 1, height = 12, width = 12)
                interface D {
                    @Conv2d(channels = 3, kernel = 4, stride = 2, padding = 1)
                    void down1();
                    @LeakyReLU(slope = 0.2f)
                    void leaky1();
                    @Conv2d(channels = 4, kernel = 4, stride = 2, padding = 1, bias = false)
                    void down2();
                    @BatchNorm
                    void norm2();
                    @LeakyReLU(slope = 0.2f)
                    void leaky2();
                    @Flatten
                    void flat();
                    @Dense(units = 1)
                    void score();
                    @Sigmoid
                    void out();
                }
            }
            """;

    private static final CompiledSpec SPEC = CompiledSpec.compile("test.SmallDcgan", SMALL_DCGAN);

    @Test
    void theWholeDcganAgreesWithFiniteDifferences() {
        new GradientCheck(SPEC.generator(MAX_BATCH, 1), BATCH, 101).withTolerance(TOLERANCE).checkParameters();
        GradientCheck discriminator = new GradientCheck(SPEC.discriminator(MAX_BATCH, 2), BATCH, 102)
                .withTolerance(TOLERANCE);
        discriminator.checkParameters();
        discriminator.checkInput();
    }

    @Test
    void shapesAndTensorsAreTorchs() {
        Network g = SPEC.generator(MAX_BATCH, 1);
        Network d = SPEC.discriminator(MAX_BATCH, 2);
        assertEquals(144, g.info().outputSize());
        assertEquals(144, d.info().inputSize());
        // Dense 4 -> 18 without bias, BatchNorm 18, ConvTranspose 2 -> 3 (no bias), BatchNorm 3, ConvTranspose 3 -> 1.
        assertEquals(18 * 4 + 2 * 18 + 2 * 3 * 16 + 2 * 3 + 3 * 1 * 16 + 1, g.parameters().length);
        assertEquals((2 * 18 + 1) + (2 * 3 + 1), g.state().length);
        assertEquals("[3, 1, 4, 4]", g.info().layers().get(7).tensors().get(0).toString().replace("weight", ""));
        assertEquals("[3, 1, 4, 4]", d.info().layers().get(0).tensors().get(0).toString().replace("weight", ""));
    }

    @Test
    void initialisationIsTorchsAndResetsTheRunningStatistics() {
        Network g = SPEC.generator(MAX_BATCH, 1);
        float[] state = g.state();
        // norm0: running_mean 0 x18, running_var 1 x18, num_batches_tracked 0
        for (int c = 0; c < 18; c++) {
            assertEquals(0f, state[c]);
            assertEquals(1f, state[18 + c]);
        }
        assertEquals(0f, state[36]);
        float[] noise = new float[BATCH * 4];
        Arrays.fill(noise, 0.5f);
        noise[1] = -1f;
        g.forward(noise, BATCH);
        assertEquals(1f, state[36], "a training pass counts a batch");
        assertNotEquals(1f, state[18 + 1], "and moves the running variance");
        g.initialize(new Rng(3));
        assertEquals(0f, state[36]);
        assertEquals(1f, state[19]);
    }

    @Test
    void inferenceUsesTheRunningStatisticsAndDoesNotMoveThem() {
        Network g = SPEC.generator(MAX_BATCH, 1);
        Rng rng = new Rng(4);
        float[] noise = new float[BATCH * 4];
        for (int k = 0; k < noise.length; k++) {
            noise[k] = (float) rng.nextGaussian();
        }
        for (int step = 0; step < 3; step++) {
            g.forward(noise, BATCH);
        }
        float[] training = Arrays.copyOf(g.forward(noise, BATCH), BATCH * 144);
        float[] state = g.state().clone();
        g.setTraining(false);
        float[] inference = Arrays.copyOf(g.forward(noise, BATCH), BATCH * 144);
        assertArrayEquals(state, g.state(), "inference moved the running statistics");
        assertFalse(Arrays.equals(training, inference), "inference used the batch's statistics");
        // One sample alone gives the same image as in its batch: nothing depends on the batch.
        float[] one = Arrays.copyOf(g.forward(Arrays.copyOf(noise, 4), 1), 144);
        assertArrayEquals(Arrays.copyOf(inference, 144), one, 1e-6f);
    }

    /**
     * Training steps of the small DCGAN allocate nothing on the calling thread once the JIT has
     * compiled them (rounds of three steps until one allocates nothing, at most 30 s), on 1 and 2
     * threads: the kernels keep every buffer from their constructors.
     */
    @Test
    void trainingStepsAllocateNothing() {
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int threads = 1; threads <= 2; threads++) {
            Rng rng = new Rng(42);
            Network g = SPEC.generator(MAX_BATCH, 1);
            Network d = SPEC.discriminator(MAX_BATCH, 2);
            g.setThreads(threads);
            d.setThreads(threads);
            float[] pool = new float[MAX_BATCH * 144];
            for (int k = 0; k < pool.length; k++) {
                pool[k] = 2 * rng.nextFloat() - 1;
            }
            io.jgan.runtime.data.RealData data = new io.jgan.runtime.data.RealData() {
                @Override
                public int sampleSize() {
                    return 144;
                }

                @Override
                public void next(float[] dst, int n, Rng unused) {
                    System.arraycopy(pool, 0, dst, 0, n * 144);
                }
            };
            io.jgan.runtime.train.GanTrainer trainer = new io.jgan.runtime.train.GanTrainer(g, d,
                    new io.jgan.runtime.optim.Adam(g, 2e-4, 0.5, 0.999), new io.jgan.runtime.optim.Adam(d, 2e-4, 0.5,
                    0.999), data, io.jgan.runtime.train.TrainingConfig.defaults(MAX_BATCH), rng);
            long start = System.nanoTime();
            long allocated;
            do {
                long before = bean.getThreadAllocatedBytes(id);
                for (int s = 0; s < 3; s++) {
                    trainer.iterate();
                }
                allocated = bean.getThreadAllocatedBytes(id) - before;
            } while (allocated != 0 && System.nanoTime() - start < 30_000_000_000L);
            assertEquals(0, allocated, "bytes allocated by 3 steps on " + threads + " threads");
        }
    }
}
