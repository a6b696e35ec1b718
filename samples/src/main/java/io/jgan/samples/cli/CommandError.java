package io.jgan.samples.cli;

/**
 * An error the user can fix, found by a command: bad data, a file in the way, a run that diverged.
 * {@link ErrorHandler} prints its message as one line and exits with its code. (Bad options are
 * picocli's {@code ParameterException}, exit code 2.)
 */
public final class CommandError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    private CommandError(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /**
     * A problem with the data or a file (exit code 1).
     *
     * @param message what is wrong, which file or option, and what to do
     * @return the error, to throw
     */
    public static CommandError of(String message) {
        return new CommandError(message, ErrorHandler.FAILURE, null);
    }

    /**
     * A problem with the data or a file (exit code 1), keeping its cause for {@code --debug}.
     *
     * @param message what is wrong, which file or option, and what to do
     * @param cause the exception behind it
     * @return the error, to throw
     */
    public static CommandError of(String message, Throwable cause) {
        return new CommandError(message, ErrorHandler.FAILURE, cause);
    }

    /** {@return the process exit code} */
    public int exitCode() {
        return exitCode;
    }
}
