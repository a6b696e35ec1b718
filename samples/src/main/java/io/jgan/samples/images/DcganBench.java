package io.jgan.samples.images;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.generated.Parallel;
import io.jgan.runtime.kernel.DenseKernel;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.train.GanTrainer;
import io.jgan.runtime.train.TrainingConfig;
import io.jgan.samples.bench.TorchReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * {@code jgan images bench --model dcgan}: training steps of the {@link Dcgan} in jgan and in
 * PyTorch ({@code bench/torch_dcgan.py}) in one invocation, on random stand-in images.
 */
final class DcganBench {
    private DcganBench() {}

    static final int BATCH = 128;

    /**
     * Multiply-adds of one forward pass of each network at batch 128: G = Dense 100 x 6272, the
     * transposed convolutions 128 x 7 x 7 -> 64 x 14 x 14 and 64 -> 1 x 28 x 28; D = the convolutions
     * 1 x 28 x 28 -> 64 x 14 x 14 -> 128 x 7 x 7 and Dense 6272 x 1.
     */
    static final double G_FORWARD = BATCH * (100.0 * 6272 + 49.0 * 1024 * 128 + 196.0 * 16 * 64);
    static final double D_FORWARD = BATCH * (196.0 * 16 * 64 + 49.0 * 1024 * 128 + 6272.0);
    /** D's first layer computes no input gradient, G's no input gradient at all. */
    static final double D_INPUT_GRADIENT = D_FORWARD - BATCH * 196.0 * 16 * 64;
    static final double G_INPUT_GRADIENT = G_FORWARD - BATCH * 100.0 * 6272;

    /**
     * FLOPs of one iteration as jgan runs it: D on real and on fakes (forward, weight and input
     * gradients each), G forward for the fakes; then G forward, D forward and input gradient only,
     * G's weight and input gradients. Two FLOPs per multiply-add.
     */
    static double flopsPerStep() {
        double dStep = 2 * (D_FORWARD + D_FORWARD + D_INPUT_GRADIENT) + G_FORWARD;
        double gStep = G_FORWARD + D_FORWARD + D_FORWARD + G_FORWARD + G_INPUT_GRADIENT;
        return 2 * (dStep + gStep);
    }

    static int run(int warmup, int steps, int torchSteps, boolean noTorch) throws IOException, InterruptedException {
        String loadBefore = load();
        double best = Double.POSITIVE_INFINITY;
        for (int threads = 1; threads <= 2; threads++) {
            double ms = stepMillis(threads, warmup, steps);
            System.out.printf(Locale.ROOT, "jgan: %.1f ms per DCGAN training step, %d thread%s (mean of %d after %d"
                    + " warm-up)%n", ms, threads, threads == 1 ? "" : "s", steps, warmup);
            best = Math.min(best, ms);
        }
        double peak = productPeak();
        double gflops = flopsPerStep() / (best * 1e6);
        System.out.printf(Locale.ROOT, "jgan: the convolutions' product shape [%d,%d]x[%d,%d] on DenseKernel, 2 threads:"
                + " %.1f GFLOP/s; the step runs at %.1f GFLOP/s, %.0f%% of it%n", PEAK_ROWS, PEAK_K, PEAK_K, PEAK_COLUMNS,
                peak, gflops, 100 * gflops / peak);
        OptionalDouble torchMs = OptionalDouble.empty();
        String why = noTorch ? "--no-torch" : TorchReference.unavailableReason();
        if (why == null) {
            for (int[] config : new int[][] {{1, 1}, {1, 2}, {2, 1}}) {
                OptionalDouble ms = TorchReference.run("torch_dcgan.py", "torch_ms", List.of("--steps",
                        Integer.toString(torchSteps), "--warmup", "3", "--threads", Integer.toString(config[0]),
                        "--blas-threads", Integer.toString(config[1])));
                System.out.printf(Locale.ROOT, "PyTorch, %d torch x %d OpenBLAS threads: %s ms per training step%n",
                        config[0], config[1], ms.isPresent() ? String.format(Locale.ROOT, "%.1f", ms.getAsDouble())
                                : "NA");
                if (ms.isPresent() && (torchMs.isEmpty() || ms.getAsDouble() < torchMs.getAsDouble())) {
                    torchMs = ms;
                }
            }
        } else {
            System.out.println("PyTorch reference skipped: " + why);
        }
        String loadAfter = load();
        int cores = Runtime.getRuntime().availableProcessors();
        // The load after counts this benchmark's own threads (up to 2 for a minute), so only the load
        // before tells whether another program was running.
        System.out.println("load average before " + loadBefore + ", after " + loadAfter + " (this benchmark included)"
                + " on " + cores + " cores" + (busy(loadBefore, cores)
                        ? ": the machine was busy, the figures are indicative only" : ""));
        System.out.printf(Locale.ROOT, "jgan_ms=%.1f torch_ms=%s ratio=%s gflops=%.1f peak_gflops=%.1f peak_share=%.2f%n",
                best, torchMs.isPresent() ? String.format(Locale.ROOT, "%.1f", torchMs.getAsDouble()) : "NA",
                torchMs.isPresent() ? String.format(Locale.ROOT, "%.2f", torchMs.getAsDouble() / best) : "NA", gflops,
                peak, gflops / peak);
        return 0;
    }

