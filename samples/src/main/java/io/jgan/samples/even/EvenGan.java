package io.jgan.samples.even;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.train.CollapseMonitor;
import io.jgan.runtime.train.Sampler;
import io.jgan.runtime.train.StepStats;
import io.jgan.runtime.train.TrainingConfig;
import io.jgan.runtime.train.TrainingListener;
import io.jgan.runtime.train.TrainingRun;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Trains an even-numbers GAN and measures what it learned. */
public final class EvenGan {
    /** Numbers drawn for the final evaluation, as in the seed's acceptance check. */
    public static final int EVALUATION_SAMPLES = 1000;

    private EvenGan() {}

    /**
     * The outcome of a run.
     *
     * @param evenFraction fraction of {@value #EVALUATION_SAMPLES} generated numbers that are even
     * @param distinct how many different numbers among them
     * @param counts how often each number 0..127 was generated
     * @param stepMicros mean microseconds per training step
     * @param generatorParameters the trained generator's parameters (for reproducibility checks)
     */
    public record Result(double evenFraction, int distinct, int[] counts, double stepMicros, float[] generatorParameters) {
        /** The machine-readable last line: {@code even_fraction=1.000 distinct=12 step_us=2.3}. */
        public String summaryLine() {
            return String.format(Locale.ROOT, "even_fraction=%.3f distinct=%d step_us=%.1f", evenFraction, distinct, stepMicros);
        }

        /** How many of the 64 even numbers were generated at least once. */
        public int evenCovered() {
            int n = 0;
            for (int k = 0; k < counts.length; k += 2) {
                n += counts[k] > 0 ? 1 : 0;
            }
            return n;
        }
    }

    /**
     * Trains {@code spec} for {@code steps} steps from {@code seed}; with {@code out} not null, prints
     * ten decoded samples every 50 steps like the seed's table.
     */
    public static Result train(EvenSpec spec, long seed, int steps, PrintStream out) {
        Table table = new Table(seed, out);
        TrainingRun run = TrainingRun.builder(spec::newGenerator, spec::newDiscriminator)
                .data(new EvenData())
                .config(spec.config())
                .generatorOptimizer(g -> new Adam(g, spec.learningRate()))
                .discriminatorOptimizer(d -> new Adam(d, spec.learningRate()))
                .seed(seed)
                .steps(steps)
                .listener(table)
                .build();
        try {
            run.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a run without a directory writes no file
        }
        Network generator = run.generator();
        int[] counts = new int[1 << EvenData.BITS];
        float[] samples = Sampler.generate(generator, EVALUATION_SAMPLES, new Rng(seed * 31 + 7));
        int even = 0;
        for (int k = 0; k < EVALUATION_SAMPLES; k++) {
            int number = EvenData.decode(samples, k * EvenData.BITS);
            counts[number]++;
            even += number % 2 == 0 ? 1 : 0;
        }
        int distinct = 0;
        for (int c : counts) {
            distinct += c > 0 ? 1 : 0;
        }
        double stepMicros = steps == 0 ? 0 : table.trainingNanos / 1e3 / steps;
        return new Result((double) even / EVALUATION_SAMPLES, distinct, counts, stepMicros, generator.parameters().clone());
    }

    /**
     * Times the training steps alone, for {@code step_us}; with an output, prints the seed's table: ten
     * decoded samples and the diversity at the start, every 50 steps and at the end. Printing draws
     * from its own generator, so a run trains identically with or without output.
     */
    private static final class Table implements TrainingListener {
        private final long seed;
        private final PrintStream out;
        private final Rng display;
        private final CollapseMonitor collapse = new CollapseMonitor("distinct even numbers of 64", 0.5);
        private long stepStart;
        long trainingNanos;

        Table(long seed, PrintStream out) {
            this.seed = seed;
            this.out = out;
            this.display = new Rng(seed ^ 0x5DEECE66DL);
        }

        @Override
        public void onStart(TrainingRun run) {
            print(run);
        }

        @Override
        public void beforeStep(TrainingRun run) {
            stepStart = System.nanoTime();
        }

        @Override
        public void onStep(TrainingRun run, StepStats stats) {
            trainingNanos += System.nanoTime() - stepStart;
            if (run.step() % 50 == 0 || run.step() == run.totalSteps()) {
                print(run);
            }
        }

        private void print(TrainingRun run) {
            if (out != null) {
                out.println(tableRow((int) run.step(), run.generator(), display)
                        + diversity(run.generator(), seed, collapse, out));
            }
        }
    }

    /** Samples drawn for the diversity figure, from the same fixed noise each time. */
    static final int DIVERSITY_SAMPLES = 1000;

    /**
     * {@code "  diversity=K/64"}: how many of the 64 even numbers {@value #DIVERSITY_SAMPLES} samples of
     * one fixed noise batch cover; a warning line goes to {@code out} first if it fell.
     */
    private static String diversity(Network generator, long seed, CollapseMonitor collapse, PrintStream out) {
        float[] samples = Sampler.generate(generator, DIVERSITY_SAMPLES, new Rng(seed ^ 0xD1_5EEDL));
        boolean[] seen = new boolean[1 << EvenData.BITS];
        int distinct = 0;
        for (int k = 0; k < DIVERSITY_SAMPLES; k++) {
            int n = EvenData.decode(samples, k * EvenData.BITS);
            if (n % 2 == 0 && !seen[n]) { // the target: the 64 even numbers
                distinct++;
                seen[n] = true;
            }
        }
        String warning = collapse.update(distinct);
        if (warning != null) {
            out.println(warning);
        }
        return "  diversity=" + distinct + "/" + (1 << EvenData.BITS) / 2;
    }

    private static String tableRow(int step, Network generator, Rng display) {
        float[] samples = Sampler.generate(generator, 10, display);
        List<Integer> numbers = new ArrayList<>();
        int even = 0;
        for (int k = 0; k < 10; k++) {
            int n = EvenData.decode(samples, k * EvenData.BITS);
            numbers.add(n);
            even += n % 2 == 0 ? 1 : 0;
        }
        return String.format(Locale.ROOT, "%-4d: %-46s %2d/10 even", step, numbers, even);
    }

    /** A histogram of the generated numbers, one line per number generated. */
    public static String histogram(Result r) {
        StringBuilder s = new StringBuilder();
        int max = 0;
        for (int c : r.counts()) {
            max = Math.max(max, c);
        }
        for (int n = 0; n < r.counts().length; n++) {
            int c = r.counts()[n];
            if (c > 0) {
                int bar = (int) Math.ceil(40.0 * c / max);
                s.append(String.format(Locale.ROOT, "%4d %s %4d %s%n", n, n % 2 == 0 ? "even" : "ODD ", c, "#".repeat(bar)));
            }
        }
        return s.toString();
    }

    /** A trainer configuration shared by both specs: the seed's order and loss. */
    static TrainingConfig seedConfig(int batch) {
        return TrainingConfig.defaults(batch)
                .withGeneratorFirst(true)
                .withSharedFakes(true)
                .withDiscriminatorLoss(TrainingConfig.LossCombination.MEAN);
    }
}
