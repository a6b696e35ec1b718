package io.jgan.samples.sweep;

import io.jgan.runtime.sweep.GanNetworks;
import io.jgan.runtime.sweep.LocalSweep;
import io.jgan.runtime.sweep.MarginalKs;
import io.jgan.runtime.sweep.Score;
import io.jgan.runtime.sweep.Seeds;
import io.jgan.runtime.sweep.SettingsGrid;
import io.jgan.runtime.sweep.SweepPlan;
import io.jgan.runtime.sweep.SweepResults;
import io.jgan.runtime.sweep.Table;
import io.jgan.runtime.sweep.TrialSettings;
import io.jgan.runtime.sweep.TrialResult;
import io.jgan.runtime.sweep.TrialTrainer;
import io.jgan.runtime.Network;
import io.jgan.runtime.loss.GanLoss;
import io.jgan.runtime.train.GanTrainer;
import io.jgan.samples.cli.CommandError;
import io.jgan.samples.cli.OptionChecks;
import io.jgan.samples.cli.Threads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgan sweep}: trains a spec with every combination of settings on every seed, on this machine. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Trains your spec on your data with every combination of the listed settings on every seed,"
            + " one run per core at a time, and prints the runs sorted by score.",
            "Writes OUT/trial-<id>/checkpoint.jgan and OUT/results.csv (trial, seed, settings, score, final losses,"
            + " checkpoint, its SHA-256, kernel path, jgan version). Every run is reproducible bit for bit.",
            "Lists are comma-separated: --lr 1e-4,2e-4. The spec's classes must be on the class path."})
