package io.jgan.samples.images;

import io.jgan.runtime.Network;
import io.jgan.runtime.generated.Parallel;
import io.jgan.runtime.Rng;
import io.jgan.runtime.kernel.DenseKernel;
import io.jgan.runtime.kernel.Simd;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.train.GanTrainer;
import io.jgan.runtime.train.TrainingConfig;
import io.jgan.samples.bench.TorchReference;
import io.jgan.samples.cli.OptionChecks;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgan images bench}: times the image GAN of {@link VanillaGan} against PyTorch. */
final class ImagesBench {
    private ImagesBench() {}

    /** The batch of the seeds, and of the benchmark. */
    static final int BATCH = 100;
    /** Adam's learning rate for both networks. */
    static final double LEARNING_RATE = 2e-4;

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = {"Times training steps of the image GAN (batch 100, random stand-in images) in jgan at 1 and 2",
                "threads, and the 100x784 by 784x1024 dense forward product; then, if /usr/bin/python3 has torch, the",
                "same GAN and product in PyTorch at 1 and 2 threads (its faster is compared), in this one invocation.",
                "Last line: jgan_ms=... torch_ms=... ratio=... gflops=... torch_gflops=... (ratio = torch_ms / jgan_ms)",
                "Run java with --add-modules jdk.incubator.vector for the fast (Vector API) dense kernels."})
    public static final class Bench implements Callable<Integer> {
        @Option(names = "--steps", defaultValue = "100", description = "Timed jgan steps per thread count. Default: ${DEFAULT-VALUE}.")
        int steps;

        @Option(names = "--warmup", defaultValue = "60", description = "Untimed jgan steps first (JIT). Default: ${DEFAULT-VALUE}.")
        int warmup;

        @Option(names = "--torch-steps", defaultValue = "100", description = "Timed PyTorch steps. Default: ${DEFAULT-VALUE}.")
        int torchSteps;

        @Option(names = "--no-torch", description = "Skip PyTorch.")
        boolean noTorch;

        @Option(names = "--model", defaultValue = "mlp", paramLabel = "mlp|dcgan",
                description = "The GAN to time: mlp (above) or dcgan (batch 128; PyTorch runs bench/torch_dcgan.py; "
                        + "the defaults become 30 warm-up and 20 timed steps, 10 PyTorch steps: C2 compiles the kernels over the "
                        + "first 20 or so; it also times the convolutions' product shape on DenseKernel, and its last line "
                        + "ends gflops=... peak_gflops=... peak_share=..., the step's share of that peak). Default: ${DEFAULT-VALUE}.")
        String model;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            OptionChecks.atLeast(spec, "--steps", steps, 1);
            OptionChecks.atLeast(spec, "--warmup", warmup, 0);
            OptionChecks.atLeast(spec, "--torch-steps", torchSteps, 1);
            if (model.equals("dcgan")) {
                boolean defaults = spec.commandLine().getParseResult().matchedOptions().stream()
                        .noneMatch(o -> o.longestName().equals("--steps") || o.longestName().equals("--warmup"));
                return DcganBench.run(defaults ? 30 : warmup, defaults ? 20 : steps,
                        spec.commandLine().getParseResult().hasMatchedOption("--torch-steps") ? torchSteps : 10, noTorch);
            }
            if (!model.equals("mlp")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--model must be mlp or dcgan, was "
                        + model);
            }
            System.out.printf(Locale.ROOT, "jgan: %d cores available, default %d threads, max heap %d MiB%n",
                    Runtime.getRuntime().availableProcessors(), Parallel.defaultThreads(),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.println("jgan: " + Simd.describe());
            double best = Double.POSITIVE_INFINITY;
            for (int threads = 1; threads <= 2; threads++) {
                double ms = trainingStepMillis(threads, warmup, steps);
                System.out.printf(Locale.ROOT, "jgan: %.2f ms per training step, %d thread%s (mean of %d after %d warm-up)%n",
                        ms, threads, threads == 1 ? "" : "s", steps, warmup);
                best = Math.min(best, ms);
            }
            double gflops = 0;
            for (int threads = 1; threads <= 2; threads++) {
                double g = denseForwardGflops(threads);
                System.out.printf(Locale.ROOT, "jgan: dense forward [100,784]x[784,1024]: %.1f GFLOP/s, %d thread%s%n", g,
                        threads, threads == 1 ? "" : "s");
                gflops = Math.max(gflops, g);
            }
            OptionalDouble torchMs = OptionalDouble.empty();
            OptionalDouble torchGflops = OptionalDouble.empty();
            String why = noTorch ? "--no-torch" : TorchReference.unavailableReason();
            if (why == null) {
                // torch threads x OpenBLAS threads: 1 x 1 is one core; 1 x 2 (products on both cores) and
                // 2 x 1 are the two-core settings that do not oversubscribe. The fastest counts.
                for (int[] config : new int[][] {{1, 1}, {1, 2}, {2, 1}}) {
                    List<String> threads = List.of("--threads", Integer.toString(config[0]), "--blas-threads",
                            Integer.toString(config[1]));
                    List<String> stepArgs = new java.util.ArrayList<>(List.of("--steps", Integer.toString(torchSteps),
                            "--warmup", "10"));
                    stepArgs.addAll(threads);
                    List<String> matmulArgs = new java.util.ArrayList<>(List.of("--matmul"));
                    matmulArgs.addAll(threads);
                    OptionalDouble ms = TorchReference.run("torch_images.py", "torch_ms", stepArgs);
                    OptionalDouble g = TorchReference.run("torch_images.py", "torch_gflops", matmulArgs);
                    System.out.printf(Locale.ROOT,
                            "PyTorch, %d torch x %d OpenBLAS threads: %s ms per training step, %s GFLOP/s dense forward%n",
                            config[0], config[1], format(ms, "%.2f"), format(g, "%.1f"));
                    if (ms.isPresent() && (torchMs.isEmpty() || ms.getAsDouble() < torchMs.getAsDouble())) {
                        torchMs = ms;
                    }
                    if (g.isPresent() && (torchGflops.isEmpty() || g.getAsDouble() > torchGflops.getAsDouble())) {
                        torchGflops = g;
                    }
                }
            } else {
                System.out.println("PyTorch reference skipped: " + why);
            }
            String ratio = torchMs.isPresent() ? String.format(Locale.ROOT, "%.2f", torchMs.getAsDouble() / best) : "NA";
            System.out.printf(Locale.ROOT, "jgan_ms=%.2f torch_ms=%s ratio=%s gflops=%.1f torch_gflops=%s%n", best,
                    format(torchMs, "%.2f"), ratio, gflops, format(torchGflops, "%.1f"));
            return 0;
        }

        private static String format(OptionalDouble value, String pattern) {
            return value.isPresent() ? String.format(Locale.ROOT, pattern, value.getAsDouble()) : "NA";
        }
    }

    /** Mean milliseconds per training iteration (one D step, one G step) on {@code threads} threads. */
    static double trainingStepMillis(int threads, int warmup, int steps) {
        Rng rng = new Rng(1);
        Network g = new VanillaGan_Generator(BATCH);
        Network d = new VanillaGan_Discriminator(BATCH);
        g.initialize(rng);
        d.initialize(rng);
        g.setThreads(threads);
        d.setThreads(threads);
        GanTrainer trainer = new GanTrainer(g, d, new Adam(g, LEARNING_RATE), new Adam(d, LEARNING_RATE),
                new RandomImages(20, BATCH, rng), TrainingConfig.defaults(BATCH), rng);
        for (int s = 0; s < warmup; s++) {
            trainer.iterate();
        }
        long start = System.nanoTime();
        for (int s = 0; s < steps; s++) {
            trainer.iterate();
        }
        return (System.nanoTime() - start) / 1e6 / steps;
    }

    /** GFLOP/s of the kernel generated networks use for a 784 -> 1024 layer, at batch 100. */
    static double denseForwardGflops(int threads) {
        int in = 784;
        int out = 1024;
        Rng rng = new Rng(2);
        float[] params = new float[in * out + out];
        float[] x = new float[BATCH * in];
        float[] y = new float[BATCH * out];
        for (int k = 0; k < params.length; k++) {
            params[k] = 2 * rng.nextFloat() - 1;
        }
        for (int k = 0; k < x.length; k++) {
            x[k] = 2 * rng.nextFloat() - 1;
        }
        DenseKernel kernel = new DenseKernel(in, out, 0, in * out, BATCH);
        Parallel parallel = Parallel.withThreads(threads);
        double flops = 2.0 * BATCH * in * out;
        double best = 0;
        for (int round = 0; round < 6; round++) {
            int n = 0;
            long start = System.nanoTime();
            long elapsed;
            do {
                kernel.forward(parallel, x, params, y, BATCH);
                n++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < 300_000_000L);
            if (round >= 2) {
                best = Math.max(best, flops * n / elapsed);
            }
        }
        return best;
    }
}
