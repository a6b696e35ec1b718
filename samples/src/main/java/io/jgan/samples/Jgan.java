package io.jgan.samples;

import io.jgan.samples.even.EvenCommand;
import io.jgan.samples.gaussian.GaussianCommand;
import io.jgan.samples.images.ImagesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jgan} command line: one subcommand per sample GAN. */
@Command(name = "jgan", mixinStandardHelpOptions = true, version = "jgan 0.1.0",
        description = "Trains, samples and benchmarks the jgan sample GANs.",
        subcommands = {EvenCommand.class, GaussianCommand.class, ImagesCommand.class, CommandLine.HelpCommand.class})
public final class Jgan implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code (0 ok, 1 failure, 2 bad usage). */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (tests execute it without exiting). */
    public static CommandLine commandLine() {
        return new CommandLine(new Jgan()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cli, parsed) -> {
                    if (!(e instanceof java.io.IOException)) {
                        throw e;
                    }
                    // A missing data set or a damaged checkpoint is the user's to fix: the message says how.
                    cli.getErr().println("jgan: " + e.getMessage());
                    return 1;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
