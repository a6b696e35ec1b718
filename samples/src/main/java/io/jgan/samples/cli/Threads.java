package io.jgan.samples.cli;

import java.io.PrintStream;

/** Thread counts a user asks for, held to what the machine has. */
public final class Threads {

    private Threads() {
    }

    /**
     * More threads than cores only adds switching (and 100000 of them never get past starting):
     * a larger request is capped at the cores, with a note.
     *
     * @param requested the count asked for, at least 1
     * @param option the option, for the note
     * @param out where the note goes
     * @return {@code requested}, or the number of cores if that is lower
     */
    public static int cap(int requested, String option, PrintStream out) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (requested > cores) {
            out.println("note: " + option + " " + requested + " is more than the " + cores + " cores; using " + cores);
            return cores;
        }
        return requested;
    }
}
