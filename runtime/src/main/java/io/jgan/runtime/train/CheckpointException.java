package io.jgan.runtime.train;

import java.io.IOException;

/**
 * A checkpoint cannot be used: it is truncated, corrupted, of another format version, or belongs to
 * networks of another shape. The message names the file and the problem; nothing was restored.
 */
public final class CheckpointException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * The message says which file and what is wrong with it.
     *
     * @param message the file and the problem
     */
    public CheckpointException(String message) {
        super(message);
    }
}
