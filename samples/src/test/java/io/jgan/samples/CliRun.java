package io.jgan.samples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One {@code jgan} command run in this JVM, as a user would type it, with what it printed.
 *
 * @param exitCode the command's exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
public record CliRun(int exitCode, String out, String err) {
    /** {@return the last line of standard error: what the user reads} */
    public String lastError() {
        String[] lines = err.strip().split("\\R");
        return lines[lines.length - 1];
    }

    /** {@return the last line of standard output: a sample's summary line} */
    public String lastLine() {
        String[] lines = out.strip().split("\\R");
        return lines[lines.length - 1];
    }

    /**
     * Runs {@code jgan args...}.
     *
     * @param args the command line
     * @return its exit code and output
     */
    public static CliRun run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.out;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            CommandLine cli = Jgan.commandLine();
            cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            int code = cli.execute(args);
            return new CliRun(code, stdout.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }
}
