package io.jgan.samples.cli;

import io.jgan.runtime.Network;
import io.jgan.runtime.data.DataScaling;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.CheckpointException;
import io.jgan.runtime.train.CheckpointFiles;
import io.jgan.runtime.io.OutputFiles;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.optim.Optimizer;
import io.jgan.runtime.train.CollapseWatch;
import io.jgan.runtime.train.DivergencePolicy;
import io.jgan.runtime.train.ProgressDisplay;
import io.jgan.runtime.train.TrainingConfig;
import io.jgan.runtime.train.GanTrainer;
import io.jgan.runtime.loss.GanLoss;
import io.jgan.runtime.train.TrainingDivergedException;
import io.jgan.runtime.train.TrainingListener;
import io.jgan.runtime.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgan train}: trains any spec on the user's own table of samples. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains your own spec on your own data: a table of samples, one per row (.csv with an optional"
            + " header, or a float32 .npy of [rows, columns]), as many columns as the discriminator reads.",
            "The spec's compiled classes (and the ones jgan generated for it) must be on the class path:",
            "  JGAN_CLASSPATH=my-gan/target/classes ./jgan train \\",
            "      --spec com.example.MyGan --data points.csv",
            "Each column is scaled (--scale) before training; the scaling is saved with the run and undone by"
            + " jgan sample. After every epoch --out gets checkpoint.jgan (the one before kept as"
            + " checkpoint.prev.jgan), generator.jgan (the generator alone, averaged with --ema) and log.csv.",
            "--resume continues the run in --out with its own settings (and length, unless --epochs or --steps is"
            + " given), bit for bit as if it had not stopped.",
            "A conditional spec (@Condition on both networks) trains on labelled rows: a .csv keeps each row's class"
            + " in a column (--label-column, default the column named label), a .npy gets them from --labels;"
            + " labels are whole numbers 0 to classes - 1 (docs/conditional.md).",
            "A GAN that collapses onto a few modes: try --d-steps 3 --g-lr 1e-3 --d-lr 5e-4 --real-label 0.9 --ema 0.995"
            + " (docs/making-a-gan-train.md)."})
public final class TrainCommand implements Callable<Integer> {
    /** The generator alone, next to the checkpoints. */
    public static final String GENERATOR_FILE = "generator.jgan";
    /** The checkpoint entry holding the settings of the command line, for --resume. */
    static final String OPTIONS_ENTRY = "cli.train";
    /** The checkpoint entry holding the run's length ("--steps=N" or "--epochs=N"), the default of a resume. */
    static final String LENGTH_ENTRY = "cli.length";

    @Option(names = "--spec", paramLabel = "CLASS", description = "The spec's full class name, e.g. com.example.MyGan"
            + " (on --resume, the checkpoint's).")
    String specName;

    @Option(names = "--data", paramLabel = "FILE", description = "The real samples: FILE.csv or FILE.npy (on --resume,"
            + " the checkpoint's).")
    Path data;

    @Option(names = "--label-column", paramLabel = "NAME|NUMBER", description = "For a conditional spec and .csv"
            + " data: the column holding each row's class, by its header name or its number (from 1); it is not"
            + " scaled and not given to the discriminator as a value. Default: the column named label.")
    String labelColumn;

    @Option(names = "--labels", paramLabel = "FILE.npy", description = "For a conditional spec and .npy data: each"
            + " row's class, a float32 .npy of [rows] whole numbers (numpy: labels.astype(np.float32)).")
    Path labels;

    @Option(names = "--fake-labels", paramLabel = "uniform|data", description = "For a conditional spec: the classes"
            + " the generator is asked for in training, every class equally often (uniform) or as often as in the"
            + " data (data). Default: uniform.")
    String fakeLabels;

