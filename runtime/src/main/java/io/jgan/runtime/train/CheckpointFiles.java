package io.jgan.runtime.train;

import io.jgan.runtime.io.AtomicFile;
import io.jgan.runtime.internal.FileErrors;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A run directory's checkpoints: the latest ({@code checkpoint.jgan}) and the one before it
 * ({@code checkpoint.prev.jgan}), so that a latest one lost or damaged has an older fallback.
 *
 * <p>{@link #write} rotates by renaming, never by copying: the new checkpoint is first written
 * completely as {@code checkpoint.next.jgan} (itself atomically, see {@link AtomicFile}), then the
 * latest is renamed to previous, then next to latest. A kill at any moment leaves the previous and
 * the latest distinct; a kill between the two renames leaves a complete {@code next}, and
 * {@link #finishRotation()} (run at start, under the {@link io.jgan.runtime.io.RunLock}) completes the rotation.
 */
public final class CheckpointFiles {
    /** The latest checkpoint's name. */
    public static final String LATEST = "checkpoint.jgan";
    /** The previous checkpoint's name. */
    public static final String PREVIOUS = "checkpoint.prev.jgan";
    /** A new checkpoint, complete, not yet rotated in. */
    public static final String NEXT = "checkpoint.next.jgan";

    private final Path dir;

    /**
     * The checkpoints of one run directory.
     *
     * @param dir the run directory
     */
    public CheckpointFiles(Path dir) {
        this.dir = dir;
    }

    /** {@return the latest checkpoint's path} */
    public Path latest() {
        return dir.resolve(LATEST);
    }

    /** {@return the previous checkpoint's path} */
    public Path previous() {
        return dir.resolve(PREVIOUS);
    }

    /** {@return the not yet rotated new checkpoint's path} */
    public Path next() {
        return dir.resolve(NEXT);
    }

    /** {@return whether the directory holds any checkpoint of a run (latest, previous or next)} */
    public boolean anyExists() {
        return Files.exists(latest()) || Files.exists(previous()) || Files.exists(next());
    }

    /**
     * {@return the checkpoint a resume will read, without changing anything: {@code next} if a
     * rotation is to complete ({@link #finishRotation()}), else the latest}
     */
    public Path toResume() {
        return Files.exists(next()) ? next() : latest();
    }

    /**
     * Writes {@code c} as the latest checkpoint, keeping the latest one as the previous.
     *
     * @param c the checkpoint
     * @throws IOException if it cannot be written; the existing checkpoints are then as they were
     */
    public void write(Checkpoint c) throws IOException {
        c.write(next());
        rotate();
    }

    /**
     * Completes a rotation that a kill interrupted: a complete {@code next} becomes the latest.
     *
     * @return a message saying so, if there was one to complete
     * @throws IOException if a rename fails
     */
    public Optional<String> finishRotation() throws IOException {
        if (!Files.exists(next())) {
            return Optional.empty();
        }
        rotate();
        return Optional.of("note: " + next() + " was written completely before the last run stopped: it is now "
                + LATEST);
    }

    private void rotate() throws IOException {
        if (Files.exists(latest())) {
            move(latest(), previous());
        }
        move(next(), latest());
        AtomicFile.syncDirectory(dir.toAbsolutePath());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw FileErrors.cannot("rename " + from + " to", to, e);
        }
    }
}
