package io.jgan.samples.gaussian;

import io.jgan.pictures.Histogram;
import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.train.CollapseMonitor;
import io.jgan.runtime.train.GanTrainer;
import io.jgan.runtime.train.Sampler;
import io.jgan.samples.bench.TorchReference;
import io.jgan.samples.cli.OptionChecks;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgan gaussian train|bench}: the 1-D Gaussian GAN with a minibatch-moments discriminator. */
@Command(name = "gaussian", mixinStandardHelpOptions = true,
        description = "The 1-D Gaussian GAN of the seed article: uniform noise in, N(4, 1.25) out; D judges the"
                + " moments of a whole minibatch.",
        subcommands = {GaussianCommand.Train.class, GaussianCommand.Bench.class})
public final class GaussianCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code jgan gaussian train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Trains the GAN, printing the losses and the real and fake mean and std every 100 epochs,",
                "then writes a histogram of 10,000 generated values with the N(4, 1.25) density over it.",
                "Last line: mean=... std=... skew=... kurtosis=... ks=... (ks: Kolmogorov-Smirnov distance).",
                "With --runs N, trains N seeds and prints a table; last line: good_fits=k/N."})
    public static final class Train implements Callable<Integer> {
        @Option(names = "--spec", defaultValue = "stable", paramLabel = "NAME",
                description = {"stable: the seed's GAN with leaky-ReLU hidden layers in D, evaluated with the"
                        + " generator's parameters averaged over the last ~500 epochs; seeds 1..30 fit 30 of 30"
                        + " with plain kernels, 29 of 30 with the Vector API."
                        + " seed: the article's configuration exactly (seeds 1..10: 8 fit with plain kernels,"
                        + " 10 with the Vector API). Default: ${DEFAULT-VALUE}."})
        String specName;

        @Option(names = "--seed", defaultValue = "1",
                description = "Random seed (the first one with --runs); a run is reproducible bit for bit. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--epochs", defaultValue = "" + GaussianSpec.DEFAULT_EPOCHS, paramLabel = "N",
                description = "Epochs of 20 D and 20 G steps. Default: ${DEFAULT-VALUE}.")
        int epochs;

        @Option(names = "--runs", defaultValue = "1", paramLabel = "N",
                description = "Train N seeds (seed, seed + 1, ...) and tabulate the fits. Default: ${DEFAULT-VALUE}.")
        int runs;

        @Option(names = "--out", defaultValue = "gaussian-out", paramLabel = "DIR",
                description = "Where histograms are written. Default: ${DEFAULT-VALUE}.")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec command;

        @Override
        public Integer call() throws IOException {
            GaussianSpec spec;
            try {
                spec = GaussianSpec.byOption(specName);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
            }
            if (epochs < 0 || runs < 1) {
                throw new CommandLine.ParameterException(command.commandLine(), "--epochs must be >= 0 and --runs >= 1");
            }
            // A misnamed or read-only --out is found before training, not after it.
            io.jgan.runtime.io.OutputFiles.requireDirectory("--out", out, 0);
            return runs == 1 ? single(spec) : many(spec);
        }

        private int single(GaussianSpec spec) throws IOException {
            PrintStream o = System.out;
            o.printf(Locale.ROOT, "Training %s (%s)%nfor %d epochs, seed %d, batch %d%n%n", spec.option(),
                    spec.description(), epochs, seed, GaussianSpec.BATCH);
            Rng display = new Rng(seed ^ 0x5DEECE66DL);
            CollapseMonitor collapse = new CollapseMonitor("1 - KS distance to N(4, 1.25)", 0.5);
            ProgressBar bar = ProgressBar.onConsole("epochs");
            GaussianGan.Result r = GaussianGan.train(spec, seed, epochs, 100, (epoch, total, stats, generator) -> {
                if (epoch % 100 == 0) {
                    bar.clear();
                    o.println(progressLine(epoch, stats, generator, display) + diversity(generator, collapse, o));
                }
                bar.show(epoch, total);
            });
            bar.clear();
            if (r.diverged() != null) {
                o.println("Training diverged: " + r.diverged());
            }
            Path png = out.resolve(histogramName(spec, seed));
            writeHistogram(png, r, spec);
            GaussianGan.Fit f = r.fit();
            o.printf(Locale.ROOT, "%n%d epochs, %.3f ms per epoch%n", epochs, r.epochMillis());
            o.printf(Locale.ROOT, "Histogram of %d generated values: %s%n", r.samples().length, png);
            o.printf(Locale.ROOT, "Generated: mean %.4f, std %.4f, skewness %.4f, excess kurtosis %.4f;"
                    + " Kolmogorov-Smirnov distance to N(4, 1.25): %.4f (%s fit)%n", f.mean(), f.std(), f.skew(),
                    f.kurtosis(), f.ks(), f.good() ? "a good" : "NOT a good");
            o.println(f.summaryLine());
            return 0;
        }

        private int many(GaussianSpec spec) throws IOException {
            PrintStream o = System.out;
            o.printf(Locale.ROOT, "Training %s (%s)%n%d runs of %d epochs, seeds %d..%d%n%n", spec.option(),
                    spec.description(), runs, epochs, seed, seed + runs - 1);
            o.printf(Locale.ROOT, "%4s %6s %8s %8s %8s %9s %7s %9s  %s%n", "run", "seed", "mean", "std", "skew",
                    "kurtosis", "ks", "ms/epoch", "fit");
            int good = 0;
            ProgressBar bar = ProgressBar.onConsole("epochs");
            for (int run = 0; run < runs; run++) {
                long s = seed + run;
                int done = run;
                GaussianGan.Result r = GaussianGan.train(spec, s, epochs, 50,
                        (epoch, total, stats, generator) -> bar.show(done * total + epoch, runs * total));
                bar.clear();
                writeHistogram(out.resolve(histogramName(spec, s)), r, spec);
                GaussianGan.Fit f = r.fit();
                good += f.good() ? 1 : 0;
                o.printf(Locale.ROOT, "%4d %6d %8.3f %8.3f %8.3f %9.3f %7.3f %9.3f  %s%n", run + 1, s, f.mean(), f.std(),
                        f.skew(), f.kurtosis(), f.ks(), r.epochMillis(),
                        r.diverged() != null ? "diverged" : f.good() ? "good" : "bad");
            }
            o.printf(Locale.ROOT, "%nA good fit: |mean - 4| < %.2f and |std - 1.25| < %.2f; the shape is not checked,"
                    + " ks (Kolmogorov-Smirnov distance to N(4, 1.25)) shows it. Histograms in %s%n",
                    GaussianGan.MEAN_TOLERANCE, GaussianGan.STD_TOLERANCE, out);
            o.printf(Locale.ROOT, "good_fits=%d/%d%n", good, runs);
            return 0;
        }

        private static String histogramName(GaussianSpec spec, long seed) {
            return "gaussian-" + spec.option() + "-seed" + seed + ".png";
        }

        private static void writeHistogram(Path png, GaussianGan.Result r, GaussianSpec spec) throws IOException {
            GaussianData target = new GaussianData();
            Histogram.write(png, r.samples(), r.samples().length, 60, target::density, String.format(Locale.ROOT,
                    "%s, seed %d: %d generated values vs N(4, 1.25)", spec.option(), r.seed(), r.samples().length));
        }

        /**
         * {@code "  diversity=0.962"}: 1 - the KS distance to the target of 1000 samples of one fixed
         * noise batch (its own generator: training is unchanged); a warning goes to {@code o} first if it fell.
         */
        private String diversity(Network generator, CollapseMonitor collapse, PrintStream o) {
            float[] samples = Sampler.generate(generator, 1000, new Rng(seed ^ 0xD1_5EEDL));
            double figure = 1 - GaussianGan.Fit.of(samples, samples.length, new GaussianData()).ks();
            String warning = collapse.update(figure);
            if (warning != null) {
                o.println(warning);
            }
            return String.format(Locale.ROOT, "  diversity=%.3f", figure);
        }

        private static String progressLine(int epoch, io.jgan.runtime.train.StepStats s, Network generator, Rng display) {
            float[] real = new float[GaussianSpec.BATCH];
            new GaussianData().next(real, real.length, display);
            float[] fake = Sampler.generate(generator, GaussianSpec.BATCH, display);
            double[] r = meanStd(real);
            double[] f = meanStd(fake);
            return String.format(Locale.ROOT,
                    "epoch %5d: D real %.4f fake %.4f  G %.4f  real mean %.3f std %.3f  fake mean %.3f std %.3f", epoch,
                    s.discriminatorRealLoss, s.discriminatorFakeLoss, s.generatorLoss, r[0], r[1], f[0], f[1]);
        }

        private static double[] meanStd(float[] v) {
            double sum = 0;
            for (float x : v) {
                sum += x;
            }
            double mean = sum / v.length;
            double ss = 0;
            for (float x : v) {
                ss += (x - mean) * (x - mean);
            }
            return new double[] {mean, Math.sqrt(ss / v.length)};
        }
    }

    /** {@code jgan gaussian bench}. */
    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = {"Times training epochs (20 D + 20 G steps of batch 500) of the seed's Gaussian GAN in jgan and,",
                "if /usr/bin/python3 has torch, of bench/torch_gaussian.py in this one invocation (1 thread,",
                "OPENBLAS_NUM_THREADS=1). Last line: jgan_ms=... torch_ms=... ratio=...",
                "Run java with --add-modules jdk.incubator.vector for the Vector API sums (faster gradients)."})
    public static final class Bench implements Callable<Integer> {
        @Option(names = "--rounds", defaultValue = "7", description = "Timed rounds; the median is reported. Default: ${DEFAULT-VALUE}.")
        int rounds;

        @Option(names = "--epochs", defaultValue = "500", description = "Epochs per timed round. Default: ${DEFAULT-VALUE}.")
        int epochs;

        @Option(names = "--torch-epochs", defaultValue = "300", description = "PyTorch epochs timed. Default: ${DEFAULT-VALUE}.")
        int torchEpochs;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            OptionChecks.atLeast(spec, "--rounds", rounds, 1);
            OptionChecks.atLeast(spec, "--epochs", epochs, 1);
            OptionChecks.atLeast(spec, "--torch-epochs", torchEpochs, 1);
            System.out.println("jgan: " + io.jgan.runtime.kernel.Simd.describe());
            double[] jgan = measureJgan(rounds, epochs);
            double jganMillis = jgan[0];
            System.out.printf(Locale.ROOT, "jgan: %.4f ms per epoch (median of %d rounds of %d epochs; %.4f ms of CPU"
                    + " time: more than that is time the thread waited for a core)%n", jganMillis, rounds, epochs, jgan[1]);
            String why = TorchReference.unavailableReason();
            OptionalDouble torch = OptionalDouble.empty();
            if (why == null) {
                torch = TorchReference.run("torch_gaussian.py", "torch_ms",
                        List.of("--epochs", Integer.toString(torchEpochs), "--warmup", "20", "--threads", "1", "--blas-threads", "1"));
            } else {
                System.out.println("PyTorch reference skipped: " + why);
            }
            if (torch.isPresent()) {
                System.out.printf(Locale.ROOT, "PyTorch: %.3f ms per epoch (1 thread)%n", torch.getAsDouble());
                System.out.printf(Locale.ROOT, "jgan_ms=%.4f torch_ms=%.3f ratio=%.1f%n", jganMillis, torch.getAsDouble(),
                        torch.getAsDouble() / jganMillis);
            } else {
                System.out.printf(Locale.ROOT, "jgan_ms=%.4f torch_ms=NA ratio=NA%n", jganMillis);
            }
            return 0;
        }

        /**
         * The median over rounds of the wall-clock milliseconds per epoch of the seed spec, and the
         * CPU milliseconds per epoch of that same round.
         */
        static double[] measureJgan(int rounds, int epochs) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            boolean cpu = threads.isCurrentThreadCpuTimeSupported();
            GanTrainer trainer = newTrainer(0);
            for (int e = 0; e < 1000; e++) {
                trainer.iterate(); // warm-up: let C2 compile the generated code
            }
            double[][] perEpoch = new double[rounds][];
            for (int r = 0; r < rounds; r++) {
                trainer = newTrainer(r + 1);
                long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
                long start = System.nanoTime();
                for (int e = 0; e < epochs; e++) {
                    trainer.iterate();
                }
                long wall = System.nanoTime() - start;
                long used = cpu ? threads.getCurrentThreadCpuTime() - cpuStart : -epochs * 1_000_000L;
                perEpoch[r] = new double[] {wall / 1e6 / epochs, used / 1e6 / epochs};
            }
            Arrays.sort(perEpoch, (a, b) -> Double.compare(a[0], b[0]));
            return perEpoch[rounds / 2];
        }

        private static GanTrainer newTrainer(long seed) {
            GaussianSpec spec = GaussianSpec.SEED;
            Rng rng = new Rng(seed);
            Network g = spec.newGenerator(GaussianSpec.BATCH);
            Network d = spec.newDiscriminator(GaussianSpec.BATCH);
            g.initialize(rng);
            d.initialize(rng);
            return new GanTrainer(g, d, spec.generatorOptimizer(g), spec.discriminatorOptimizer(d), new GaussianData(),
                    spec.config(), rng);
        }
    }

    /** A one-line progress bar on stderr, drawn only when there is a console to redraw it on. */
    static final class ProgressBar {
        private final String unit;
        private final boolean enabled;
        private int shownPercent = -1;
        private final long start = System.nanoTime();

        private ProgressBar(String unit, boolean enabled) {
            this.unit = unit;
            this.enabled = enabled;
        }

        static ProgressBar onConsole(String unit) {
            return new ProgressBar(unit, System.console() != null);
        }

        void show(long done, long total) {
            int percent = (int) (100 * done / Math.max(1, total));
            if (!enabled || percent == shownPercent) {
                return;
            }
            shownPercent = percent;
            double seconds = (System.nanoTime() - start) / 1e9;
            double eta = done == 0 ? 0 : seconds * (total - done) / done;
            int filled = percent * 30 / 100;
            System.err.printf(Locale.ROOT, "\r[%s%s] %3d%% %d/%d %s, %.0f s left ", "#".repeat(filled),
                    ".".repeat(30 - filled), percent, done, total, unit, eta);
            System.err.flush();
        }

        void clear() {
            if (enabled && shownPercent >= 0) {
                System.err.print("\r" + " ".repeat(79) + "\r");
                System.err.flush();
                shownPercent = -1;
            }
        }
    }
}