    @Option(names = "--batch", paramLabel = "N", description = "Samples per step. Default: 64.")
    Integer batch;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (passes over the data) to have trained at the"
            + " end. Default: 50 if --steps is not given.")
    Integer epochs;

    @Option(names = "--steps", paramLabel = "N", description = "Or the length in steps (one step = the D and G"
            + " steps of one iteration).")
    Long steps;

    @Option(names = "--g-lr", paramLabel = "LR", description = "The generator's Adam learning rate. Default: 2e-4.")
    Double gLr;

    @Option(names = "--d-lr", paramLabel = "LR", description = "The discriminator's Adam learning rate. Default: 2e-4.")
    Double dLr;

    @Option(names = "--g-betas", paramLabel = "B1,B2", description = "The generator's Adam betas. Default: 0.9,0.999.")
    String gBetas;

    @Option(names = "--d-betas", paramLabel = "B1,B2", description = "The discriminator's Adam betas. Default: 0.9,0.999.")
    String dBetas;

    @Option(names = "--loss", paramLabel = "NAME", description = LossOption.DESCRIPTION)
    String loss;

    @Option(names = "--d-steps", paramLabel = "N", description = "Discriminator steps per iteration. Default: 1.")
    Integer dSteps;

    @Option(names = "--g-steps", paramLabel = "N", description = "Generator steps per iteration. Default: 1.")
    Integer gSteps;

    @Option(names = "--real-label", paramLabel = "X", description = "The discriminator's target for real samples;"
            + " 0.9 is one-sided label smoothing. Default: 1.")
    Float realLabel;

    @Option(names = "--ema", paramLabel = "DECAY", description = "Average the generator's parameters with this decay,"
            + " e.g. 0.995 (about the last 200 steps); sample and export then use the average. Default: 0 (off).")
    Double ema;

    @Option(names = "--scale", paramLabel = "standard|range|none", description = "How each column is scaled for"
            + " training: standard (mean 0, std 1; for a linear last layer), range (onto [-1, 1]; for tanh) or none."
            + " Default: standard.")
    String scale;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed. Default: 1.")
    Long seed;

    @Option(names = "--out", defaultValue = "runs/train", paramLabel = "DIR", description = "The run directory."
            + " Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out with its own settings.")
    boolean resume;

    @Option(names = "--force", description = "Start a fresh run even though --out holds one (its checkpoints, log and"
            + " generator are replaced).")
    boolean force;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the large layers (default: the cores,"
            + " at most 2). Results are the same for any count.")
    Integer threads;

    @Option(names = "--log-every", defaultValue = "100", paramLabel = "N", description = "A log row (log.csv and a"
            + " line when the output is not a terminal) every N batches of an epoch, counted from the epoch's"
            + " start, and at each epoch's end. Default: ${DEFAULT-VALUE}.")
    int logEvery;

    @Option(names = "--checkpoint-every", defaultValue = "0", paramLabel = "N", description = "Also checkpoint every"
            + " N steps, not only after each epoch. Default: only after each epoch.")
    long checkpointEvery;

    @Option(names = "--on-divergence", defaultValue = "stop", paramLabel = "stop|rollback", description = "When a"
            + " loss, gradient or parameter becomes NaN or infinite: stop (default), or roll back to the last"
            + " checkpoint with half the learning rates (at most 5 times).")
    String onDivergence;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    @Override
    public Integer call() throws IOException {
        if (resume && force) {
            throw usage("--resume continues the run in --out, --force replaces it: give one");
        }
        if (epochs != null && steps != null) {
            throw usage("give --epochs or --steps, not both");
        }
        OptionChecks.atLeast(spec, "--log-every", logEvery, 1);
        OptionChecks.atLeast(spec, "--checkpoint-every", checkpointEvery, 0);
        if (threads != null) {
            OptionChecks.atLeast(spec, "--threads", threads, 1);
        }
        DivergencePolicy policy;
        try {
            policy = DivergencePolicy.byName(onDivergence);
        } catch (IllegalArgumentException e) {
            throw usage("--on-divergence: " + e.getMessage());
        }
        CheckpointFiles files = new CheckpointFiles(out);
        if (resume) {
            takeSettingsFrom(files);
        } else if (files.anyExists() && !force) {
            throw CommandError.of(out + " already holds a run: pass --resume to continue it, --force to replace it,"
                    + " or choose another --out");
        }
        Settings s = settings();
        Class<?> specType = SpecClasses.load(s.spec);
        Network probe = SpecClasses.network(specType, false, 1);
        int classes = probe.info().classes();
        s = labelSettings(s, specType.getName(), classes);
        TableData table = TableData.read(s.data, "--data", s.labelColumn == null ? null
                : new TableData.LabelColumn(s.labelColumn, classes, specType.getName(),
                        spec.commandLine().getParseResult().hasMatchedOption("--label-column") ? "--label-column" : null));
        table.requireWidth(s.data, probe.info().inputSize(), specType.getName());
        int[] rowLabels = table.labels();
        if (s.labels != null) {
            rowLabels = TableData.readLabels(s.labels, "--labels", table.count(), classes, specType.getName());
        }
        if (table.count() < s.batch) {
            throw CommandError.of("--data " + s.data + " has " + table.count() + " rows, fewer than one batch of "
                    + s.batch + ": give more data or a smaller --batch");
        }
        float[] rows = table.rows();
        DataScaling scaling = switch (s.scale) {
            case "standard" -> DataScaling.standardize(rows, table.columns());
            case "range" -> DataScaling.range(rows, table.columns());
            default -> null;
        };
        if (scaling != null) {
            scaling.apply(rows);
        }
        TrainingConfig config;
        try {
            config = TrainingConfig.defaults(s.batch).withSteps(s.dSteps, s.gSteps)
                    .withLabels(s.realLabel, 0f, 1f).withLoss(GanLoss.byName(s.loss));
            GanTrainer.requireLastLayerFits(probe.info(), config.loss());
        } catch (IllegalArgumentException e) {
            throw usage("--loss " + s.loss + ": " + e.getMessage());
        }
        OutputFiles.requireDirectory("--out", out, 0);
        if (force && !resume) {
            for (Path p : new Path[] {files.latest(), files.previous(), files.next(), out.resolve(GENERATOR_FILE),
                out.resolve(TrainingRun.LOG_FILE)}) {
                Files.deleteIfExists(p);
            }
        }
        Path generatorFile = out.resolve(GENERATOR_FILE);
        String options = s.encode();
        String length = steps != null ? "--steps=" + steps : "--epochs=" + (epochs != null ? epochs : 50);
        TrainingRun.Builder builder = TrainingRun.builder(SpecClasses.factory(specType, true),
                SpecClasses.factory(specType, false))
                .scaling(scaling).config(config).seed(s.seed)
                .generatorOptimizer(adam(s.gLr, s.gBetas)).discriminatorOptimizer(adam(s.dLr, s.dBetas))
                .out(out).resume(resume).onDivergence(policy).logEvery(logEvery).checkpointEvery(checkpointEvery)
                .listener(ProgressDisplay.toStandardOutput())
                .listener(new TrainingListener() {
                    @Override
                    public void save(Checkpoint c) {
                        c.put(OPTIONS_ENTRY, options);
                        c.put(LENGTH_ENTRY, length);
                    }

                    @Override
                    public void onCheckpoint(TrainingRun run, Checkpoint c) {
                        try {
                            run.trainedGenerator().write(generatorFile);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
        if (table.count() >= 2) { // a diversity figure needs two samples
            builder.listener(new CollapseWatch(java.util.Arrays.copyOf(rows, Math.min(table.count(), 64) * table.columns()),
                    table.columns(), 0.5, s.seed ^ 0x5EED_F17EDL));
        }
        if (rowLabels != null) {
            builder.data(rows, rowLabels, classes, (s.labels != null ? s.labels : s.data).toString())
                    .fakeLabelsFromData(s.fakeLabels.equals("data"));
        } else {
            builder.data(rows);
        }
        if (s.ema > 0) {
            builder.averageGenerator(s.ema);
        }
        if (threads != null) {
            builder.threads(Threads.cap(threads, "--threads", System.out));
        }
        if (steps != null) {
            builder.steps(steps);
        } else {
            builder.epochs(epochs != null ? epochs : 50);
        }
        TrainingRun run = builder.build();
        System.out.printf(Locale.ROOT, "%s on %d rows of %d from %s; batch %d, %s, G %s, D %s, D/G steps %d/%d,"
                + " real label %s, average %s, scale %s, seed %d%s%n", specType.getName(), table.count(),
                table.columns(), s.data, s.batch, s.loss, run.generatorOptimizer(), run.discriminatorOptimizer(),
                s.dSteps, s.gSteps, s.realLabel, s.ema > 0 ? s.ema : "off", s.scale, s.seed, rowLabels == null ? ""
                        : "; " + classes + " classes from " + (s.labels != null ? s.labels : "column " + s.labelColumn)
                        + ", fake labels " + s.fakeLabels);
        try {
            run.run();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } catch (TrainingDivergedException e) {
            String done = run.epochsDone() > 0 || Files.exists(files.latest())
                    ? "the last checkpoint in " + out + " is intact: resume with --resume --on-divergence rollback"
                    : "no checkpoint was written: try lower learning rates or another --seed";
            throw CommandError.of("training diverged: " + e.getMessage() + "; " + done, e);
        }
        System.out.println("Done: " + run.step() + " steps; " + files.latest() + ", " + generatorFile
                + " (" + classPathPrefix(specType) + "jgan sample --checkpoint " + generatorFile + " --n 1000" + (rowLabels == null ? "" : " --class 0")
                + " --out samples.csv)");
        return 0;
    }

    private static Function<Network, Optimizer> adam(double lr, double[] betas) {
        return n -> new Adam(n, lr, betas[0], betas[1]);
    }

    /** A resumed run's settings are the checkpoint's; an explicit different one is a mistake. */
    private void takeSettingsFrom(CheckpointFiles files) throws IOException {
        if (!Files.exists(files.latest())) {
            throw CommandError.of("there is no " + files.latest() + " to resume from"
                    + (Files.exists(files.previous()) ? ", but there is " + files.previous() + ": copy it to "
                            + files.latest() + " to resume from the one before" : ": start a fresh run without --resume"));
        }
        Checkpoint c = Checkpoint.read(files.latest());
        if (!c.has(OPTIONS_ENTRY)) {
            throw new CheckpointException(files.latest() + " was not written by jgan train; resume it with the"
                    + " command that wrote it");
        }
        Map<String, String> saved = decode(c.getString(OPTIONS_ENTRY));
        if (epochs == null && steps == null && c.has(LENGTH_ENTRY)) {
            Map<String, String> length = decode(c.getString(LENGTH_ENTRY));
            try {
                if (length.containsKey("--steps")) {
                    steps = Long.valueOf(length.get("--steps"));
                } else {
                    epochs = Integer.valueOf(length.get("--epochs"));
                }
            } catch (RuntimeException e) {
                throw new CheckpointException(files.latest() + ": its entry " + LENGTH_ENTRY + " is malformed; the"
                        + " file was changed after it was written: use " + files.previous() + " or train again");
            }
        }
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        try {
            if (!parsed.hasMatchedOption("--spec")) {
                specName = saved.get("--spec");
            }
            if (!parsed.hasMatchedOption("--data")) {
                data = Path.of(saved.get("--data"));
            }
            if (!parsed.hasMatchedOption("--batch")) {
                batch = Integer.valueOf(saved.get("--batch"));
            }
            if (!parsed.hasMatchedOption("--g-lr")) {
                gLr = Double.valueOf(saved.get("--g-lr"));
            }
            if (!parsed.hasMatchedOption("--d-lr")) {
                dLr = Double.valueOf(saved.get("--d-lr"));
            }
            if (!parsed.hasMatchedOption("--g-betas")) {
                gBetas = saved.get("--g-betas");
            }
            if (!parsed.hasMatchedOption("--d-betas")) {
                dBetas = saved.get("--d-betas");
            }
            if (!parsed.hasMatchedOption("--loss")) {
                loss = saved.get("--loss");
            }
            if (!parsed.hasMatchedOption("--d-steps")) {
                dSteps = Integer.valueOf(saved.get("--d-steps"));
            }
            if (!parsed.hasMatchedOption("--g-steps")) {
                gSteps = Integer.valueOf(saved.get("--g-steps"));
            }
            if (!parsed.hasMatchedOption("--real-label")) {
                realLabel = Float.valueOf(saved.get("--real-label"));
            }
            if (!parsed.hasMatchedOption("--ema")) {
                ema = Double.valueOf(saved.get("--ema"));
            }
            if (!parsed.hasMatchedOption("--scale")) {
                scale = saved.get("--scale");
            }
            if (!parsed.hasMatchedOption("--seed")) {
                seed = Long.valueOf(saved.get("--seed"));
            }
            if (!parsed.hasMatchedOption("--label-column")) {
                labelColumn = saved.get("--label-column");
            }
            if (!parsed.hasMatchedOption("--labels") && saved.containsKey("--labels")) {
                labels = Path.of(saved.get("--labels"));
            }
            if (!parsed.hasMatchedOption("--fake-labels")) {
                fakeLabels = saved.get("--fake-labels");
            }
        } catch (RuntimeException e) {
            throw new CheckpointException(files.latest() + ": its entry " + OPTIONS_ENTRY + " is malformed; the file was"
                    + " changed after it was written: use " + files.previous() + " or train again");
        }
        Map<String, String> given = decode(settings().encode());
        for (Map.Entry<String, String> e : saved.entrySet()) {
            if (!e.getValue().equals(given.get(e.getKey()))) {
                throw usage("the run in " + out + " was trained with " + e.getKey() + " " + e.getValue() + ", not "
                        + given.get(e.getKey()) + "; --resume continues it with its own settings");
            }
        }
    }

    private static Map<String, String> decode(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }

    /**
     * The options that shape the run, with their defaults, checked. The label options are null for an
     * unconditional spec, and then not written (a checkpoint of such a run reads as before they existed).
     */
    private record Settings(String spec, Path data, int batch, double gLr, double dLr, double[] gBetas,
            double[] dBetas, String loss, int dSteps, int gSteps, float realLabel, double ema, String scale, long seed,
            String labelColumn, Path labels, String fakeLabels) {
        String encode() {
            return "--spec=" + spec + "\n--data=" + data + "\n--batch=" + batch + "\n--g-lr=" + gLr + "\n--d-lr=" + dLr
                    + "\n--g-betas=" + gBetas[0] + "," + gBetas[1] + "\n--d-betas=" + dBetas[0] + "," + dBetas[1]
                    + "\n--loss=" + loss + "\n--d-steps=" + dSteps + "\n--g-steps=" + gSteps + "\n--real-label="
                    + realLabel + "\n--ema=" + ema + "\n--scale=" + scale + "\n--seed=" + seed
                    + (labelColumn != null ? "\n--label-column=" + labelColumn : "")
                    + (labels != null ? "\n--labels=" + labels : "")
                    + (fakeLabels != null ? "\n--fake-labels=" + fakeLabels : "");
        }

        Settings withLabels(String column, Path file, String fakes) {
            return new Settings(spec, data, batch, gLr, dLr, gBetas, dBetas, loss, dSteps, gSteps, realLabel, ema, scale,
                    seed, column, file, fakes);
        }
    }

    /**
     * The label options for this spec: refused for an unconditional one; for a conditional one, where
     * the labels are (a .csv's column, by default the one named label, or a .npy's --labels file).
     */
    private Settings labelSettings(Settings s, String specName, int classes) {
        if (classes == 0) {
            for (String option : new String[] {"--label-column", "--labels", "--fake-labels"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw usage(specName + " has no @Condition: its networks take no labels; drop " + option);
                }
            }
            return s;
        }
        boolean npy = s.data.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy");
        if (npy && s.labelColumn != null) {
            throw usage("--label-column names a column of a .csv file; the labels of .npy data (" + s.data
                    + ") come from --labels FILE.npy");
        }
        if (npy && s.labels == null) {
            throw usage(specName + " is conditional (@Condition, " + classes + " classes): give each row's class of "
                    + s.data + " with --labels FILE.npy (float32, one whole number 0 to " + (classes - 1) + " per row)");
        }
        if (!npy && s.labels != null) {
            throw usage("--labels is for .npy data; a .csv file keeps each row's class in a column: --label-column"
                    + " NAME|NUMBER (default: the column named " + TableData.LabelColumn.DEFAULT + ")");
        }
        return s.withLabels(npy ? null : s.labelColumn != null ? s.labelColumn : TableData.LabelColumn.DEFAULT,
                s.labels, s.fakeLabels != null ? s.fakeLabels : "uniform");
    }

    private Settings settings() {
        if (specName == null) {
            throw usage("--spec is missing: give your spec's class name, e.g. --spec com.example.MyGan");
        }
        if (data == null) {
            throw usage("--data is missing: give a .csv or .npy file of samples, one per row");
        }
        int b = batch != null ? batch : 64;
        OptionChecks.atLeast(spec, "--batch", b, 1);
        int ds = dSteps != null ? dSteps : 1;
        int gs = gSteps != null ? gSteps : 1;
        OptionChecks.atLeast(spec, "--d-steps", ds, 0);
        OptionChecks.atLeast(spec, "--g-steps", gs, 0);
        if (ds + gs == 0) {
            throw usage("--d-steps and --g-steps cannot both be 0");
        }
        double g = rate("--g-lr", gLr);
        double d = rate("--d-lr", dLr);
        float real = realLabel != null ? realLabel : 1f;
        if (!(real > 0 && real <= 1)) {
            throw usage("--real-label must be in (0, 1], was " + real);
        }
        double e = ema != null ? ema : 0;
        if (!(e >= 0 && e < 1)) {
            throw usage("--ema must be in [0, 1) (0: off), was " + e);
        }
        String sc = scale != null ? scale : "standard";
        if (!sc.equals("standard") && !sc.equals("range") && !sc.equals("none")) {
            throw usage("--scale must be standard, range or none, was " + sc);
        }
        String l;
        try {
            l = LossOption.byName(loss != null ? loss : LossOption.BCE);
        } catch (IllegalArgumentException ex) {
            throw usage(ex.getMessage());
        }
        if (fakeLabels != null && !fakeLabels.equals("uniform") && !fakeLabels.equals("data")) {
            throw usage("--fake-labels must be uniform or data, was " + fakeLabels);
        }
        return new Settings(specName, data.toAbsolutePath().normalize(), b, g, d, betas("--g-betas", gBetas), betas("--d-betas", dBetas), l, ds, gs,
                real, e, sc, seed != null ? seed : 1, labelColumn, labels == null ? null
                        : labels.toAbsolutePath().normalize(), fakeLabels);
    }

    private double rate(String option, Double value) {
        double v = value != null ? value : 2e-4;
        if (!(v > 0) || Double.isInfinite(v)) {
            throw usage(option + " must be a positive number, was " + v);
        }
        return v;
    }

    private double[] betas(String option, String value) {
        if (value == null) {
            return new double[] {0.9, 0.999};
        }
        String[] parts = value.split(",");
        try {
            if (parts.length == 2) {
                double b1 = Double.parseDouble(parts[0].strip());
                double b2 = Double.parseDouble(parts[1].strip());
                if (b1 >= 0 && b1 < 1 && b2 >= 0 && b2 < 1) {
                    return new double[] {b1, b2};
                }
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw usage(option + " must be two numbers in [0, 1) separated by a comma, e.g. 0.5,0.999; was " + value);
    }

    /** {@code JGAN_CLASSPATH=... } when the spec lives outside jgan's own jar, so that the hint runs as printed. */
    private static String classPathPrefix(Class<?> specType) {
        java.security.CodeSource source = specType.getProtectionDomain().getCodeSource();
        java.security.CodeSource ours = TrainCommand.class.getProtectionDomain().getCodeSource();
        if (source == null || ours == null || source.getLocation().equals(ours.getLocation())) {
            return "";
        }
        try {
            return "JGAN_CLASSPATH=" + java.nio.file.Path.of(source.getLocation().toURI()) + " ";
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return "";
        }
    }
}
