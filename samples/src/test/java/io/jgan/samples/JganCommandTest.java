package io.jgan.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line as a user meets it: output, last line, exit codes. */
class JganCommandTest {

    private record Run(int exitCode, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cli = Jgan.commandLine();
            cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
            int code = cli.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
        }
    }

    @Test
    void evenTrainPrintsTheTableAndEndsWithTheSummaryLine() {
        Run r = run("even", "train", "--steps", "100", "--seed", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("50  : ["), r.out());
        assertTrue(r.lastLine().matches("even_fraction=\\d\\.\\d{3} distinct=\\d+ step_us=\\d+\\.\\d"), r.lastLine());
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        Run r = run("even", "train", "--stepz", "5");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--stepz"), r.err());
    }

    @Test
    void unknownSpecSaysWhichSpecsExist() {
        Run r = run("even", "train", "--spec", "nope");
        assertEquals(2, r.exitCode());
        // One line, naming the option and the choices (picocli spells enum constants in capitals; any case is accepted).
        String line = r.err().strip().toLowerCase(java.util.Locale.ROOT);
        assertTrue(!line.contains("\n") && line.contains("--spec") && line.contains("seed") && line.contains("diverse"),
                r.err());
    }
}
