package io.jgan.samples;

import static io.jgan.samples.CliRun.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The command line as a user meets it: output, last line, exit codes. */
class JganCommandTest {

    @Test
    void evenTrainPrintsTheTableAndEndsWithTheSummaryLine() {
        CliRun r = run("even", "train", "--steps", "100", "--seed", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("50  : ["), r.out());
        assertTrue(r.lastLine().matches("even_fraction=\\d\\.\\d{3} distinct=\\d+ step_us=\\d+\\.\\d"), r.lastLine());
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        CliRun r = run("even", "train", "--stepz", "5");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--stepz"), r.err());
    }

    @Test
    void unknownSpecSaysWhichSpecsExist() {
        CliRun r = run("even", "train", "--spec", "nope");
        assertEquals(2, r.exitCode());
        // One line, naming the option and the choices (picocli spells enum constants in capitals; any case is accepted).
        String line = r.err().strip().toLowerCase(java.util.Locale.ROOT);
        assertTrue(!line.contains("\n") && line.contains("--spec") && line.contains("seed") && line.contains("diverse"),
                r.err());
    }
}
