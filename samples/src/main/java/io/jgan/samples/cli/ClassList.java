package io.jgan.samples.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The classes a conditional generator is asked for on a command line ({@code --class 0,3}): the list
 * in turn, one label per sample, or every class in turn when none is given.
 */
public final class ClassList {
    private ClassList() {}

    /**
     * Sample k's class: {@code classes[k % classes.length]}.
     *
     * @param classes the --class list, or null for every class
     * @param count the generator's class count, at least 2
     * @param n how many samples
     * @param checkpoint where the generator was read, for the message
     * @param cli the command, for a usage error
     * @return n labels
     * @throws CommandLine.ParameterException for a class outside [0, count)
     */
    public static int[] labels(int[] classes, int count, int n, Object checkpoint, CommandLine cli) {
        int[] cycle = classes;
        if (cycle == null) {
            cycle = new int[count];
            for (int c = 0; c < count; c++) {
                cycle[c] = c;
            }
        }
        for (int c : cycle) {
            if (c < 0 || c >= count) {
                throw new CommandLine.ParameterException(cli, "--class " + c + " is not a class of " + checkpoint
                        + "'s generator; use 0 to " + (count - 1));
            }
        }
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            labels[k] = cycle[k % cycle.length];
        }
        return labels;
    }

    /**
     * {@return the classes in words: "0 to 9 in turn", "7", "0, 3 in turn"}
     *
     * @param classes the --class list, or null for every class
     * @param count the generator's class count
     */
    public static String describe(int[] classes, int count) {
        return classes == null ? "0 to " + (count - 1) + " in turn"
                : Arrays.stream(classes).mapToObj(Integer::toString).collect(Collectors.joining(", "))
                        + (classes.length > 1 ? " in turn" : "");
    }
}
