package io.jgan.samples.cli;

import io.jgan.runtime.Rng;
import io.jgan.runtime.io.AtomicFile;
import io.jgan.runtime.io.Npy;
import io.jgan.runtime.io.NpyArray;
import io.jgan.runtime.io.OutputFiles;
import io.jgan.runtime.train.TrainedGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgan sample}: samples from any spec's trained generator. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generates samples with a trained generator, in the data's own units (the training scaling"
            + " undone): --out FILE.npy (float32 [N, columns]) or FILE.csv (a header x1,x2,..., one row per sample).",
            "--checkpoint takes a run's checkpoint.jgan (its averaged generator if it has one) or a generator.jgan;"
            + " the spec's classes must be on the class path (JGAN_CLASSPATH with ./jgan).",
            "A conditional generator makes the classes of --class in turn (default: every class in turn); the CSV"
            + " gets their label as a last column, label, and --labels-out writes them as a float32 .npy of [N]."})
public final class SampleCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "checkpoint.jgan or"
            + " generator.jgan of any spec.")
    Path checkpoint;

    @Option(names = "--n", defaultValue = "1000", paramLabel = "N", description = "Samples. Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "FILE.npy or FILE.csv.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the noise."
            + " Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--class", split = ",", paramLabel = "K[,K...]", description = "For a conditional generator: the"
            + " classes to make, in turn: --class 1 makes class 1 only, --class 0,2 makes 0, 2, 0, 2, ..."
            + " Default: every class in turn.")
    int[] classes;

    @Option(names = "--labels-out", paramLabel = "FILE.npy", description = "For a conditional generator: also write"
            + " each sample's class, float32 [N].")
    Path labelsOut;

    @Option(names = "--force", description = "Replace --out (and --labels-out) if it exists (never --checkpoint).")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeast(spec, "--n", n, 1);
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".npy")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + ": give a .npy or .csv file");
        }
        TrainedGenerator g = TrainedGenerator.read(checkpoint);
        io.jgan.runtime.NetworkInfo info = g.network(1).info();
        int columns = info.outputSize();
        int[] labels = labels(info.classes());
        OutputFiles.create(force).input(checkpoint).output("--out", out, csv ? 0 : Npy.fileSize(n, columns))
                .output("--labels-out", labelsOut, Npy.fileSize(n)).check();
        float[] samples = labels == null ? g.sample(n, new Rng(seed)) : g.sample(labels, new Rng(seed));
        if (csv) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                text.append(c == 0 ? "" : ",").append('x').append(c + 1);
            }
            text.append(labels == null ? "" : ",label").append('\n');
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < columns; c++) {
                    text.append(c == 0 ? "" : ",").append(samples[r * columns + c]);
                }
                if (labels != null) {
                    text.append(',').append(labels[r]);
                }
                text.append('\n');
            }
            AtomicFile.write(out, text.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            Npy.write(out, NpyArray.of(samples, n, columns));
        }
        if (labelsOut != null) {
            float[] asFloats = new float[n];
            for (int r = 0; r < n; r++) {
                asFloats[r] = labels[r];
            }
            Npy.write(labelsOut, NpyArray.of(asFloats, n));
        }
        System.out.printf("Wrote %d samples of %d values%s from %s's %sgenerator to %s%s%n", n, columns,
                labels == null ? "" : " of class" + (classes != null && classes.length == 1 ? " " : "es ")
                        + ClassList.describe(classes, info.classes()), g.spec(), g.averaged() ? "averaged " : "", out,
                labelsOut == null ? "" : ", their labels to " + labelsOut);
        return 0;
    }

    /** Sample k's class: the --class list (default every class) in turn; null for an unconditional generator. */
    private int[] labels(int count) {
        if (count == 0) {
            for (String option : new String[] {"--class", "--labels-out"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), checkpoint + " holds an unconditional"
                            + " generator (its spec has no @Condition), which takes no labels; drop " + option);
                }
            }
            return null;
        }
        return ClassList.labels(classes, count, n, checkpoint, spec.commandLine());
    }
}
