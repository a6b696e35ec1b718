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
            + " the spec's classes must be on the class path (JGAN_CLASSPATH with ./jgan)."})
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

    @Option(names = "--force", description = "Replace --out if it exists (never --checkpoint).")
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
        int columns = g.network(1).info().outputSize();
        OutputFiles.create(force).input(checkpoint).output("--out", out, csv ? 0 : Npy.fileSize(n, columns)).check();
        float[] samples = g.sample(n, new Rng(seed));
        if (csv) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                text.append(c == 0 ? "" : ",").append('x').append(c + 1);
            }
            text.append('\n');
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < columns; c++) {
                    text.append(c == 0 ? "" : ",").append(samples[r * columns + c]);
                }
                text.append('\n');
            }
            AtomicFile.write(out, text.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            Npy.write(out, NpyArray.of(samples, n, columns));
        }
        System.out.printf("Wrote %d samples of %d values from %s's %sgenerator to %s%n", n, columns, g.spec(),
                g.averaged() ? "averaged " : "", out);
        return 0;
    }
}