public final class SweepCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--spec", required = true, paramLabel = "CLASS", description = "Your spec's class, e.g. com.example.Ring.")
    String specClass;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Real samples: .npy float32 [samples, width], or .csv of numbers (optional header line).")
    Path data;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "SEEDS",
            description = "Seeds: a range 1..20 or a list 1,5,9. Default: ${DEFAULT-VALUE}.")
    String seeds;

    @Option(names = "--lr", split = ",", paramLabel = "LR", description = "Learning rates for both networks. Default: 2e-4.")
    List<Double> learningRates;

    @Option(names = "--lr-g", split = ",", paramLabel = "LR", description = "The generator's learning rates (instead of --lr).")
    List<Double> generatorRates;

    @Option(names = "--lr-d", split = ",", paramLabel = "LR", description = "The discriminator's learning rates (instead of --lr).")
    List<Double> discriminatorRates;

    @Option(names = "--beta1", split = ",", defaultValue = "0.9", paramLabel = "B", description = "Adam's beta1 values. Default: ${DEFAULT-VALUE}.")
    List<Double> beta1;

    @Option(names = "--loss", split = ",", defaultValue = "bce", paramLabel = "NAME", description = "Losses: bce, bce-logits, lsgan, hinge, wgan; the discriminator's last layer must fit each"
            + " (docs/losses.md). Default: ${DEFAULT-VALUE}.")
    List<String> losses;

    @Option(names = "--d-steps", split = ",", defaultValue = "1", paramLabel = "N",
            description = "Discriminator steps per iteration. Default: ${DEFAULT-VALUE}.")
    List<Integer> discriminatorSteps;

    @Option(names = "--batch", split = ",", defaultValue = "64", paramLabel = "N", description = "Batch sizes. Default: ${DEFAULT-VALUE}.")
    List<Integer> batches;

    @Option(names = "--steps", split = ",", defaultValue = "2000", paramLabel = "N",
            description = "Training iterations. Default: ${DEFAULT-VALUE}.")
    List<Long> steps;

    @Option(names = "--epochs", split = ",", paramLabel = "N",
            description = "Passes over the data instead of --steps: N x (samples / batch) iterations.")
    List<Integer> epochs;

    @Option(names = "--average", split = ",", defaultValue = "0", paramLabel = "DECAY",
            description = "Decays of the generator's parameter average that is scored and saved, e.g. 0.999; 0: none."
                    + " Default: ${DEFAULT-VALUE}.")
    List<Double> averages;

    @Option(names = "--score-samples", defaultValue = "2000", paramLabel = "N",
            description = "Samples drawn to score a run (the mean per-column Kolmogorov-Smirnov distance to the data,"
                    + " lower is better). Default: ${DEFAULT-VALUE}.")
    int scoreSamples;

    @Option(names = "--score", paramLabel = "CLASS",
            description = "Your own io.jgan.runtime.sweep.Score class (public, no-argument constructor) instead.")
    String scoreClass;

    @Option(names = "--threads", paramLabel = "N", description = "Runs at a time. Default: the cores.")
    Integer threads;

    @Option(names = "--out", defaultValue = "sweep", paramLabel = "DIR", description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast(spec, "--score-samples", scoreSamples, 1);
        int n = Threads.cap(threads == null ? Runtime.getRuntime().availableProcessors() : threads, "--threads",
                System.out);
        OptionChecks.atLeast(spec, "--threads", n, 1);
        List<Long> seedList;
        try {
            seedList = Seeds.parse(seeds);
        } catch (IllegalArgumentException e) {
            throw usage("--seeds " + e.getMessage());
        }
        for (String loss : losses) {
            if (!TrialTrainer.LOSSES.contains(loss)) {
                throw usage("--loss " + loss + " is not known; choose from " + String.join(", ", TrialTrainer.LOSSES));
            }
        }
        List<TrialSettings> settings = grid();
        if (Files.exists(out.resolve(LocalSweep.RESULTS))) {
            throw CommandError.of("--out " + out + " already holds a sweep (" + LocalSweep.RESULTS
                    + "); give another directory or delete it");
        }
        GanNetworks networks;
        try {
            networks = GanNetworks.ofSpec(specClass);
        } catch (IllegalArgumentException e) {
            throw CommandError.of("--spec: " + e.getMessage());
        }
        Network d = networks.discriminator(1);
        if (d.info().conditional()) {
            throw CommandError.of(specClass + " is conditional (@Condition): jgan sweep trains on unlabelled tables only;"
                    + " train its settings one run at a time with jgan train --label-column (docs/conditional.md)");
        }
        Table rows;
        try {
            rows = Table.read(data);
        } catch (java.io.IOException e) {
            throw CommandError.of("--data " + e.getMessage(), e);
        }
        if (d.info().inputSize() != rows.width()) {
            throw CommandError.of("--data " + data + " has " + rows.width() + " columns but " + d.info().displayName()
                    + " reads " + d.info().inputSize() + " values per sample");
        }
        for (String loss : losses) {
            try {
                GanTrainer.requireLastLayerFits(d.info(), GanLoss.byName(loss));
            } catch (IllegalArgumentException e) {
                throw usage("--loss " + loss + ": " + e.getMessage());
            }
        }
        int samples = rows.samples();
        for (int b : batches) {
            if (b > samples) {
                throw usage("--batch " + b + " is larger than the " + samples + " samples in " + data);
            }
        }
        if (epochs != null) {
            settings = inEpochs(settings, samples);
        }
        SweepPlan plan = new SweepPlan(networks, rows.source(), seedList, settings,
                score(rows));
        System.out.printf(Locale.ROOT, "Sweep: %d settings x %d seeds = %d runs of %s on %d threads, into %s%n",
                settings.size(), seedList.size(), plan.size(), specClass, n, out);
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        SweepResults results = LocalSweep.run(plan, out, n, r -> System.out.printf(Locale.ROOT,
                "  %d/%d done: trial %d seed %d  %s=%.4f%s%n", done.incrementAndGet(), plan.size(), r.trialId(),
                r.seed(), plan.score().name(), r.score(), r.note().isEmpty() ? "" : "  " + r.note()));
        System.out.println();
        System.out.print(results.table());
        TrialResult best = results.best();
        System.out.printf(Locale.ROOT, "best: trial %d (%s), %s; %d runs in %.1f s; results in %s%n", best.trialId(),
                best.settings().describe(), out.resolve(best.checkpoint()), plan.size(),
                (System.nanoTime() - start) / 1e9, out.resolve(LocalSweep.RESULTS));
        return 0;
    }

    private List<TrialSettings> grid() {
        if (learningRates != null && (generatorRates != null || discriminatorRates != null)) {
            throw usage("give either --lr or --lr-g/--lr-d, not both");
        }
        List<Double> defaultRate = List.of(TrialSettings.defaults().generatorLearningRate());
        try {
            SettingsGrid grid = SettingsGrid.from(TrialSettings.defaults());
            grid = learningRates != null ? grid.learningRates(learningRates)
                    : grid.learningRates(generatorRates != null ? generatorRates : defaultRate,
                            discriminatorRates != null ? discriminatorRates : defaultRate);
            return grid.beta1(beta1)
                    .losses(losses)
                    .discriminatorSteps(discriminatorSteps)
                    .batchSizes(batches)
                    .steps(steps)
                    .averageDecays(averages)
                    .settings();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** Each settings once per --epochs value, its steps the epochs' full batches. */
    private List<TrialSettings> inEpochs(List<TrialSettings> settings, int samples) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--steps")) {
            throw usage("give either --steps or --epochs, not both");
        }
        List<TrialSettings> perEpochs = new java.util.ArrayList<>();
        for (TrialSettings s : settings) {
            for (int e : epochs) {
                if (e < 1) {
                    throw usage("--epochs must be at least 1, was " + e);
                }
                perEpochs.add(s.withSteps((long) e * (samples / s.batchSize())));
            }
        }
        return perEpochs;
    }

    private Score score(Table rows) throws Exception {
        if (scoreClass == null) {
            return new MarginalKs(rows.rows(), rows.width(), scoreSamples);
        }
        Class<?> type;
        try {
            type = Class.forName(scoreClass, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw CommandError.of("--score " + scoreClass + " is not on the class path");
        }
        if (!Score.class.isAssignableFrom(type)) {
            throw CommandError.of("--score " + scoreClass + " does not implement " + Score.class.getName());
        }
        try {
            return (Score) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw CommandError.of("--score " + scoreClass + " needs a public constructor without arguments");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
