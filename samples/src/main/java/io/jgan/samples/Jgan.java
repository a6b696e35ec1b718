package io.jgan.samples;

import io.jgan.samples.cli.ErrorHandler;
import io.jgan.samples.cli.ExportCommand;
import io.jgan.samples.cli.SampleCommand;
import io.jgan.samples.cli.TrainCommand;
import io.jgan.samples.even.EvenCommand;
import io.jgan.samples.gaussian.GaussianCommand;
import io.jgan.samples.images.ImagesCommand;
import io.jgan.samples.sweep.SweepCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code jgan} command line: one subcommand per sample GAN. */
@Command(name = "jgan", mixinStandardHelpOptions = true, version = "jgan 0.1.0",
        description = {"Trains, samples and benchmarks the jgan sample GANs, and trains your own spec on your own data"
            + " (train, sample, export, sweep)."},
        subcommands = {TrainCommand.class, SampleCommand.class, ExportCommand.class, SweepCommand.class,
            EvenCommand.class, GaussianCommand.class, ImagesCommand.class, CommandLine.HelpCommand.class})
public final class Jgan implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = ErrorHandler.DEBUG, scope = ScopeType.INHERIT,
            description = "On an error, print the stack trace too (for a bug report).")
    boolean debug;

    /** Runs the command line and exits with its code (0 ok, 1 failure, 2 bad usage). */
    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // picocli lets Errors through; this one the user can act on.
            code = ErrorHandler.report(e, new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                    ErrorHandler.debug(args));
        }
        System.exit(code);
    }

    /** The configured command line (tests execute it without exiting). */
    public static CommandLine commandLine() {
        return ErrorHandler.install(new CommandLine(new Jgan()).setCaseInsensitiveEnumValuesAllowed(true));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
