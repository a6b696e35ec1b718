package io.jgan.samples.even;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.train.GanTrainer;
import io.jgan.samples.bench.TorchReference;
import io.jgan.samples.cli.OptionChecks;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgan even train|bench}: the even-numbers GAN. */
@Command(name = "even", mixinStandardHelpOptions = true,
        description = "The even-numbers GAN of the seed article: 7-bit numbers, learns to generate only even ones.",
        subcommands = {EvenCommand.Train.class, EvenCommand.Bench.class})
public final class EvenCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code jgan even train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Trains the GAN, printing 10 decoded samples every 50 steps, then evaluates 1000 samples.",
                "The last line is machine-readable: even_fraction=... distinct=... step_us=..."})
    public static final class Train implements Callable<Integer> {
        @Option(names = "--spec", defaultValue = "seed", paramLabel = "NAME",
                description = "seed: the article's GAN (collapses onto a few numbers); diverse: covers the even numbers."
                        + " Default: seed.")
        EvenSpec spec;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed; a run is reproducible bit for bit. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--steps", paramLabel = "N", description = "Training steps (default: 500 for seed, the spec's own for others).")
        Integer steps;

        @Override
        public Integer call() {
            int n = steps != null ? steps : spec.defaultSteps();
            if (n < 0) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--steps must be >= 0");
            }
            System.out.printf(Locale.ROOT, "Training %s (%s) for %d steps, seed %d, batch %d%n%n", spec.option(),
                    spec.description(), n, seed, spec.batchSize());
            System.out.println("step: 10 generated numbers");
            EvenGan.Result r = EvenGan.train(spec, seed, n, System.out);
            System.out.printf(Locale.ROOT, "%nThe %d numbers generated after training:%n", EvenGan.EVALUATION_SAMPLES);
            System.out.print(EvenGan.histogram(r));
            System.out.printf(Locale.ROOT, "%.1f%% even; %d distinct numbers; %d of the 64 even numbers covered%n",
                    100 * r.evenFraction(), r.distinct(), r.evenCovered());
            System.out.println(r.summaryLine());
            return 0;
        }
    }

    /** {@code jgan even bench}. */
    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = {"Times training steps of the seed's even GAN in jgan and, if /usr/bin/python3 has torch, "
                + "of the same GAN in PyTorch, in this one invocation.",
                "Last line: jgan_us=... torch_us=... ratio=..."})
    public static final class Bench implements Callable<Integer> {
        @Option(names = "--rounds", defaultValue = "7", description = "Timed rounds; the median is reported. Default: ${DEFAULT-VALUE}.")
        int rounds;

        @Option(names = "--torch-steps", defaultValue = "3000", description = "PyTorch steps timed. Default: ${DEFAULT-VALUE}.")
        int torchSteps;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            OptionChecks.atLeast(spec, "--rounds", rounds, 1);
            OptionChecks.atLeast(spec, "--torch-steps", torchSteps, 1);
            double jganMicros = measureJgan(rounds);
            System.out.printf(Locale.ROOT, "jgan: %.3f us per training step (median of %d rounds)%n", jganMicros, rounds);
            String why = TorchReference.unavailableReason();
            OptionalDouble torch = OptionalDouble.empty();
            if (why == null) {
                torch = TorchReference.run("torch_even.py", "torch_us",
                        List.of("--steps", Integer.toString(torchSteps), "--warmup", "300", "--threads", "1", "--blas-threads", "1"));
            } else {
                System.out.println("PyTorch reference skipped: " + why);
            }
            if (torch.isPresent()) {
                System.out.printf(Locale.ROOT, "PyTorch: %.1f us per training step (1 thread)%n", torch.getAsDouble());
                System.out.printf(Locale.ROOT, "jgan_us=%.3f torch_us=%.1f ratio=%.1f%n", jganMicros, torch.getAsDouble(),
                        torch.getAsDouble() / jganMicros);
            } else {
                System.out.printf(Locale.ROOT, "jgan_us=%.3f torch_us=NA ratio=NA%n", jganMicros);
            }
            return 0;
        }

        /** Median over rounds of the mean time per step; each round trains fresh 500-step runs. */
        static double measureJgan(int rounds) {
            runs(300); // warm-up: let C2 compile the generated code
            double[] perStep = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                perStep[r] = runs(200);
            }
            Arrays.sort(perStep);
            return perStep[rounds / 2];
        }

        /** Trains {@code count} seed-spec runs of 500 steps; returns mean microseconds per step. */
        private static double runs(int count) {
            long nanos = 0;
            for (int run = 0; run < count; run++) {
                EvenSpec spec = EvenSpec.SEED;
                Rng rng = new Rng(run);
                Network g = spec.newGenerator(spec.batchSize());
                Network d = spec.newDiscriminator(spec.batchSize());
                g.initialize(rng);
                d.initialize(rng);
                GanTrainer trainer = new GanTrainer(g, d, new Adam(g, spec.learningRate()), new Adam(d, spec.learningRate()),
                        new EvenData(), spec.config(), rng);
                long start = System.nanoTime();
                for (int step = 0; step < 500; step++) {
                    trainer.iterate();
                }
                nanos += System.nanoTime() - start;
            }
            return nanos / 1e3 / (count * 500.0);
        }
    }
}
