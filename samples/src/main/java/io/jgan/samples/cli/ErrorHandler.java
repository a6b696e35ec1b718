package io.jgan.samples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The one place where a command's failure becomes what the user sees: one line
 * {@code jgan: <what is wrong, which file or option, what to do>} on stderr, and an exit code:
 * {@value #OK} success, {@value #FAILURE} a data or file problem (or a run that could not finish),
 * {@value #USAGE} a bad option. A stack trace only with {@code --debug} (an option of every
 * command, see {@link #DEBUG}).
 *
 * <p>What counts as the user's problem: {@code IOException} (files, data, checkpoints),
 * {@link CommandError}, picocli's {@code ParameterException}, {@code OutOfMemoryError} (with the heap
 * to ask for). Anything else is a bug in jgan: one line too, saying so.
 *
 * <pre>{@code
 * CommandLine cli = ErrorHandler.install(new CommandLine(new MyCommand()));
 * System.exit(cli.execute(args));
 * }</pre>
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler,
        CommandLine.IParameterExceptionHandler {
    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: a data or file problem, or a run that could not finish. */
    public static final int FAILURE = 1;
    /** Exit code: a bad option or argument. */
    public static final int USAGE = 2;
    /** The option that asks for stack traces. */
    public static final String DEBUG = "--debug";

    private ErrorHandler() {
    }

    /**
     * Installs the handler on a command line (both for failures in a command and for bad options).
     *
     * @param cli the command line
     * @return {@code cli}
     */
    public static CommandLine install(CommandLine cli) {
        ErrorHandler handler = new ErrorHandler();
        return cli.setExecutionExceptionHandler(handler).setParameterExceptionHandler(handler);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        if (debug(args)) {
            e.printStackTrace(err);
        }
        String name = cli.getCommandSpec().qualifiedName();
        err.println(name + ": " + oneLine(e.getMessage()) + " (see " + name + " --help)");
        err.flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
        if (e instanceof CommandLine.ParameterException p) {
            return handleParseException(p, parsed.originalArgs().toArray(String[]::new));
        }
        return report(e, cli.getErr(), debug(parsed.originalArgs().toArray(String[]::new)));
    }

    /**
     * Prints a failure as {@link ErrorHandler} does (also for errors, e.g. OutOfMemoryError, that
     * picocli does not catch).
     *
     * @param e the failure
     * @param err where to print
     * @param debug whether to print the stack trace too
     * @return the exit code
     */
    public static int report(Throwable e, PrintWriter err, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        String message;
        int code = FAILURE;
        if (e instanceof CommandError c) {
            message = c.getMessage();
            code = c.exitCode();
        } else if (e instanceof IOException) {
            message = e.getMessage() != null ? e.getMessage() : e.toString();
        } else if (e instanceof OutOfMemoryError) {
            message = "out of memory (this JVM may use " + (Runtime.getRuntime().maxMemory() >> 20) + " MB): ask for"
                    + " less, or run java with a larger -Xmx";
        } else {
            message = "internal error, please report it: " + e + (debug ? "" : " (run again with " + DEBUG
                    + " for the stack trace)");
        }
        err.println("jgan: " + message);
        err.flush();
        return code;
    }

    /** Options' messages from picocli sometimes span lines; the user reads one. */
    private static String oneLine(String message) {
        return message == null ? "invalid usage" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /**
     * {@return whether the arguments ask for stack traces}
     *
     * @param args the command line's arguments
     */
    public static boolean debug(String[] args) {
        for (String a : args) {
            if (a.equals(DEBUG)) {
                return true;
            }
            if (a.equals("--")) {
                return false;
            }
        }
        return false;
    }
}
