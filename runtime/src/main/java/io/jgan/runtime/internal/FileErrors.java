package io.jgan.runtime.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns the JDK's file exceptions into reasons a user can read. {@code java.nio.file} exceptions
 * carry the path as their whole message ({@code AccessDeniedException: data/x}), and a full disk or
 * a truncated stream may have no message at all; {@link #cannot} names the file <em>and</em> the
 * reason.
 */
public final class FileErrors {

    private FileErrors() {
    }

    /**
     * What went wrong, without the path: "permission denied", "no such file or directory", "No
     * space left on device", ...
     *
     * @param e the failure
     * @return a short reason, never null
     */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            return "a file of that name already exists";
        } else if (e instanceof NotDirectoryException) {
            return "not a directory";
        } else if (e instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        } else if (e instanceof java.io.EOFException && e.getMessage() == null) {
            return "unexpected end of file (truncated?)";
        }
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getSimpleName().replaceAll("Exception$", "").toLowerCase(Locale.ROOT)
                : message;
    }

    /**
     * {@code "cannot write runs/x/log.csv: No space left on device"}.
     *
     * @param action what was being done: "read", "write", "create"
     * @param file the file
     * @param e the failure
     * @return an exception with that message, caused by {@code e}
     */
    public static IOException cannot(String action, Path file, IOException e) {
        return new FileException("cannot " + action + " " + file + ": " + reason(e), e);
    }

    /** An exception whose message already names the file: not wrapped again. */
    public static final class FileException extends IOException {
        private static final long serialVersionUID = 1L;

        FileException(String message, IOException cause) {
            super(message, cause);
        }
    }
}
