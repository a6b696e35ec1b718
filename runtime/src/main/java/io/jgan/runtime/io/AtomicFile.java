package io.jgan.runtime.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

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
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = createTemp(dir, absolute.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                // The writer may close its stream; that must not close the channel before force().
                writer.write(new NonClosingOutputStream(out));
                out.flush();
                channel.force(true);
            }
            move(temp, absolute);
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
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

    /** Makes the rename itself durable where the platform allows opening a directory. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Not supported on every OS (e.g. Windows); the file content itself is already synced.
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
