package io.jgan.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What each kind of failure becomes: one line and an exit code (case 9 of the hostile-user issue). */
class ErrorHandlerTest {
    private static String[] report(Throwable e, boolean debug) {
        StringWriter text = new StringWriter();
        int code = ErrorHandler.report(e, new PrintWriter(text), debug);
        return new String[] {Integer.toString(code), text.toString()};
    }

    @Test
    void case09_eachFailureIsOneLineWithItsExitCodeAndATraceOnlyWithDebug() {
        String[] io = report(new IOException("checkpoint x.jgan: corrupted"), false);
        assertEquals("1", io[0]);
        assertEquals("jgan: checkpoint x.jgan: corrupted" + System.lineSeparator(), io[1]);

        String[] data = report(CommandError.of("data/x holds 50 images; ..."), false);
        assertEquals("1", data[0]);
        assertEquals("jgan: data/x holds 50 images; ...", data[1].strip());

        String[] memory = report(new OutOfMemoryError("Java heap space"), false);
        assertEquals("1", memory[0]);
        assertTrue(memory[1].strip().matches("jgan: out of memory \\(this JVM may use \\d+ MB\\): ask for less, or run"
                + " java with a larger -Xmx"), memory[1]);

        String[] bug = report(new IllegalStateException("a bug"), false);
        assertEquals("1", bug[0]);
        assertEquals("jgan: internal error, please report it: java.lang.IllegalStateException: a bug (run again with"
                + " --debug for the stack trace)", bug[1].strip());

        String[] traced = report(new IllegalStateException("a bug"), true);
        assertTrue(traced[1].contains("\tat io.jgan.samples.cli.ErrorHandlerTest"), traced[1]);
        String[] lines = traced[1].strip().split("\\R");
        assertEquals("jgan: internal error, please report it: java.lang.IllegalStateException: a bug",
                lines[lines.length - 1]);
        assertTrue(ErrorHandler.debug(new String[] {"images", "sample", "--debug"}));
        assertTrue(!ErrorHandler.debug(new String[] {"images", "--", "--debug"}));
    }
}