    /** The shape of the big convolutions' products, batch 128 x 49 positions by 1024 patch entries by 128 maps. */
    static final int PEAK_ROWS = BATCH * 49;
    static final int PEAK_K = 1024;
    static final int PEAK_COLUMNS = 128;

    /**
     * The best GFLOP/s of {@link DenseKernel}'s forward product on 2 threads at the big
     * convolutions' shape, over five rounds of ten: the peak the step is compared with, measured in
     * the same invocation because this machine's speed drifts from one minute to the next.
     */
    static double productPeak() {
        Rng rng = new Rng(2);
        float[] x = new float[PEAK_ROWS * PEAK_K];
        float[] params = new float[PEAK_K * PEAK_COLUMNS + PEAK_COLUMNS];
        float[] y = new float[PEAK_ROWS * PEAK_COLUMNS];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextFloat() - 0.5f;
        }
        for (int i = 0; i < params.length; i++) {
            params[i] = rng.nextFloat() - 0.5f;
        }
        DenseKernel kernel = new DenseKernel(PEAK_K, PEAK_COLUMNS, 0, PEAK_K * PEAK_COLUMNS, PEAK_ROWS);
        Parallel parallel = Parallel.withThreads(2);
        for (int i = 0; i < 20; i++) {
            kernel.forward(parallel, x, params, y, PEAK_ROWS);
        }
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                kernel.forward(parallel, x, params, y, PEAK_ROWS);
            }
            best = Math.max(best, 2.0 * PEAK_ROWS * PEAK_K * PEAK_COLUMNS * 10 / (System.nanoTime() - start));
        }
        return best;
    }

    /** The 1-minute load average, or "?" where /proc/loadavg does not exist. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** More runnable threads than half a core each: another program competes for the cores. */
    private static boolean busy(String load, int cores) {
        try {
            return Double.parseDouble(load) > 0.5 * cores;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static double stepMillis(int threads, int warmup, int steps) {
        Rng rng = new Rng(1);
        Network g = new Dcgan_Generator(BATCH);
        Network d = new Dcgan_Discriminator(BATCH);
        g.initialize(rng);
        d.initialize(rng);
        g.setThreads(threads);
        d.setThreads(threads);
        GanTrainer trainer = new GanTrainer(g, d, new Adam(g, 2e-4, 0.5, 0.999), new Adam(d, 2e-4, 0.5, 0.999),
                new RandomImages(4, BATCH, rng), TrainingConfig.defaults(BATCH), rng);
        for (int s = 0; s < warmup; s++) {
            trainer.iterate();
        }
        long start = System.nanoTime();
        for (int s = 0; s < steps; s++) {
            trainer.iterate();
        }
        return (System.nanoTime() - start) / 1e6 / steps;
    }
}
