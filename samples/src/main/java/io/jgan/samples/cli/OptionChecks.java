package io.jgan.samples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Range checks of numeric options, as usage errors (exit code 2) naming the option. */
public final class OptionChecks {

    private OptionChecks() {
    }

    /**
     * Requires {@code value >= min}.
     *
     * @param spec the command (for the usage error)
     * @param option the option's name, e.g. {@code "--rounds"}
     * @param value the value given
     * @param min the smallest allowed
     * @throws CommandLine.ParameterException if it is smaller
     */
    public static void atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be at least " + min + ", was "
                    + value);
        }
    }
}
