package io.jgan.runtime.io;

import io.jgan.runtime.internal.Bytes;
import io.jgan.runtime.internal.FileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a command's output files before any work is done, so that a long computation never ends
 * in "cannot write", and no file is lost by accident:
 * <ul>
 * <li>an output that exists is refused unless the user passed {@code --force};
 * <li>an output that is one of the command's inputs (the checkpoint it reads) is refused, even
 *     with {@code --force};
 * <li>two outputs with the same path are refused (the second would replace the first);
 * <li>an empty path, a directory, or a path under a regular file is refused;
 * <li>the nearest existing directory must accept a new file and have room for the output.
 * </ul>
 * Each refusal is an {@link IOException} naming the option, the file and what to do. The files are
 * then written with {@link AtomicFile}, so an interrupted write leaves no partial file.
 *
 * <pre>{@code
 * OutputFiles.create(force).input(checkpoint)
 *         .output("--out", out, Npy.fileSize(n, 784))
 *         .output("--noise-out", noiseOut, Npy.fileSize(n, 100))
 *         .check();
 * }</pre>
 */
public final class OutputFiles {
    private final boolean force;
    private final List<Path> inputs = new ArrayList<>();
    private final List<Output> outputs = new ArrayList<>();

    private record Output(String option, Path file, long bytes) {
    }

    private OutputFiles(boolean force) {
        this.force = force;
    }

    /**
     * Starts a check.
     *
     * @param force whether existing outputs may be replaced (never an input)
     * @return the check, to add files to
     */
    public static OutputFiles create(boolean force) {
        return new OutputFiles(force);
    }

    /**
     * Adds a file the command reads: no output may be it.
     *
     * @param file the input
     * @return this
     */
    public OutputFiles input(Path file) {
        inputs.add(file);
        return this;
    }

    /**
     * Adds a file the command writes; {@code null} (an option not given) is ignored.
     *
     * @param option the option that named it, for messages, e.g. {@code "--out"}
     * @param file the output, or null
     * @param bytes how large it will be (0 if unknown)
     * @return this
     */
    public OutputFiles output(String option, Path file, long bytes) {
        if (file != null) {
            outputs.add(new Output(option, file, bytes));
        }
        return this;
    }

    /**
     * Runs every check.
     *
     * @throws IOException the first problem found, naming the option and the file
     */
    public void check() throws IOException {
        for (int i = 0; i < outputs.size(); i++) {
            Output o = outputs.get(i);
            if (o.file().toString().isEmpty()) {
                throw new IOException(o.option() + " is empty: give the file to write");
            }
            for (Path input : inputs) {
                if (same(o.file(), input)) {
                    throw new IOException(o.option() + " " + o.file() + " is the file this command reads: it is never "
                            + "overwritten, not even with --force; choose another file");
                }
            }
            for (int j = 0; j < i; j++) {
                Output other = outputs.get(j);
                if (same(o.file(), other.file())) {
                    throw new IOException(other.option() + " and " + o.option() + " are the same file " + o.file()
                            + ": give each its own file");
                }
            }
            if (Files.isDirectory(o.file())) {
                throw new IOException(o.option() + " " + o.file() + " is a directory: give the file to write"
                        + " (a new name in it, or another path)");
            }
            if (Files.exists(o.file()) && !force) {
                throw new IOException(o.option() + " " + o.file() + " already exists: pass --force to replace it, "
                        + "or choose another file");
            }
            Path parent = o.file().toAbsolutePath().getParent();
            requireDirectory(o.option(), o.file(), parent, o.bytes());
        }
    }

    /**
     * Checks (and creates if missing) a directory a command will write to: a directory, not a file;
     * a new file can be created in it; and it has {@code bytes} free.
     *
     * @param option the option that named it, e.g. {@code "--out"}
     * @param dir the directory
     * @param bytes room needed, e.g. one checkpoint
     * @throws IOException naming the option, the directory and the problem
     */
    public static void requireDirectory(String option, Path dir, long bytes) throws IOException {
        if (dir.toString().isEmpty()) {
            throw new IOException(option + " is empty: give a directory");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(option + " " + dir + " is a file, not a directory: give a directory (it is created"
                    + " if missing)");
        }
        requireDirectory(option, dir, dir.toAbsolutePath(), bytes);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException(option + " " + dir + ": cannot create the directory: " + FileErrors.reason(e), e);
        }
    }

    private static void requireDirectory(String option, Path named, Path dir, long bytes) throws IOException {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new IOException(option + " " + named + ": no part of the path exists");
        }
        if (!Files.isDirectory(existing)) {
            throw new IOException(option + " " + named + ": " + existing + " is a file, not a directory");
        }
        // Create a file rather than ask Files.isWritable: a read-only mount says yes to root.
        Path probe = null;
        try {
            probe = Files.createTempFile(existing, ".jgan-write-test.", ".tmp");
        } catch (IOException e) {
            throw new IOException(option + " " + named + ": cannot create files in " + existing + ": "
                    + FileErrors.reason(e), e);
        } finally {
            if (probe != null) {
                Files.deleteIfExists(probe);
            }
        }
        requireRoom(option, named, existing, bytes);
    }

    /**
     * Checks that the file system holding {@code dir} has {@code bytes} free.
     *
     * @param option the option that named the output, e.g. {@code "--out"}
     * @param named the output as the user named it
     * @param dir an existing directory on the file system the output goes to
     * @param bytes the room needed
     * @throws IOException if there is less, with both sizes
     */
    public static void requireRoom(String option, Path named, Path dir, long bytes) throws IOException {
        if (bytes <= 0) {
            return;
        }
        long free = Files.getFileStore(dir).getUsableSpace();
        if (free < bytes) {
            throw new IOException(option + " " + named + " needs " + Bytes.format(bytes) + " but only "
                    + Bytes.format(free) + " are free there: free some space, or choose another place");
        }
    }

    private static boolean same(Path a, Path b) throws IOException {
        if (Files.exists(a) && Files.exists(b)) {
            return Files.isSameFile(a, b); // also through links and different spellings
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
