package io.jgan.runtime.sweep;

import io.jgan.runtime.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checkpoints in a directory of this machine. */
public final class LocalCheckpointStore implements CheckpointStore {
    private final Path out;

    /**
     * Stores under {@code out}.
     *
     * @param out the sweep's output directory
     */
    public LocalCheckpointStore(Path out) {
        this.out = out;
    }

    @Override
    public String write(int trialId, byte[] bytes) throws IOException {
        String relative = CheckpointStore.relativePath(trialId);
        Path file = out.resolve(relative);
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, bytes);
        return relative;
    }
}
