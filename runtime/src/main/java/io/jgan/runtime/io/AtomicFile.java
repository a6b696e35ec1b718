package io.jgan.runtime.io;

import io.jgan.runtime.internal.Bytes;
import io.jgan.runtime.internal.FileErrors;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Replaces a file atomically: readers see either the complete old content or the complete new
 * content, never a partial write, even if the process dies half-way.
 *
 * <p>The content goes to a temporary file in the target's directory (so the final rename stays
 * on one file system), is forced to disk, and is then moved over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}. If anything fails the temporary file is deleted and
 * the old target is left as it was.
 */
public final class AtomicFile {

    /** The names {@link #createTemp} gives: {@code .<target name>.<base-36 number>.tmp}. */
    private static final java.util.regex.Pattern TEMPORARY =
            java.util.regex.Pattern.compile("\\..+\\.[0-9a-z]{1,13}\\.tmp");

    private AtomicFile() {
    }

    /**
     * Atomically writes {@code bytes} to {@code target}.
     *
     * @param target the file to create or replace
     * @param bytes  the complete new content
     * @throws IOException if the file cannot be written; the old file is then untouched
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Atomically replaces {@code target} with whatever {@code writer} writes. Missing parent
     * directories are created.
     *
     * @param target the file to create or replace
     * @param writer produces the new content
     * @throws IOException if the writer or the file system fails; the old file is then untouched
     *                     and no temporary file is left behind
     */
    public static void write(Path target, IoWriter writer) throws IOException {
        write(target, writer, channel -> channel);
    }

    /**
     * As {@link #write(Path, IoWriter)}, with the disk behind a stand-in channel: tests pass one that
     * fails like a full disk.
     */
    static void write(Path target, IoWriter writer, UnaryOperator<WritableByteChannel> disk) throws IOException {
        if (target.toString().isEmpty()) {
            throw new IOException("cannot write a file with an empty name");
        }
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw FileErrors.cannot("create the directory for", target, e);
        }
        Path temp;
        try {
            temp = createTemp(dir, absolute.getFileName().toString());
        } catch (IOException e) {
            throw FileErrors.cannot("write", target, e);
        }
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                // Failures of the disk (not of the writer) name the target: "No space left on device"
                // alone names nothing.
                OutputStream out = new BufferedOutputStream(
                        new NamedFailures(Channels.newOutputStream(disk.apply(channel)), target), 1 << 16);
                // The writer may close its stream; that must not close the channel before force().
                writer.write(new NonClosingOutputStream(out));
                out.flush();
                try {
                    channel.force(true);
                } catch (IOException e) {
                    throw FileErrors.cannot("write", target, e);
                }
            }
            try {
                move(temp, absolute);
            } catch (IOException e) {
                throw FileErrors.cannot("replace", target, e);
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Deletes the temporary files a killed writer left in {@code dir} (only where no other process
     * writes: under a {@link RunLock}).
     *
     * @param dir the directory
     * @return the files deleted and their total size
     * @throws IOException if the directory cannot be listed or a file cannot be deleted
     */
    public static Leftovers removeTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new Leftovers(0, 0);
        }
        int count = 0;
        long bytes = 0;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (TEMPORARY.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
                    long size = Files.size(file);
                    Files.delete(file);
                    count++;
                    bytes += size;
                }
            }
        } catch (IOException e) {
            throw e instanceof FileErrors.FileException ? e : FileErrors.cannot("clean up temporary files in", dir, e);
        }
        return new Leftovers(count, bytes);
    }

    /**
     * Temporary files deleted by {@link #removeTemporaries}.
     *
     * @param count how many
     * @param bytes their total size
     */
    public record Leftovers(int count, long bytes) {
        @Override
        public String toString() {
            return count + " temporary file" + (count == 1 ? "" : "s") + " (" + Bytes.format(bytes) + ")";
        }
    }

    /**
     * Creates an empty temporary file next to the target. Unlike Files.createTempFile (which
     * makes owner-only files) this keeps the default permissions, so the final file gets them too.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            // Hidden name with the target's name in it, so a leftover after a crash is recognisable.
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createFile(dir.resolve("." + name + "." + suffix + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                // vanishingly unlikely; pick another name
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Rare file systems cannot rename atomically; a plain replace is the best left.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Makes renames inside {@code dir} durable where the platform allows opening a directory;
     * elsewhere (Windows) does nothing, the files' content being synced already.
     *
     * @param dir the directory whose entries changed
     */
    public static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Not supported on every OS (e.g. Windows); the file content itself is already synced.
        }
    }

    /** Rethrows the disk's failures with the target's name. */
    private static final class NamedFailures extends FilterOutputStream {
        private final Path target;

        NamedFailures(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw FileErrors.cannot("write", target, e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw FileErrors.cannot("write", target, e);
            }
        }
    }

    /** Passes writes through but turns close() into flush(), so the caller keeps control. */
    private static final class NonClosingOutputStream extends FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
